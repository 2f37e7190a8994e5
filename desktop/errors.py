"""Errors the services raise: each carries a message fit to show a person.

The UI shows ``DomainError.message`` beside ``field`` (or in a message bar when there is no
field); the command line prints it on one line.  Translation happens when it is shown, so
the services never need to know the language.
"""

from __future__ import annotations

from desktop.i18n import Message


class ClubhouseError(Exception):
    """Base of every error the app expects and explains to a person."""

    exit_code = 1

    def __init__(self, message: Message, field: str | None = None) -> None:
        super().__init__(message.text)
        self.message = message
        self.field = field

    def render(self, lang: str | None = None) -> str:
        return self.message.render(lang)


class DomainError(ClubhouseError):
    """A rule refused the action (invalid input, a conflict, a state that does not allow it)."""


class NotFound(DomainError):
    """The record the action names does not exist (or no longer does)."""


class PermissionDenied(ClubhouseError):
    """The signed-in account's role may not do this (DESIGN.md: who may do what)."""

    exit_code = 3


class SignInFailed(ClubhouseError):
    """Wrong user name or password, a disabled account, or too many attempts."""

    exit_code = 3


class DatabaseProblem(ClubhouseError):
    """The database is missing, locked, not a Clubhouse database, or damaged."""

    exit_code = 4
