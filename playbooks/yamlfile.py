"""Reading one playbook or indicator YAML file: a mapping with known keys, and a read-only statement.

Both kinds of playbook are data files; this module is where they are read and checked the
same way: safe YAML only (no Python objects), every required key present, no key we do not
know (a typo would otherwise be ignored silently), and a Cypher statement that the read-only
guard of ``tipgraph query`` accepts, so no file can make a playbook write.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml

from graph.errors import QueryRejected
from graph.guard import check_read_only
from playbooks.errors import PlaybookFileError

__all__ = ["read_mapping", "require_text", "check_statement"]

_STRINGS = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|//[^\n]*""")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_mapping(path: Path, *, required: Collection[str], optional: Collection[str] = ()) -> dict[str, Any]:
    """The top-level mapping of ``path``; raises ``PlaybookFileError`` for bad YAML or keys."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except (OSError, UnicodeDecodeError) as e:
        raise PlaybookFileError(path, f"cannot be read ({e}); check that it is a UTF-8 text file") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise PlaybookFileError(path, f"is not valid YAML{where}: {getattr(e, 'problem', e)}") from None
    if not isinstance(data, dict):
        raise PlaybookFileError(path, "must hold a mapping of keys (name:, cypher:, ...) at the top level")
    missing = [k for k in required if k not in data]
    if missing:
        raise PlaybookFileError(path, f"lacks the key(s) {', '.join(missing)}")
    unknown = sorted(set(data) - set(required) - set(optional))
    if unknown:
        raise PlaybookFileError(path, f"has unknown key(s) {', '.join(unknown)}; allowed: "
                                      f"{', '.join(sorted({*required, *optional}))}")
    return data


def require_text(path: Path, data: dict[str, Any], key: str) -> str:
    """``data[key]`` as non-empty text; raises ``PlaybookFileError`` otherwise."""
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PlaybookFileError(path, f"{key}: must be non-empty text")
    return value.strip()


def check_statement(path: Path, statement: str) -> str:
    """The statement, if it is one read-only statement; raises ``PlaybookFileError`` otherwise."""
    text = statement.strip()
    if _STRINGS.sub("", text).rstrip().rstrip(";").count(";"):
        raise PlaybookFileError(path, "cypher: holds more than one statement; a playbook runs exactly one")
    try:
        check_read_only(text)
    except QueryRejected as e:
        raise PlaybookFileError(path, f"cypher: playbooks only read the graph, {e}") from None
    return text.rstrip(";").rstrip()
