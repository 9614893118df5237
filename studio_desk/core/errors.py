"""Errors that carry a message meant for the clerk (in Chinese)."""

from __future__ import annotations

from dataclasses import dataclass


class StudioDeskError(Exception):
    """An expected failure; ``str(err)`` is a complete Chinese sentence for the user."""


class DatabaseError(StudioDeskError):
    """The database file cannot be used (not SQLite, damaged, locked, read-only…)."""


class SchemaTooNewError(DatabaseError):
    """The file was written by a newer version of Studio Desk."""


class NotStudioDeskError(DatabaseError):
    """The file is SQLite but was not made by Studio Desk."""


@dataclass(frozen=True)
class FieldError:
    field: str  # attribute name of the record field ("" for the whole record)
    label: str  # Chinese label of the field
    message: str  # Chinese message, naming the field

    def __str__(self) -> str:
        return self.message


class ValidationError(StudioDeskError):
    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("；".join(e.message for e in self.errors) or "记录无效")


class RecordNotFound(StudioDeskError):
    pass
