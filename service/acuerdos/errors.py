"""Errors a user can cause, carrying what went wrong and where, so the CLI prints one clear line."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in the user's input (a data file, a query, an option): reported without traceback."""

    def __init__(self, message: str, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class DataError(UserError):
    """A data or ontology file that cannot be read as RDF."""


class NotAcceptableError(UserError):
    """None of the formats a client accepts is one we can answer in (HTTP 406)."""


class BadFormatError(UserError):
    """A format parameter that names no format at all (HTTP 400)."""
