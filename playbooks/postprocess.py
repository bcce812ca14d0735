"""Post-processing steps a playbook may name (``postprocess: path_steps``): a small registry.

A playbook file holds no code. When rows need work that Cypher does badly (spelling a path
out as text, say), the file names a function registered here; each takes the rows and the
bound parameters and returns new rows. Built-ins register the same way an add-on would.

>>> sorted(POSTPROCESSORS)[:2]
['path_steps', 'rank']
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["POSTPROCESSORS", "Rows", "postprocessor", "get_postprocessor"]

Rows = list[dict[str, Any]]
PostProcessor = Callable[[Rows, Mapping[str, Any]], Rows]
POSTPROCESSORS: dict[str, PostProcessor] = {}


def postprocessor(name: str) -> Callable[[PostProcessor], PostProcessor]:
    """Register ``fn`` under ``name``; a second function with the same name is refused."""

    def register(fn: PostProcessor) -> PostProcessor:
        if name in POSTPROCESSORS:
            raise ValueError(f"post-processor {name!r} is registered already")
        POSTPROCESSORS[name] = fn
        return fn

    return register


def get_postprocessor(name: str) -> PostProcessor:
    """The function registered as ``name``; raises KeyError naming the known ones."""
    try:
        return POSTPROCESSORS[name]
    except KeyError:
        raise KeyError(f"no post-processor {name!r}; known: {', '.join(sorted(POSTPROCESSORS))}") from None


@postprocessor("path_steps")
def path_steps(rows: Rows, params: Mapping[str, Any]) -> Rows:
    """Spell each path out: ``steps`` reads ``A -[RECRUITED]-> B <-[VICTIM_IN]- C``.

    Needs the columns ``node_ids``, ``node_names``, ``rel_types`` and ``rel_forward`` (whether
    each relationship points from the node before it to the node after it).

    >>> path_steps([{"node_ids": ["a", "b"], "node_names": ["A", None], "rel_types": ["RECRUITED"],
    ...              "rel_forward": [False]}], {})[0]["steps"]
    'A <-[RECRUITED]- b'
    """
    out = []
    for row in rows:
        names = [name or node for node, name in zip(row["node_ids"], row["node_names"])]
        text = names[0] if names else ""
        for name, rel, forward in zip(names[1:], row["rel_types"], row["rel_forward"]):
            text += f" -[{rel}]-> {name}" if forward else f" <-[{rel}]- {name}"
        out.append({**row, "steps": text})
    return out


@postprocessor("rank")
def rank(rows: Rows, params: Mapping[str, Any]) -> Rows:
    """Number the rows from 1 in the order the statement sorted them (ties share a rank when
    the ``score`` column is equal).

    >>> [r["rank"] for r in rank([{"score": 3}, {"score": 3}, {"score": 1}], {})]
    [1, 1, 3]
    """
    out: Rows = []
    for i, row in enumerate(rows):
        same = out and "score" in row and row["score"] == out[-1].get("score")
        out.append({"rank": out[-1]["rank"] if same else i + 1, **row})
    return out
