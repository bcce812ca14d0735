"""A coordinator's own records: what "own" means, read from the graph in a few statements.

Own are the repatriation records (``Rescue``) whose ``office`` is the one set on the
coordinator's account; the victims those records are about (with every person resolution
put in the same group, so the victim of a case file and of a rescue register are one); the
cases those victims are victims in; and the suspects and recruiters of those cases, with
whoever is recorded as having recruited one of the victims. Nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.store import Store

__all__ = ["Scope", "coordinator_scope"]

OFFICE_RESCUES = """
MATCH (r:Rescue)-[:OF]->(v:Person)
WHERE r.office = $office
RETURN r.id AS rescue, v.id AS person, coalesce(v.canonical, v.id) AS root
"""

SAME_GROUP = """
MATCH (p:Person)
WHERE p.id IN $roots OR p.canonical IN $roots
RETURN p.id AS id
"""

VICTIM_CASES = """
UNWIND $ids AS id
MATCH (:Person {id: id})-[:VICTIM_IN]->(c:Case)
RETURN DISTINCT c.id AS id
"""

CASE_SUSPECTS = """
UNWIND $cases AS id
MATCH (p:Person)-[:SUSPECT_IN|RECRUITER_IN]->(:Case {id: id})
RETURN DISTINCT p.id AS id
"""

RECRUITERS_OF = """
UNWIND $ids AS id
MATCH (p:Person)-[:RECRUITED]->(:Person {id: id})
RETURN DISTINCT p.id AS id
"""


@dataclass(frozen=True)
class Scope:
    """The ids a coordinator may read: records, victims, cases, and the people linked to them."""

    office: str | None
    rescues: frozenset[str] = field(default_factory=frozenset)
    victims: frozenset[str] = field(default_factory=frozenset)
    cases: frozenset[str] = field(default_factory=frozenset)
    linked: frozenset[str] = field(default_factory=frozenset)  # suspects and recruiters of those cases

    @property
    def people(self) -> frozenset[str]:
        return self.victims | self.linked

    def holds(self, kind: str, entity_id: str) -> bool:
        """Whether ``entity_id`` of ``kind`` (rescue, person, case) is in the scope."""
        return entity_id in {"rescue": self.rescues, "person": self.people, "case": self.cases}[kind]


def coordinator_scope(store: Store, office: str | None) -> Scope:
    """The scope of a coordinator of ``office`` (empty when the account has no office)."""
    if not office:
        return Scope(None)
    rows = store.read(OFFICE_RESCUES, {"office": office}, purpose="scope")
    roots = sorted({r["root"] for r in rows})
    victims = {r["person"] for r in rows}
    if roots:
        victims |= {r["id"] for r in store.read(SAME_GROUP, {"roots": roots}, purpose="scope")}
    ids = sorted(victims)
    cases = {r["id"] for r in store.read(VICTIM_CASES, {"ids": ids}, purpose="scope")} if ids else set()
    linked = {r["id"] for r in store.read(CASE_SUSPECTS, {"cases": sorted(cases)}, purpose="scope")} if cases else set()
    if ids:
        linked |= {r["id"] for r in store.read(RECRUITERS_OF, {"ids": ids}, purpose="scope")}
    return Scope(office, frozenset(r["rescue"] for r in rows), frozenset(victims), frozenset(cases),
                 frozenset(linked - victims))
