"""A meeting's date as precisely as the graph knows it: a day, days, a month, a year, a window, or
only a bound (schema:startDate and endDate when known, else acu:notBefore and notAfter). Pages show
"2011", not "2011-01-01", for a meeting the source places only in 2011."""

from __future__ import annotations

import datetime as dt


def precision_of(start: dt.date | None, end: dt.date | None, nb: dt.date | None, na: dt.date | None) -> str:
    if start is not None:
        return "days" if end is not None and end > start else "day"
    if nb is None and na is None:
        return "none"
    if nb is None:
        return "by"
    if na is None:
        return "from"
    if nb.year == na.year and (nb.month, nb.day, na.month, na.day) == (1, 1, 12, 31):
        return "year"
    month_end = (
        (dt.date(nb.year + nb.month // 12, nb.month % 12 + 1, 1) - dt.timedelta(days=1)) if nb.day == 1 else None
    )
    if month_end == na:
        return "month"
    return "window"


def shown(f: dt.date | None, t: dt.date | None, precision: str) -> str:
    """The date as precisely as it is known: 2017-06-08, 2017-06, 2017, 2017-04-24 – 2017-04-30, ≤ 2017-06-22."""
    if f is None and t is None:
        return ""
    if precision == "year" and f:
        return f"{f.year}"
    if precision == "month" and f:
        return f"{f.year}-{f.month:02d}"
    if precision == "by" and t:
        return f"≤ {t.isoformat()}"
    if precision == "from" and f:
        return f"≥ {f.isoformat()}"
    return " – ".join(dict.fromkeys(d.isoformat() for d in (f, t) if d))


def span(
    start: dt.date | None, end: dt.date | None, nb: dt.date | None, na: dt.date | None
) -> tuple[dt.date | None, dt.date | None, str]:
    """The first and last day a meeting can be on (its dates, else its bounds), and their precision."""
    if start is not None:
        return start, end or start, precision_of(start, end, nb, na)
    return nb, na, precision_of(start, end, nb, na)


def shown_from(start: str, end: str, not_before: str, not_after: str) -> str:
    """``shown`` of ISO dates as read from a result row ('' where the graph has none)."""
    return shown(*span(*(dt.date.fromisoformat(v[:10]) if v else None for v in (start, end, not_before, not_after))))
