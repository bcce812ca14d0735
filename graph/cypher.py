"""Filling Cypher templates with labels and relationship types from the model's allow-list.

Cypher cannot take a label or a relationship type as a parameter. Statements that need one
are written as constants with placeholders (``__LABEL__``, ``__START__``, ``__END__``,
``__TYPE__``); ``fill`` puts in names that it has checked against ``graph.model.MODEL``, so
no text from outside ever reaches a statement. Values always go in as ``$parameters``.

>>> fill("MATCH (n:__LABEL__ {id: $id}) RETURN n", LABEL="Person")
'MATCH (n:Person {id: $id}) RETURN n'
"""

from __future__ import annotations

from functools import cache
from typing import LiteralString, cast

from graph.errors import ModelError
from graph.model import MODEL

__all__ = ["fill", "PLACEHOLDERS", "TRAVERSABLE", "public_labels"]

PLACEHOLDERS = ("__LABEL__", "__START__", "__END__", "__TYPE__")
_LABEL_SLOTS = {"LABEL", "START", "END"}

# Relationship types a traversal may follow: the public ones except provenance, which would
# join every entity of a document to every other.
TRAVERSABLE: tuple[str, ...] = tuple(r.type for r in MODEL.public_rels if r.type != "MENTIONED_IN")


def public_labels() -> tuple[str, ...]:
    return tuple(n.label for n in MODEL.public_nodes)


@cache
def fill(template: str, **names: str) -> LiteralString:
    """The template with each ``__SLOT__`` replaced by a checked label or type.

    Raises:
        ModelError: a name is not in the model, or a slot is left unfilled.
    """
    text = template
    for slot, name in names.items():
        if slot in _LABEL_SLOTS:
            MODEL.node(name)
        elif slot == "TYPE":
            MODEL.rel(name)
        else:
            raise ModelError("cypher", f"unknown slot {slot!r}")
        text = text.replace(f"__{slot}__", name)
    left = [p for p in PLACEHOLDERS if p in text]
    if left:
        raise ModelError("cypher", f"slots left unfilled: {left}")
    return cast(LiteralString, text)
