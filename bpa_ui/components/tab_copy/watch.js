// The app page's half of the tab's copy (see tab_copy.js): the browser's own "leave this
// page?" prompt while there are answers not saved to a file, since the copy is gone once the
// tab is closed. Saving (the "Save my answers (file)" buttons, frame.save_button, whose keys
// begin with "save_") marks the answers of now as saved. Installed once per page.
(function () {
  "use strict";
  if (window.__bpaTabCopyWatch) return;
  window.__bpaTabCopyWatch = true;
  const NOW_HASH = "bpa-veiviser:answers-hash";
  const SAVED_HASH = "bpa-veiviser:saved-hash";
  const SAVE_BUTTONS = "[class*='st-key-save_'] button, [class*='st-key-save_'] a";

  function get(key) {
    try {
      return window.sessionStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  window.addEventListener("beforeunload", function (event) {
    if (window.__bpaTabCopyReload) return; // tab_copy.js reloads after a lost connection
    const now = get(NOW_HASH);
    if (now && get(SAVED_HASH) !== now) {
      event.preventDefault();
      event.returnValue = "";
    }
  });

  document.addEventListener(
    "click",
    function (event) {
      const target = event.target;
      const now = get(NOW_HASH);
      if (now && target instanceof Element && target.closest(SAVE_BUTTONS)) {
        try {
          window.sessionStorage.setItem(SAVED_HASH, now);
        } catch (e) {
          // no storage: the prompt stays, which is the safe side
        }
      }
    },
    true
  );
})();
