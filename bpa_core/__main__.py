"""Command line: ``python -m bpa_core assess DRAFT.json [--on YYYY-MM-DD]``, ``review`` and friends.

Errors print one line naming the problem (never the file's content) and exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from bpa_core import languages
from bpa_core.draft import Draft, DraftFileError, json_schema, load_draft
from bpa_core.rules.ruleset import NoRuleSetError


class CliError(Exception):
    """A problem to report on one line, with exit code 2."""


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _read_draft(path: str) -> Draft:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return load_draft(raw)
    except DraftFileError as exc:
        where = f" (field: {exc.field})" if exc.field else ""
        raise CliError(f"{path}: {exc.message_id}{where}") from None


def _on(args: argparse.Namespace) -> date:
    """The day of the estimate: ``--on``, else today in Norway (whatever the machine's zone)."""
    from bpa_core.deadlines import today_in_norway

    on: date | None = args.on
    return on if on is not None else today_in_norway()


def _cmd_assess(args: argparse.Namespace) -> None:
    from bpa_core.rules import assess
    from bpa_core.rules.report import assessment_to_dict

    draft = _read_draft(args.draft)
    try:
        assessment = assess(draft, on=_on(args))
    except NoRuleSetError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps(assessment_to_dict(assessment), ensure_ascii=False, indent=2))


def _cmd_review(args: argparse.Namespace) -> None:
    from bpa_core.review import review

    draft = _read_draft(args.draft)
    try:
        result = review(draft, on=_on(args))
    except NoRuleSetError as exc:
        raise CliError(str(exc)) from None
    print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))


def _cmd_deadline(args: argparse.Namespace) -> None:
    from bpa_core.deadlines import appeal_deadline

    print(json.dumps(appeal_deadline(args.received).to_dict(), indent=2))


def _cmd_schema(args: argparse.Namespace) -> None:
    sys.stdout.write(json_schema())


def _cmd_render(args: argparse.Namespace) -> None:
    from bpa_core.documents.build import build_documents
    from bpa_core.render.pdf import render_pdf

    draft = _read_draft(args.draft)
    lang = args.lang or draft.document_language
    try:
        documents = build_documents(draft, args.doc, lang, on=_on(args))
    except NoRuleSetError as exc:
        raise CliError(str(exc)) from None
    pdf = render_pdf(documents)
    try:
        Path(args.output).write_bytes(pdf)
    except OSError as exc:
        raise CliError(f"cannot write {args.output}: {exc.strerror}") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bpa_core", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("assess", help="estimate the BPA right for a draft file; prints JSON")
    p.add_argument("draft", help="a draft file saved from the app (JSON)")
    p.add_argument(
        "--on", type=_iso_date, default=None, help="assessment date (default: today in Norway)"
    )
    p.set_defaults(func=_cmd_assess)
    p = sub.add_parser(
        "review", help="what the application lacks, contradicts or says thinly; prints JSON"
    )
    p.add_argument("draft", help="a draft file saved from the app (JSON)")
    p.add_argument(
        "--on", type=_iso_date, default=None, help="assessment date (default: today in Norway)"
    )
    p.set_defaults(func=_cmd_review)
    p = sub.add_parser("deadline", help="the appeal deadline for a decision; prints JSON")
    p.add_argument(
        "--received", type=_iso_date, required=True, help="the day the decision was received"
    )
    p.set_defaults(func=_cmd_deadline)
    p = sub.add_parser("render", help="write the application and/or checklist as PDF")
    p.add_argument("draft", help="a draft file saved from the app (JSON)")
    p.add_argument("--doc", choices=("application", "checklist", "all"), default="all")
    p.add_argument("--lang", choices=languages.codes(), default=None, help="default: the draft's")
    p.add_argument(
        "--on", type=_iso_date, default=None, help="assessment date (default: today in Norway)"
    )
    p.add_argument("-o", "--output", required=True, help="the PDF file to write")
    p.set_defaults(func=_cmd_render)
    p = sub.add_parser("schema", help="print the draft file's JSON Schema")
    p.set_defaults(func=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        args.func(args)
    except CliError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
