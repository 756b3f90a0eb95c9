"""The answer of a named query as text: a table for a terminal, CSV, SPARQL JSON, plain JSON values.

CSV and SPARQL JSON are SPARQL results formats: they are written by `rdf.results`, the writer the
endpoint uses, so a named query's answer reads the same whichever way it was asked for.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from rdflib import Literal, URIRef
from rdflib.term import Node

from ..namespaces import Base
from ..rdf.formats import BY_KEY
from ..rdf.results import write_rows
from ..rdf.rows import Rows


def to_sparql_json(rows: Rows) -> dict[str, Any]:
    """Rows in the SPARQL 1.1 Query Results JSON format (with `"truncated": true` when cut)."""
    result: dict[str, Any] = json.loads(write_rows(rows, BY_KEY["json"]))
    return result


def to_csv(rows: Rows) -> str:
    """Rows as SPARQL 1.1 CSV results: a header of variable names, then plain values."""
    return write_rows(rows, BY_KEY["csv"]).decode("utf-8")


def json_value(term: Node | None) -> Any:
    """A term as a plain JSON value: numbers and booleans as such, everything else as its text."""
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool) or (isinstance(value, int) and term.datatype is not None):
            return value
        if isinstance(value, (float, Decimal)):
            return float(value)
    return str(term)


def to_table(rows: Rows, base: Base, width: int = 48) -> str:
    """Rows as an aligned text table; IRIs under the base shortened to their path, long cells cut."""
    variables = [v for v in rows.variables if any(v in r for r in rows)] or list(rows.variables)

    def cell(term: Node | None) -> str:
        text = "" if term is None else str(term)
        local = base.local(text) if isinstance(term, URIRef) else None
        if local is not None:
            text = local
        text = " ".join(text.split())
        return text if len(text) <= width else text[: width - 1] + "…"

    table = [variables] + [[cell(r.get(v)) for v in variables] for r in rows]
    sizes = [max(len(line[i]) for line in table) for i in range(len(variables))]
    lines = ["  ".join(c.ljust(sizes[i]) for i, c in enumerate(line)).rstrip() for line in table]
    lines.insert(1, "  ".join("-" * s for s in sizes))
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


WRITERS: dict[str, Callable[[Rows, Base], str]] = {
    "table": to_table,
    "csv": lambda rows, base: to_csv(rows).rstrip("\r\n"),
    "json": lambda rows, base: json.dumps(to_sparql_json(rows), ensure_ascii=False, indent=2),
}
"""What `acuerdos query --format` prints, by format name."""
