"""Whether a query may run: checked by every backend before any engine sees it.

A lexical check (``rdf.sparql_text.analyse``), so it protects the embedded store and a remote
server alike and costs little in the server process: an update keyword (`INSERT`, `DELETE`,
`LOAD`, `CLEAR`, `CREATE`, `DROP`, `COPY`, `MOVE`, `ADD`, `WITH`; none of them is a word of the
query grammar) refuses the query as an update; `SERVICE` anywhere in a bare word or a prefix
refuses it as federated (a federated query would make the engine open a connection to a URL of
the client's choosing: pyoxigraph does; so do most servers).
"""

from __future__ import annotations

from ..rdf.sparql_text import QueryInfo, analyse
from .errors import BadQuery, QueryRefused


def check_query(query: str) -> QueryInfo:
    """Refuse what must not run (an update, a federated query, an empty query, a NUL); the query's form.

    Raises ``QueryRefused`` (an update or SERVICE) and ``BadQuery`` (empty, or a NUL character).
    """
    if not query or not query.strip():
        raise BadQuery("The query is empty: send a SPARQL query in the `query` parameter or as the request body.")
    if "\x00" in query:
        raise BadQuery("The query contains a NUL character.")
    info = analyse(query)
    if info.updates:
        raise QueryRefused(
            "This endpoint is read-only: SPARQL Update ("
            + ", ".join(info.updates)
            + ") is not accepted. Send a SELECT, ASK, CONSTRUCT or DESCRIBE query.",
            reason="update",
        )
    if info.federated:
        raise QueryRefused(
            "Federated queries are not allowed: this endpoint does not run SERVICE clauses, "
            "so it never contacts another server on a query's behalf. Query the other endpoint directly.",
            reason="service",
        )
    return info
