"""Typed errors. The library raises these; the CLI maps them to exit codes.

Exit codes: 0 ok / conformant, 1 the data does not conform, 2 usage or bad input, 3 internal error.
"""

from __future__ import annotations


class ScholarKGError(Exception):
    """Base class of every error scholarkg raises on purpose."""

    exit_code = 3

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return f"{self.message}; {self.hint}" if self.hint else self.message


class InputError(ScholarKGError):
    """Input that cannot be used: names the file and line and says how to fix it."""

    exit_code = 2

    def __init__(self, path: str, line: int | None, message: str, hint: str = "") -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}", hint)


class UsageError(ScholarKGError):
    """A command was called in a way that cannot work (missing build, bad option value)."""

    exit_code = 2


class StoreError(ScholarKGError):
    """The Oxigraph store could not be opened or queried."""

    exit_code = 2


class QueryError(ScholarKGError):
    """A SPARQL query given by the user does not parse or cannot run."""

    exit_code = 2


class AccountingError(ScholarKGError):
    """An input record went missing between stages: a bug, never the input's fault."""

    exit_code = 3


class ConfigError(InputError):
    """A setting that cannot be used: names the file, the key (and line when known), a hint."""

    def __init__(
        self, path: str, key: str, message: str, hint: str = "", line: int | None = None
    ) -> None:
        self.key = key
        self.detail = message  # the message without the file and line
        super().__init__(path, line, message, hint)


class RemoteError(ScholarKGError):
    """A remote SPARQL store refused or failed a request (after the retries), or is unreachable."""

    exit_code = 2
