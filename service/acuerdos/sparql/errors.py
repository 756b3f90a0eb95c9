"""Errors of reading a SPARQL Protocol request, each with the HTTP status it is answered with.

Only the protocol's own: a malformed request (400), a body too slow (408) or too large (413), a body type or
charset we do not read (415). What the store refuses (an update, SERVICE, a
syntax error, a time-out) is a ``store.errors`` error, and ``acuerdos.http`` gives every error its
status. Messages say what was wrong and what to do, never a stack trace or a file path.
"""

from __future__ import annotations

from ..errors import UserError


class ApiError(UserError):
    """A protocol error answered with `status` and a one-paragraph plain-text `message`."""

    status = 400


class BadRequest(ApiError):
    status = 400


class RequestTimeout(ApiError):
    """The body did not arrive whole within the read time limit (a slow or stalled client)."""

    status = 408


class PayloadTooLarge(ApiError):
    status = 413


class UnsupportedMediaType(ApiError):
    status = 415
