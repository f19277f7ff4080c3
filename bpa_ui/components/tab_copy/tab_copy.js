// The tab's copy of the answers (docs/ui.md, "The tab's copy"): a Streamlit component (the
// iframe protocol of st.components.v1, written out by hand: no build step, no library, no
// network). The app's page loads this file from the app's own server.
//
// The copy lives in this tab's sessionStorage only: per tab and origin (this frame and the app
// page share it), gone when the tab is closed; never localStorage, never a cookie, never in the
// address. It goes nowhere but back to this app, once, when a new session in the same tab asks
// for it (a reload, a tab the phone discarded, a reconnect after the server restarted).
//
// Arguments from the app on every run:
//   {read: true}                        a new session: send the copy back, {copy: "<json>"}
//   {hash: "", answers: false}          no answers (or "delete everything"): remove the copy
//   {hash, answers: true, copy?}        the answers of now; their JSON only when they changed
//   {passive: true}                     nothing (a second frame, in the week builder's
//                                       fragment, while the page's own frame writes)
(function () {
  "use strict";
  const COPY = "bpa-veiviser:draft";
  const COPY_HASH = "bpa-veiviser:draft-hash"; // the hash of the copy in COPY
  const NOW_HASH = "bpa-veiviser:answers-hash"; // the answers of now (read by watch.js)
  const SAVED_HASH = "bpa-veiviser:saved-hash"; // the answers last saved to a file (watch.js)
  let refused = null; // a copy the tab had no room for: not asked for again
  let asked = 0;
  let given = false; // the copy goes back once per frame

  function send(type, extra) {
    // Only to the app's own page (the copy never goes to another origin).
    window.parent.postMessage(
      Object.assign({ isStreamlitMessage: true, type: "streamlit:" + type }, extra),
      window.location.origin
    );
  }

  function store() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null; // storage switched off: the app works as before, without a copy
    }
  }

  function get(key) {
    const s = store();
    try {
      return s ? s.getItem(key) : null;
    } catch (e) {
      return null;
    }
  }

  function put(key, value) {
    const s = store();
    try {
      if (s) s.setItem(key, value);
      return Boolean(s);
    } catch (e) {
      return false; // over the tab's quota
    }
  }

  function drop(keys) {
    const s = store();
    try {
      if (s) keys.forEach(function (k) { s.removeItem(k); });
    } catch (e) {
      // nothing to drop
    }
  }

  function render(args) {
    if (!args || args.passive) return;
    if (args.read) {
      if (!given) {
        given = true;
        send("setComponentValue", { value: { copy: get(COPY) || "" }, dataType: "json" });
      }
      return;
    }
    if (!args.answers) {
      drop([COPY, COPY_HASH, NOW_HASH, SAVED_HASH]);
      return;
    }
    put(NOW_HASH, args.hash);
    if (typeof args.copy === "string") {
      if (put(COPY, args.copy) && put(COPY_HASH, args.hash)) {
        refused = null;
      } else {
        drop([COPY, COPY_HASH]); // never an older copy in place of the answers of now
        refused = args.hash;
      }
    } else if (get(COPY_HASH) !== args.hash && refused !== args.hash) {
      // A copy that never reached this frame (a run it did not see): ask for it again.
      asked += 1;
      send("setComponentValue", { value: { missing: args.hash, n: asked }, dataType: "json" });
    }
  }

  window.addEventListener("message", function (event) {
    if (event.source !== window.parent) return;
    const message = event.data;
    if (message && message.type === "streamlit:render") render(message.args);
  });

  // After the connection was lost (the server restarted, a new version, the network), Streamlit
  // connects again but runs nothing until the user acts, and a new session knows no answers.
  // The page posts its connection state to itself: on the first connection after a lost one,
  // load the page again (no "leave this page?": the answers are in the copy). The new session
  // reads the copy back, on the same step. (Asking for a run instead sends the old session's
  // widget values to a session that never drew them, which Streamlit refuses.)
  let lost = false;
  function onPageMessage(event) {
    const message = event.data;
    if (event.source !== window.parent || !message || message.stCommVersion !== 1) return;
    if (message.type === "WEBSOCKET_DISCONNECTED") lost = true;
    if (message.type === "WEBSOCKET_CONNECTED" && lost) {
      lost = false;
      window.parent.__bpaTabCopyReload = true; // read by watch.js
      window.parent.location.reload();
    }
  }
  try {
    window.parent.addEventListener("message", onPageMessage);
    window.addEventListener("pagehide", function () {
      window.parent.removeEventListener("message", onPageMessage);
    });
  } catch (e) {
    // not framed by the app's page: nothing to watch
  }
  send("componentReady", { apiVersion: 1 });
  send("setFrameHeight", { height: 0 });
})();
