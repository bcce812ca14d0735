"""The playbooks package's exceptions.

A playbook can go wrong in three ways a user can act on: its file is not a valid playbook
(``PlaybookFileError``), no playbook has the name asked for (``UnknownPlaybook``), or a
parameter is missing or has a value of the wrong kind (``MissingParameter``,
``ParameterError``). Messages name the file, playbook or parameter and say what to do; they
never carry a value taken from the graph.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["PlaybookError", "PlaybookFileError", "UnknownPlaybook", "ParameterError", "MissingParameter"]


class PlaybookError(Exception):
    """Base of every error raised by ``playbooks``."""


class PlaybookFileError(PlaybookError):
    """A playbook or indicator file cannot be used as it is written."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = str(path)
        super().__init__(f"{path}: {message}")


class UnknownPlaybook(PlaybookError):
    """No playbook (or indicator) has this name."""

    def __init__(self, name: str, known: Sequence[str], what: str = "playbook") -> None:
        self.name = name
        self.known = tuple(known)
        super().__init__(f"no {what} named {name!r}; `tipgraph playbook list` shows them "
                         f"({', '.join(self.known[:20])}{' ...' if len(self.known) > 20 else ''})")


class ParameterError(PlaybookError):
    """A parameter value that does not fit its declared type or validation, or an unknown name."""

    def __init__(self, name: str, message: str) -> None:
        self.name = name
        super().__init__(f"parameter {name!r}: {message}")


class MissingParameter(ParameterError):
    """A required parameter was not given."""

    def __init__(self, name: str, type_: str, help_: str = "") -> None:
        self.type = type_
        hint = f" ({help_})" if help_ else ""
        super().__init__(name, f"is required: give it as -p {name}=<{type_}>{hint}")
