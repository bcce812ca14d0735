"""The gold corpus: documents we wrote and annotated, in a markup people can read and write.

One ``.gold`` file holds documents separated by a line ``---``. A document is a header of
``# key: value`` lines (``id``, ``kind``, ``lang``), the text with inline marks, and relation
lines:

* ``[surface|LABEL]`` marks an entity; after the label come, in any order, a role
  (``suspect``, ``victim``, ``recruiter``, ``official``, ``other``), a normal form
  (``=2022-03-04``) and a reference for relations (``#p1``);
* ``{{surface|Type/Value}}`` marks an indicator (``{{護照被收走|MethodsOfControl/WithholdsDocuments}}``);
* ``@ RECRUITED #p1 #p2`` states a relation between two referenced entities;
* ``\\[``, ``\\]``, ``\\{`` and ``\\|`` stand for the characters themselves.

The loader removes the marks and computes offsets into the plain text.

>>> doc = parse_document("# id: t1\\n被告[陳大明|PERSON|suspect|#p1]招募[吳志偉|PERSON|victim|#p2]\\n@ RECRUITED #p1 #p2")
>>> doc.text, [(e.label, e.start, e.end, e.role) for e in doc.entities], doc.relations
('被告陳大明招募吳志偉', [('PERSON', 2, 5, 'suspect'), ('PERSON', 7, 10, 'victim')], [('RECRUITED', 0, 1)])
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from nlp.found import LABELS
from nlp.roles import ROLES

__all__ = ["GoldEntity", "GoldIndicator", "GoldDocument", "GoldError", "parse_document", "load_corpus", "SPLITS"]

SPLITS = ("train", "dev", "test")
GOLD_DIR = Path(__file__).resolve().parent / "gold"


class GoldError(ValueError):
    """A gold document that cannot be read; names the file, the document and what is wrong."""


@dataclass(frozen=True)
class GoldEntity:
    label: str
    start: int
    end: int
    norm: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class GoldIndicator:
    type: str
    value: str
    start: int
    end: int


@dataclass
class GoldDocument:
    id: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)
    entities: list[GoldEntity] = field(default_factory=list)
    relations: list[tuple[str, int, int]] = field(default_factory=list)
    indicators: list[GoldIndicator] = field(default_factory=list)


_MARK = re.compile(r"\[((?:\\.|[^\]\\|])+)\|((?:\\.|[^\]\\])+)\]|\{\{((?:\\.|[^}\\|])+)\|([A-Za-z]+)/([A-Za-z_]+)\}\}")
_UNESCAPE = re.compile(r"\\([\[\]{}|\\])")
_RELATION = re.compile(r"^@\s+([A-Z_]+)\s+#(\S+)\s+#(\S+)\s*$")


def _unescape(s: str) -> str:
    return _UNESCAPE.sub(r"\1", s)


def parse_document(block: str, *, where: str = "<string>") -> GoldDocument:
    """One document from its marked-up text. Raises GoldError naming ``where`` and the problem."""
    meta: dict[str, str] = {}
    body: list[str] = []
    relation_lines: list[str] = []
    for line in block.strip("\n").splitlines():
        if line.startswith("# ") and ":" in line and not body:
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
        elif line.startswith("@ "):
            relation_lines.append(line)
        else:
            body.append(line)
    doc_id = meta.get("id")
    if not doc_id:
        raise GoldError(f"{where}: a document has no '# id:' line")
    where = f"{where} [{doc_id}]"
    marked = "\n".join(body).strip("\n")
    text_parts: list[str] = []
    entities: list[GoldEntity] = []
    refs: dict[str, int] = {}
    indicators: list[GoldIndicator] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(marked):
        plain = _unescape(marked[pos : m.start()])
        text_parts.append(plain)
        length += len(plain)
        if m.group(1) is not None:
            surface = _unescape(m.group(1))
            fields = [f.strip() for f in m.group(2).split("|")]
            label = fields[0]
            if label not in LABELS:
                raise GoldError(f"{where}: unknown label {label!r} on {surface!r}; use one of {LABELS}")
            role = norm = None
            for f in fields[1:]:
                if f.startswith("="):
                    norm = f[1:]
                elif f.startswith("#"):
                    if f[1:] in refs:
                        raise GoldError(f"{where}: reference {f} is used twice")
                    refs[f[1:]] = len(entities)
                elif f in ROLES:
                    role = f
                else:
                    raise GoldError(f"{where}: {f!r} on {surface!r} is not a role, =norm or #ref")
            if label == "PERSON" and role is None:
                raise GoldError(f"{where}: person {surface!r} has no role")
            entities.append(GoldEntity(label, length, length + len(surface), norm, role))
        else:
            surface = _unescape(m.group(3))
            indicators.append(GoldIndicator(m.group(4), m.group(5), length, length + len(surface)))
        text_parts.append(surface)
        length += len(surface)
        pos = m.end()
    text_parts.append(_unescape(marked[pos:]))
    text = "".join(text_parts)
    if re.search(r"(?<!\\)\[[^\]]*\|", marked[pos:]):
        raise GoldError(f"{where}: an entity mark is not closed")
    relations = []
    for line in relation_lines:
        rm = _RELATION.match(line)
        if not rm:
            raise GoldError(f"{where}: relation line {line!r} is not '@ TYPE #head #tail'")
        rel_type, head, tail = rm.groups()
        for ref in (head, tail):
            if ref not in refs:
                raise GoldError(f"{where}: relation {rel_type} refers to #{ref}, which no entity has")
        relations.append((rel_type, refs[head], refs[tail]))
    return GoldDocument(doc_id, text, meta, entities, relations, indicators)


def load_corpus(split: str, directory: Path = GOLD_DIR) -> list[GoldDocument]:
    """Every document of a split (``directory/<split>/*.gold``), ids unique."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    docs: list[GoldDocument] = []
    for path in sorted((directory / split).glob("*.gold")):
        for block in re.split(r"^---\s*$", path.read_text(encoding="utf-8"), flags=re.M):
            if block.strip():
                docs.append(parse_document(block, where=str(path.name)))
    ids = [d.id for d in docs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GoldError(f"{split}: document ids used twice: {duplicates}")
    return docs
