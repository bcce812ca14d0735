"""Investigation playbooks as data: one YAML file per saved investigation beside this module.

A file holds ``name`` (its file name), ``title_zh``/``title_en``, ``description_zh``/
``description_en``, typed ``parameters`` (see ``playbooks.params``), ONE read-only Cypher
statement (``cypher``) that takes them as ``$parameters``, the output ``columns`` in order,
optionally ``postprocess`` (a function of ``playbooks.postprocess``), ``max_rows`` (the row
cap, default 500), ``timeout_s`` (default 20) and ``graph`` (how to draw the rows, see
``playbooks.drawing``).

>>> "recruiter_hubs" in [p.name for p in load_playbooks()]
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from playbooks.drawing import GraphSpec, parse_graph_spec
from playbooks.errors import PlaybookFileError, UnknownPlaybook
from playbooks.params import Param
from playbooks.postprocess import POSTPROCESSORS
from playbooks.yamlfile import check_statement, read_mapping, require_text

__all__ = ["Playbook", "PLAYBOOK_DIR", "load_playbooks", "load_playbook_file", "playbook"]

PLAYBOOK_DIR = Path(__file__).resolve().parent
DEFAULT_MAX_ROWS = 500
DEFAULT_TIMEOUT_S = 20.0
_REQUIRED = ("name", "title_zh", "title_en", "description_zh", "description_en", "cypher", "columns")
_OPTIONAL = ("parameters", "postprocess", "max_rows", "timeout_s", "graph")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class Playbook:
    """One saved investigation."""

    name: str
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    cypher: str
    columns: tuple[str, ...]
    params: Mapping[str, Param] = field(default_factory=dict)
    postprocess: str | None = None
    max_rows: int = DEFAULT_MAX_ROWS
    timeout_s: float = DEFAULT_TIMEOUT_S
    graph: GraphSpec | None = None
    path: str = ""


def _positive(path: Path, data: Mapping[str, object], key: str, default: float, *, whole: bool) -> float:
    value = data.get(key, default)
    kinds = (int,) if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kinds) or value <= 0:
        raise PlaybookFileError(path, f"{key}: must be a positive {'whole ' if whole else ''}number")
    return value


def load_playbook_file(path: Path) -> Playbook:
    """One playbook from its YAML file; raises ``PlaybookFileError`` saying what to fix."""
    data = read_mapping(path, required=_REQUIRED, optional=_OPTIONAL)
    text = {k: require_text(path, data, k) for k in _REQUIRED if k != "columns"}
    if text["name"] != path.stem:
        raise PlaybookFileError(path, f"name: {text['name']!r} must match the file name ({path.stem}.yaml)")
    cypher = check_statement(path, text["cypher"])
    columns = data["columns"]
    if not isinstance(columns, list) or not columns or not all(isinstance(c, str) and c for c in columns):
        raise PlaybookFileError(path, "columns: must be a list of the output column names")
    raw_params = data.get("parameters") or {}
    if not isinstance(raw_params, Mapping):
        raise PlaybookFileError(path, "parameters: must map each parameter name to its declaration")
    params = {name: Param.from_yaml(name, spec, where=str(path)) for name, spec in raw_params.items()}
    used = set(_PARAM_USE.findall(cypher))
    undeclared = sorted(used - set(params))
    if undeclared:
        raise PlaybookFileError(path, f"cypher: uses ${', $'.join(undeclared)} but parameters: does not declare it")
    post = data.get("postprocess")
    if post is not None and post not in POSTPROCESSORS:
        raise PlaybookFileError(path, f"postprocess: {post!r} is not one of {', '.join(sorted(POSTPROCESSORS))}")
    graph = parse_graph_spec(str(path), data["graph"], columns) if data.get("graph") is not None else None
    return Playbook(
        name=text["name"], title_zh=text["title_zh"], title_en=text["title_en"],
        description_zh=text["description_zh"], description_en=text["description_en"], cypher=cypher,
        columns=tuple(columns), params=params, postprocess=post,
        max_rows=int(_positive(path, data, "max_rows", DEFAULT_MAX_ROWS, whole=True)),
        timeout_s=float(_positive(path, data, "timeout_s", DEFAULT_TIMEOUT_S, whole=False)), graph=graph,
        path=str(path),
    )


@cache
def _load(folder: Path) -> tuple[Playbook, ...]:
    return tuple(load_playbook_file(p) for p in sorted(folder.glob("*.yaml")))


def load_playbooks(folder: Path | None = None) -> list[Playbook]:
    """Every investigation playbook, by name."""
    return list(_load((folder or PLAYBOOK_DIR).resolve()))


def playbook(name: str) -> Playbook:
    """The playbook called ``name``; raises ``UnknownPlaybook`` listing the known ones."""
    books = load_playbooks()
    for book in books:
        if book.name == name:
            return book
    raise UnknownPlaybook(name, [b.name for b in books])
