"""What every reader of structured sources shares: reading a file as text, dates, the warning
for an organization printed as an editor, and the one for people in roles the graph does not
hold (translators, a book's author…)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..records import Problem, RawAuthor, SourceRef
from .page import read_text_lines

_MONTH_NAMES = {
    name: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}


def read_text(path: Path) -> str:
    """A file's text, NFC-normalised; unreadable, binary or non-UTF-8 files are an InputError."""
    return "\n".join(read_text_lines(path))


def iso_date(
    date: str | int | None, month: str | int | None = None, day: str | int | None = None
) -> str:
    """An ISO 8601 date (``2017``, ``2017-06``, ``2017-06-01``) from what sources print: a
    year, a year and a month name or number, or an ISO date; ``""`` when it is none of them."""
    text = str(date).strip() if date is not None else ""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:/.*)?", text)
    if not m:
        return ""
    year, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is None and month not in (None, ""):
        mtext = str(month).strip().lower().rstrip(".")
        mo = (
            str(_MONTH_NAMES[mtext])
            if mtext in _MONTH_NAMES
            else (mtext if mtext.isdigit() else None)
        )
        if d is None and day not in (None, "") and str(day).strip().isdigit():
            d = str(day).strip()
    if mo is None or not (1 <= int(mo) <= 12):
        return year
    if d is None or not (1 <= int(d) <= 31):
        return f"{year}-{int(mo):02d}"
    return f"{year}-{int(mo):02d}-{int(d):02d}"


def organization_editors(editors: Iterable[RawAuthor]) -> list[Problem]:
    """A warning for each organization printed as an editor: schema:editor holds people, so it
    is left out, never silently."""
    return [
        Problem(e.source, f"editor {e.text!r} is an organization, not a person; ignored")
        for e in editors
        if e.organization
    ]


def unread_roles(src: SourceRef, roles: Iterable[tuple[str, list[str]]]) -> list[Problem]:
    """A warning for each role whose people the graph does not hold (it holds authors and
    editors): they are left out, never silently. ``roles``: (role, the names printed in it)."""
    out: list[Problem] = []
    for role, names in roles:
        if not names:
            continue
        shown = "; ".join(names[:3]) + ("; …" if len(names) > 3 else "")
        out.append(
            Problem(
                src,
                f"{role} ({len(names)}: {shown}) is not read: the graph holds authors and "
                "editors only, so these names are left out",
            )
        )
    return out
