"""Errors of the query service, each with the HTTP status it is answered with.

Messages are meant for the person who sent the query: they say what was wrong and what to do,
and never carry a stack trace or a file path.
"""
from __future__ import annotations

from ..errors import UserError


class ApiError(UserError):
    """An error answered with `status` and a one-paragraph plain-text `message`."""

    status = 500

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, object] | None = None,
    ) -> None:
        super().__init__(message)
        if status is not None:
            self.status = status
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def as_tuple(self) -> tuple:
        """Picklable form, to cross from a worker process to the server."""
        return (type(self).__name__, self.message, self.status, self.headers, self.extra)

    @staticmethod
    def from_tuple(data: tuple) -> "ApiError":
        name, message, status, headers, extra = data
        cls = _BY_NAME.get(name, ApiError)
        err = cls.__new__(cls)
        ApiError.__init__(err, message, status=status, headers=headers, extra=extra)
        return err


class BadRequest(ApiError):
    status = 400


class QuerySyntaxError(BadRequest):
    """A query the parser rejects; `extra` holds `line` and `column` when the parser gives them."""


class ReadOnly(ApiError):
    """An update (INSERT, DELETE, LOAD, …): this service only answers queries."""

    status = 403


class ServiceRefused(ApiError):
    """A federated query (SERVICE): refused before anything runs, so no request leaves the server."""

    status = 403


class NotAcceptable(ApiError):
    status = 406


class PayloadTooLarge(ApiError):
    status = 413


class UriTooLong(ApiError):
    status = 414


class UnsupportedMediaType(ApiError):
    status = 415


class QueryTimeout(ApiError):
    """The query ran past the time limit and was stopped."""

    status = 503


class Busy(ApiError):
    """Every query worker stayed busy for as long as a query may run."""

    status = 503


class UpstreamError(ApiError):
    """The remote SPARQL server is down, unreachable or failed."""

    status = 502


class UpstreamTimeout(ApiError):
    """The remote SPARQL server did not answer within the time limit."""

    status = 504


class InternalError(ApiError):
    status = 500


_BY_NAME = {
    cls.__name__: cls
    for cls in (
        ApiError, BadRequest, QuerySyntaxError, ReadOnly, ServiceRefused, NotAcceptable,
        PayloadTooLarge, UriTooLong, UnsupportedMediaType, QueryTimeout, Busy, UpstreamError,
        UpstreamTimeout, InternalError,
    )
}
