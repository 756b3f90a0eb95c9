"""The one result-row type: what every backend's SELECT returns and every writer reads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rdflib.term import Node

Row = dict[str, Node]


class Rows(list[Row]):
    """The rows of a SELECT (variable name → rdflib term, unbound variables absent), the projected
    variables in order, and whether the answer was cut at the result limit."""

    def __init__(self, rows: Iterable[Row] = (), variables: Sequence[str] = (), truncated: bool = False) -> None:
        super().__init__(rows)
        self.variables = list(variables) or sorted({name for row in self for name in row})
        self.truncated = truncated
