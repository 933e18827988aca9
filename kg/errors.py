"""The exceptions kg raises, each carrying where the problem is and the exit code the CLI uses.

The library raises these; only `kg.cli` turns them into one line on stderr and an exit code.
"""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 1

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.field = field

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file) + (f":{self.line}" if self.line else ""))
        elif self.line:
            parts.append(f"line {self.line}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message


class InputError(KgError):
    """A catalog or other input file cannot be read as what it claims to be."""

    exit_code = 2


class EncodingError(InputError):
    """The bytes of an input file are not text in any encoding kg understands."""


class FormatError(InputError):
    """The text is not a catalog in any format kg reads, or its table is not a catalog's."""


class CitationError(KgError):
    """A citation cannot be parsed (for example a broken document number)."""

    exit_code = 3


class StatuteError(KgError):
    """The statute library is missing, malformed, or does not know an act."""

    exit_code = 4


class StoreError(KgError):
    """The graph store is missing, locked or corrupt."""

    exit_code = 5


class QueryError(KgError):
    """A SPARQL query is malformed, not allowed (an update without --update), or failed."""

    exit_code = 6


class EndpointError(KgError):
    """A remote SPARQL server could not be reached or refused the request."""

    exit_code = 7


class ValidationError(KgError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 8


class NotFoundError(KgError):
    """An act, article, item or unit named by the user is not in the graph."""

    exit_code = 9


class QuestionError(KgError):
    """A natural-language question could not be mapped to any known form."""

    exit_code = 10
