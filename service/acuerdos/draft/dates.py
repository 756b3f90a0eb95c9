"""Dates and deadlines of a decision, resolved against the meeting's date.

Each found date keeps the words it comes from (``acu:dateText``) and its precision: a day, a span
of days, a week, a month, a year, or a time limit counted from the meeting ("en un plazo no mayor
de sesenta días"). A date printed without its year is the next such date on or after the meeting.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTH_NAMES = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES.split(" "))}
MONTHS["setiembre"] = 9
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r")\b"  # not "mayo" in "mayor"
_YEAR = r"(?:\s+(?:de|del)\s+(?P<year>\d{4}))?"
_WEEKDAY = r"(?:(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\s+)?"
_NUMBERS = {
    "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "quince": 15, "veinte": 20, "treinta": 30, "cuarenta": 40, "cuarenta y cinco": 45,
    "sesenta": 60, "noventa": 90, "ciento veinte": 120,
}  # fmt: skip
_UNIT_DAYS = {"día": 1, "días": 1, "semana": 7, "semanas": 7, "mes": 30, "meses": 30}
_DEADLINE = r"(?P<deadline>a más tardar|antes del?|hasta el|no más tarde del?)\s+"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("limit", re.compile(
        r"\b(?:en|dentro de)\s+(?:un plazo\s+)?(?:no mayor (?:de|a)\s+|de\s+)?(?P<n>\d+|" + "|".join(
            sorted(_NUMBERS, key=len, reverse=True)) + r")\s+(?P<unit>días|semanas|meses)", re.I)),
    ("week-of", re.compile(
        r"(?:en\s+)?la semana del\s+(?P<d1>\d{1,2})\s+al\s+(?P<d2>\d{1,2})\s+de\s+" + _MONTH + _YEAR, re.I)),
    ("last-week", re.compile(
        r"(?:durante\s+)?la (?P<which>última|primera|segunda|tercera) semana de\s+" + _MONTH + _YEAR, re.I)),
    ("range", re.compile(
        r"(?:" + _DEADLINE + r")?(?:(?:los días|el día|los|del|el)\s+(?:del\s+)?)?" + _WEEKDAY
        + r"(?P<d1>\d{1,2})\s*(?:y|al|-|a)\s*(?P<d2>\d{1,2})\s+de\s+" + _MONTH + _YEAR, re.I)),
    ("day", re.compile(
        r"(?:" + _DEADLINE + r")?(?:(?:el día de mañana|el día|el)\s+)?" + _WEEKDAY + r"(?P<d1>\d{1,2})\s+de\s+"
        + _MONTH + _YEAR, re.I)),
    ("month", re.compile(r"(?:" + _DEADLINE + r")?\b(?:en|durante|para)\s+(?:el mes de\s+)?" + _MONTH + _YEAR, re.I)),
    ("year", re.compile(r"\ben\s+(?P<year>20\d\d)\b")),
]  # fmt: skip


@dataclass(frozen=True)
class DateFound:
    """A date a decision gives: its kind (deadline or scheduled), its span, precision and words."""

    kind: str  # "deadline" or "scheduled"
    start: dt.date
    end: dt.date
    precision: str  # day, days, week, month, year, time-limit
    text: str
    offset: int  # where the words start in the decision's text


def _year_for(month: int, day: int, year: str | None, meeting: dt.date) -> int:
    if year:
        return int(year)
    candidate = dt.date(meeting.year, month, min(day, calendar.monthrange(meeting.year, month)[1]))
    return meeting.year if candidate >= meeting - dt.timedelta(days=1) else meeting.year + 1


def _resolve(kind: str, m: re.Match[str], meeting: dt.date) -> tuple[dt.date, dt.date, str] | None:
    g = m.groupdict()
    if kind == "limit":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        return meeting, meeting + dt.timedelta(days=n * _UNIT_DAYS[g["unit"].lower()]), "time-limit"
    if kind == "year":
        y = int(g["year"])
        return dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    month = MONTHS[g["month"].lower()]
    if kind == "month":
        y = _year_for(month, 1, g.get("year"), meeting.replace(day=1))
        return dt.date(y, month, 1), dt.date(y, month, calendar.monthrange(y, month)[1]), "month"
    if kind == "last-week":
        y = _year_for(month, 1, g.get("year"), meeting.replace(day=1))
        last = calendar.monthrange(y, month)[1]
        if g["which"].lower() == "última":
            end = dt.date(y, month, last)
            start = end - dt.timedelta(days=end.weekday())  # the Monday of the month's last week
            return start, end, "week"
        first = dt.date(y, month, 1)
        monday = first - dt.timedelta(days=first.weekday())
        index = {"primera": 0, "segunda": 1, "tercera": 2}[g["which"].lower()]
        start = max(first, monday + dt.timedelta(weeks=index))
        return start, min(monday + dt.timedelta(weeks=index, days=6), dt.date(y, month, last)), "week"
    d1 = int(g["d1"])
    d2 = int(g.get("d2") or d1)
    try:
        y = _year_for(month, d1, g.get("year"), meeting)
        return (
            dt.date(y, month, d1),
            dt.date(y, month, d2),
            ("week" if kind == "week-of" else "day" if d1 == d2 else "days"),
        )
    except ValueError:
        return None


_PAST = re.compile(r"\b(?:realizad|celebrad|llevad[oa]s? a cabo|convocad|sostenid|efectuad)\w*\b[^.;]{0,40}$", re.I)


def find_dates(text: str, meeting: dt.date) -> list[DateFound]:
    """Every date or time limit in ``text`` still to come at the meeting (a date of an event already
    held, "realizada en Miami del 15 al 16 de junio", is not the decision's), in the order printed."""
    found: list[DateFound] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            past = bool(_PAST.search(text[max(0, m.start() - 60) : m.start()]))
            resolved = _resolve(kind, m, meeting.replace(year=meeting.year - 1) if past else meeting)
            if resolved is None or resolved[1] < meeting or (past and resolved[0] < meeting):
                continue
            start, end, precision = resolved
            deadline = kind == "limit" or bool(m.groupdict().get("deadline"))
            found.append(DateFound("deadline" if deadline else "scheduled", start, end, precision,
                                   m.group(0).strip(" ,."), m.start()))  # fmt: skip
            taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.offset)
    return found
