"""What can go wrong when the store runs a query, without HTTP: ``acuerdos.http`` maps each to a status.

Messages are meant for the person who sent the query: they say what was wrong and what to do, and
never carry a stack trace or a file path. Errors raised in a worker process cross the pipe as
``as_tuple()`` (class name, message, details) and are rebuilt by ``from_tuple``.
"""

from __future__ import annotations

from typing import Any

from ..errors import UserError


class StoreError(UserError):
    """The store cannot start or is unavailable (no built release, an unreadable dump, a worker that died on start)."""


class QueryError(UserError):
    """A query that got no answer; ``details`` are the keyword arguments that rebuild it across a pipe."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.details = details

    def as_tuple(self) -> tuple[str, str, dict[str, Any]]:
        """The picklable form, to cross from a worker process to the server."""
        return (type(self).__name__, self.message, dict(self.details))

    @staticmethod
    def from_tuple(data: tuple[str, str, dict[str, Any]]) -> QueryError:
        name, message, details = data
        return _BY_NAME.get(name, QueryFailed)(message, **details)


class BadQuery(QueryError):
    """The client's query or its parameters are wrong (empty, a bad graph IRI, refused by a remote parser…)."""


class QuerySyntaxError(BadQuery):
    """A query the parser rejects, with the position it gives (``line``, ``column``) when it gives one."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        details = {} if line is None else {"line": line, "column": column}
        super().__init__(message, **details)
        self.line = line
        self.column = column


class WrongQueryForm(BadQuery):
    """A SELECT asked of ``construct``, an ASK of ``select``…"""


class QueryRefused(QueryError):
    """A query that must not run: an update (this store is read-only) or SERVICE (federated)."""

    def __init__(self, message: str, reason: str = "update") -> None:
        super().__init__(message, reason=reason)
        self.reason = reason  # "update" | "service"


class QueryTimeout(QueryError):
    """The query ran past the time limit (or needed more memory than a query may use) and was stopped."""


class StoreBusy(QueryError):
    """Every worker stayed busy for as long as a query may run, or the store is shutting down."""

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message, **({} if retry_after is None else {"retry_after": retry_after}))
        self.retry_after = retry_after


class ClientBusy(StoreBusy):
    """This client has as many queries running and waiting as one client may (HTTP 429)."""


class WorkerLost(StoreBusy):
    """The worker stopped while answering (out of memory, most likely); it is being replaced."""


class UpstreamError(QueryError):
    """The remote SPARQL server is down, unreachable, failed or answered something unreadable."""


class UpstreamTimeout(QueryError):
    """The remote SPARQL server did not answer within the time limit."""


class QueryFailed(QueryError):
    """A bug or a worker that died: reported without details."""


_BY_NAME: dict[str, type[QueryError]] = {
    cls.__name__: cls
    for cls in (
        QueryError,
        BadQuery,
        QuerySyntaxError,
        WrongQueryForm,
        QueryRefused,
        QueryTimeout,
        StoreBusy,
        ClientBusy,
        WorkerLost,
        UpstreamError,
        UpstreamTimeout,
        QueryFailed,
    )
}
