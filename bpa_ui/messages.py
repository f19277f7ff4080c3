"""Message ids from bpa_core (validation, draft files) as translated sentences."""

from __future__ import annotations

from bpa_core import limits
from bpa_core.draft import MAX_MINUTES, MAX_TIMES
from bpa_ui.fmt import whole
from bpa_ui.i18n import _


def problem(message_id: str) -> str:
    """A translated sentence for a validation or draft-file message id."""
    texts = {
        "too_small": _("The number is too small."),
        "too_large": _("The number is too large."),
        "not_a_whole_number": _("Write a whole number."),
        "not_a_number": _("Write a number."),
        "too_many_decimals": _("Use at most two decimals."),
        "not_a_date": _("Write the date as day.month.year, for example 14.03.1992."),
        "date_in_future": _("The date cannot be after today."),
        "not_a_choice": _("Choose one of the options."),
        "too_long": _("The text is too long."),
        "too_many": _("There are too many rows."),
        "required": _("This must be filled in."),
        "unknown_field": _("The file has a field this tool does not know."),
        "birth_date_too_early": _("The date of birth must be after 1900."),
        "not_hours": _("Write a number of hours from 0 to 168, for example 37,5."),
        "decided_after_received": _("The decision cannot be dated after the day it came."),
        "too_many_lines": _("The text has too many lines. Use at most {lines} lines.").format(
            lines=whole(limits.MAX_LINES)
        ),
        "draft_too_long": _(
            "All the answers together are too long (more than about {pages} pages). Shorten "
            "this or another long answer."
        ).format(pages=whole(limits.MAX_PRINTED_LINES // limits.LINES_PER_PAGE)),
        "no_such_date": _("That date does not exist. Check the day and the month."),
        # The week's numbers, typed as text (bpa_ui.week)
        "minutes_not_whole": _("Write whole minutes, without decimals, for example 12 or 13."),
        "minutes_not_a_number": _("Write the minutes as a number, for example 15."),
        # The limits as the fields take them: "1,440" (en) would be refused as a decimal.
        "minutes_out_of_range": _("Write a number of minutes from 1 to {most}.").format(
            most=MAX_MINUTES
        ),
        "times_not_whole": _("Write a whole number of times, without decimals."),
        "times_not_a_number": _("Write how many times as a number, for example 2."),
        "times_out_of_range": _("Write a number from 1 to {most}.").format(most=MAX_TIMES),
        "longer_than_day": _(
            "The minutes times the number of times are more than a day has (24 hours)."
        ),
        "longer_than_week": _(
            "The minutes times the number of times are more than a week has (168 hours)."
        ),
        "longer_than_month": _("The minutes times the number of times are more than a month has."),
        "longer_than_year": _("The minutes times the number of times are more than a year has."),
        # The fødselsnummer (bpa_core.national_id)
        "national_id_digits": _(
            "Write all 11 digits: the date of birth (6 digits) and the personal number (5 digits)."
        ),
        "national_id_not_a_date": _(
            "The first six digits must be the date of birth: day, month and year."
        ),
        "national_id_control": _(
            "This is not a valid number. One of the digits is probably wrong: check them."
        ),
        "national_id_birth_date": _(
            "The first six digits do not match the date of birth. Check both."
        ),
        # Draft files
        "not_json": _("The file could not be read. Choose a draft file saved from this tool."),
        "not_a_draft": _("This is not a draft file from this tool. Choose another file."),
        "newer_version": _(
            "The file was saved by a newer version of this tool. Use the newest version to open it."
        ),
        "file_too_big": _("The file is too large to be a draft file from this tool."),
    }
    return texts.get(message_id, _("The value is not valid."))


def field_problem(field_label: str, message_id: str) -> str:
    """``Date of birth: Write a valid date.`` — the error names the field."""
    return _("{field}: {problem}").format(field=field_label, problem=problem(message_id))


def file_problem(field_label: str | None, message_id: str) -> str:
    """A problem in a saved draft file, in words that fit a file (never a typing instruction).

    ``field_label`` is the question's label, or None when the field has no question.
    """
    if message_id == "unknown_field":
        return _("The saved file has a part this tool does not know.")
    if message_id == "draft_too_long":
        pages = whole(limits.MAX_PRINTED_LINES // limits.LINES_PER_PAGE)
        if field_label is None:
            return _(
                "The answers in the saved file are too long altogether (more than about {pages} "
                "pages). This tool cannot open it."
            ).format(pages=pages)
        # The field is the one that takes most of the room (bpa_core.limits.over_budget).
        return _(
            "The answers in the saved file are too long altogether (more than about {pages} "
            "pages). The longest is the answer to “{field}”. This tool cannot open the file."
        ).format(pages=pages, field=field_label)
    if field_label is None:
        return _("The saved file has an answer we cannot read.")
    if message_id == "too_long":
        return _("The saved file has an answer to “{field}” that is too long.").format(
            field=field_label
        )
    if message_id == "too_large":
        return _("The saved file has an answer to “{field}” that is too large.").format(
            field=field_label
        )
    if message_id == "too_small":
        return _("The saved file has an answer to “{field}” that is too small.").format(
            field=field_label
        )
    if message_id == "too_many":
        return _("The saved file has too many answers to “{field}”.").format(field=field_label)
    if message_id == "too_many_lines":
        return _("The saved file has an answer to “{field}” with too many lines.").format(
            field=field_label
        )

    return _("The saved file has an answer to “{field}” that we cannot read.").format(
        field=field_label
    )
