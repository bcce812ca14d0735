"""The workbench's one way to the graph: every read and write a page makes goes through here.

Pages hold no Cypher and no store; they call a ``WorkbenchService``, which names who is asking
(``actor``), so access control and auditing can be enforced here in one place. Reads reuse
``graph.reads`` and the analyses; the Cypher this layer needs itself sits beside the method
that runs it.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Any

import pandas as pd

from graph import reads
from graph.audit import AuditLog
from graph.errors import NotFound
from graph.model import MODEL, make_id
from graph.store import Store, Tx
from workbench import access, stages
from workbench.access import MASKED_ROLES, SCOPED_ROLES, PermissionDenied
from workbench.audited import action
from workbench.linkchart import Chart, ChartEdge, ChartNode, display_name
from workbench.masked import mask_chart, mask_frame, mask_rows
from workbench.scope import Scope, coordinator_scope

__all__ = ["WorkbenchService", "EgoView", "EvidenceView", "STAGE_NOTE_MAX"]

STAGE_NOTE_MAX = 2000
JOURNEY_NODES = 2000  # the two hops round one victim; far more than any itinerary holds
_ROLE_OF = {"SUSPECT_IN": "suspect", "VICTIM_IN": "victim", "RECRUITER_IN": "recruiter"}
# actions whose target a coordinator may reach only inside their scope (workbench/scope.py)
_SCOPED_TARGET = {"case_summary": "case", "person_summary": "person", "journey": "person", "stage_history": "rescue",
                  "move_stage": "rescue"}
_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?=\s)")


@dataclass
class EgoView:
    """A neighbourhood as the Explore page shows it: the chart and the tables behind it."""

    center: str
    chart: Chart
    nodes: pd.DataFrame
    edges: pd.DataFrame
    omitted: int = 0
    truncated: bool = False


@dataclass
class EvidenceView:
    """One piece of evidence in its document: the sentence split around the span, the page."""

    doc: str
    title: str
    path: str
    page: int | None
    before: str
    span: str
    after: str
    extractor: str = ""
    grade: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


DOCUMENT_TEXT = """
MATCH (d:Document {id: $id})
RETURN d.title AS title, d.path AS path, d.kind AS kind, d.text AS text, d.pages AS pages
"""

PEOPLE_ROLES = """
UNWIND $ids AS id
MATCH (p:Person {id: id})-[r:SUSPECT_IN|VICTIM_IN|RECRUITER_IN]->(:Case)
RETURN p.id AS id, collect(DISTINCT type(r)) AS types
"""

CASE_SUMMARY = """
MATCH (c:Case {id: $id})
OPTIONAL MATCH (p:Person)-[r:SUSPECT_IN|VICTIM_IN|RECRUITER_IN]->(c)
WITH c, p, r ORDER BY p.name
RETURN properties(c) AS case,
       collect(CASE WHEN p IS NULL THEN NULL ELSE {id: p.id, name: p.name, role: type(r), since: r.since,
               until: r.until} END) AS people
"""

CASE_DOCUMENTS = """
MATCH (c:Case {id: $id})-[:MENTIONED_IN]->(d:Document)
RETURN DISTINCT d.id AS id, d.title AS title, d.kind AS kind, d.path AS path, d.ingested_at AS ingested_at
ORDER BY d.ingested_at, d.id
"""

CASE_EVENTS = """
MATCH (c:Case {id: $id})
OPTIONAL MATCH (c)-[x:REFERRED_TO|INDICTED_BY]->(o:Organization)
WITH c, collect(CASE WHEN x IS NULL THEN NULL ELSE {date: coalesce(x.date, c.referred_on), what: type(x), who: o.name} END) AS acts
OPTIONAL MATCH (v:Person)-[:VICTIM_IN]->(c)
OPTIONAL MATCH (v)-[t:TRAVELED_ON|REPATRIATED_ON]->(f:Flight)
RETURN acts, collect(DISTINCT CASE WHEN f IS NULL THEN NULL ELSE {date: f.date, what: type(t), who: v.name,
       flight: f.number, route: coalesce(f.origin, '?') + '→' + coalesce(f.destination, '?')} END) AS flights
"""

PERSON_CASES = """
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[r:SUSPECT_IN|VICTIM_IN|RECRUITER_IN]->(c:Case)
RETURN properties(p) AS person,
       collect(CASE WHEN c IS NULL THEN NULL ELSE {case: c.id, number: c.number, role: type(r), since: r.since,
               until: r.until, referred_on: c.referred_on} END) AS cases
"""

REPATRIATION = """
MATCH (r:Rescue)-[:OF]->(p:Person)
OPTIONAL MATCH (r)-[:MOVED_TO]->(m:StageChange)
WITH r, p, collect(CASE WHEN m IS NULL THEN NULL ELSE {stage: m.stage, date: m.date} END) AS moves
RETURN r.id AS id, p.id AS person, p.name AS name, r.country AS country, r.office AS office, r.place AS place,
       r.stage AS stage, r.reported_on AS reported_on, r.located_on AS located_on, r.rescued_on AS rescued_on,
       r.returned_on AS returned_on, moves
ORDER BY r.id
"""

STAGE_HISTORY = """
MATCH (r:Rescue {id: $id})-[:MOVED_TO]->(m:StageChange)
RETURN m.stage AS stage, m.previous AS previous, m.date AS date, m.note AS note, m.by AS by, m.at AS at
ORDER BY m.date, m.at
"""

# the stage before is read in the same statement that records the move: nothing can slip between
MOVE_STAGE = """
MATCH (r:Rescue {id: $id})
WITH r, r.stage AS previous
CREATE (m:StageChange {id: $change, stage: $stage, previous: previous, date: $date, note: $note, by: $by, at: $at,
                       created_at: $at})
CREATE (r)-[:MOVED_TO {id: $rel, created_at: $at}]->(m)
SET r.stage = $stage
RETURN m.id AS id
"""

RESCUE_LIST = """
MATCH (r:Rescue)-[:OF]->(p:Person)
OPTIONAL MATCH (p)-[:HAS_IDENTIFIER]->(i:Identifier)
WHERE i.type = 'passport'
WITH r, p, collect(i.value) AS passports
OPTIONAL MATCH (r)-[:RETURNED_ON]->(f:Flight)
RETURN r.id AS id, p.id AS person, p.name AS name, p.aliases AS aliases, passports, f.number AS flight,
       f.date AS flight_date, r.stage AS stage
"""

RESOLUTION_CANDIDATES = """
MATCH (a:Person)-[s:SAME_AS]->(b:Person)
WHERE s.status = 'proposed'
RETURN s.id AS id, a.id AS a, a.name AS a_name, a.birth_year AS a_born, b.id AS b, b.name AS b_name,
       b.birth_year AS b_born, s.score AS score, s.reasons AS reasons
ORDER BY score DESC, a, b
LIMIT $limit
"""

COUNT_CANDIDATES = """
MATCH (:Person)-[s:SAME_AS]->(:Person)
WHERE s.status = 'proposed'
RETURN count(s) AS n
"""

DECIDE_CANDIDATE = """
MATCH (a:Person)-[s:SAME_AS {id: $id}]->(b:Person)
WHERE s.status = 'proposed'
SET s.status = $status, s.decided_by = $by, s.decided_at = $at
RETURN a.id AS a, b.id AS b, coalesce(a.canonical, a.id) AS ca, coalesce(b.canonical, b.id) AS cb
"""

SET_CANONICAL_GROUP = """
MATCH (p:Person)
WHERE p.id IN $ids OR p.canonical IN $ids
SET p.canonical = $root
RETURN count(p) AS n
"""


def _fold_name(name: str) -> str:
    return re.sub(r"[\s\-'’.,]", "", name or "").casefold()


def _today() -> date:
    return datetime.now(timezone.utc).date()


class WorkbenchService:
    """What the workbench may do, for one user."""

    def __init__(self, store: Store, *, actor: str, role: str, office: str | None = None,
                 audit: AuditLog | None = None) -> None:
        """``actor`` and ``role`` are the signed-in user's; ``office`` a coordinator's office;
        ``audit`` the trail every call is recorded in (default: ``$TIPGRAPH_HOME/audit/audit.jsonl``)."""
        from graph.settings import load_settings

        self.store = store
        self.actor = actor
        self.role = role
        self.office = office
        self.audit = audit if audit is not None else AuditLog.at_home(load_settings().home)
        self._scope_cache: Scope | None = None

    @property
    def masked(self) -> bool:
        """Whether this user's role reads names and identifiers masked."""
        return self.role in MASKED_ROLES

    @property
    def scoped(self) -> bool:
        """Whether this user reads only their own office's records (coordinators)."""
        return self.role in SCOPED_ROLES

    def _scope(self) -> Scope:
        if self._scope_cache is None:
            self._scope_cache = coordinator_scope(self.store, self.office)
        return self._scope_cache

    def _check(self, name: str, target: str) -> None:
        """Whether this user may do ``name`` on ``target``: the permission table, then, for a
        coordinator, whether the target is one of their own records. Raises ``PermissionDenied``."""
        access.check(self.role, name, target)
        kind = _SCOPED_TARGET.get(name)
        if self.scoped and kind and target:
            scope = self._scope()
            if not scope.holds(kind, target):
                why = ("no office is set on your account" if scope.office is None
                       else f"it is not a record of your office ({scope.office})")
                raise PermissionDenied(self.role, name, target, why)

    def _record(self, name: str, target: str, params: dict[str, Any], outcome: str) -> None:
        self.audit.record(actor=self.actor, role=self.role, action=name, target=target, params=params,
                          outcome=outcome)

    # --- Explore ---------------------------------------------------------------------------
    @action("search", params=("query", "limit"))
    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """People, cases, identifiers... whose names, numbers or values start with the query."""
        query = (query or "").strip()
        if not query:
            return []
        if not self.scoped:
            return reads.search(self.store, query[:200], limit=limit)
        scope = self._scope()  # a coordinator finds own people and cases only
        hits = reads.search(self.store, query[:200], limit=max(limit, 200))
        return [h for h in hits if (h["label"] == "Person" and h["id"] in scope.people)
                or (h["label"] == "Case" and h["id"] in scope.cases)][:limit]

    @action("ego_network", target="entity_id", params=("hops", "max_nodes", "expanded"))
    def ego_network(self, entity_id: str, *, hops: int = 1, max_nodes: int = 300, labels: list[str] | None = None,
                    rel_types: list[str] | None = None, since: str | None = None, until: str | None = None,
                    roles: list[str] | None = None, community: int | None = None,
                    colour_by: str = "role", expanded: list[str] | None = None) -> EgoView:
        """The neighbourhood of an entity as a chart and tables, within the caps and filters;
        ``expanded`` nodes add their own neighbours (one hop each, same filters, same cap)."""
        view = reads.neighbourhood(self.store, entity_id, hops=hops, max_nodes=max_nodes, labels=labels or None,
                                   rel_types=rel_types or None, since=since or None, until=until or None)
        for extra in expanded or []:
            room = max_nodes - len(view.nodes)
            more = reads.neighbourhood(self.store, extra, hops=1, max_nodes=max(1, room + 1), labels=labels or None,
                                       rel_types=rel_types or None, since=since or None, until=until or None)
            for node_id, props in more.nodes.items():
                if node_id in view.nodes or len(view.nodes) < max_nodes:
                    view.nodes.setdefault(node_id, props)
                else:
                    view.truncated = True
                    view.omitted_nodes += 1
            for rel_id, rel in more.relationships.items():
                if rel["start"] in view.nodes and rel["end"] in view.nodes:
                    view.relationships.setdefault(rel_id, rel)
            view.omitted_nodes += more.omitted_nodes
            view.truncated = view.truncated or more.truncated
        people = [n for n, p in view.nodes.items() if p.get("label") == "Person"]
        role_of = self._roles(people, view)
        keep = set(view.nodes)
        if roles:
            keep = {n for n in keep if n == entity_id or view.nodes[n].get("label") != "Person"
                    or role_of.get(n) in roles}
        if community is not None:
            keep = {n for n in keep if n == entity_id or view.nodes[n].get("an_community") == community}
        nodes = []
        for node_id in sorted(keep, key=lambda n: (n != entity_id, n)):
            props = view.nodes[node_id]
            kind = props.get("label") or MODEL.kind_of_id(node_id).label
            name = display_name(props, node_id)
            details = f"{kind}: {name}" + (f" ({role_of[node_id]})" if node_id in role_of else "")
            nodes.append(ChartNode(node_id, kind, name, role_of.get(node_id), props.get("an_community"), details))
        edges = []
        for rel in view.relationships.values():
            if rel["start"] in keep and rel["end"] in keep:
                n_ev = len(rel["evidence"])
                edges.append(ChartEdge(rel["start"], rel["end"], rel["type"], n_ev,
                                       f"{rel['type']} ({n_ev} piece{'s' if n_ev != 1 else ''} of evidence)"))
        note = ""
        if view.truncated:
            note = (f"{view.omitted_nodes} more nodes were left out by the cap of {max_nodes}: narrow by kind, "
                    "relationship type, dates or fewer hops")
        chart = Chart(nodes, edges, colour_by=colour_by, note=note)
        node_table = pd.DataFrame([{"id": n.id, "kind": n.kind, "name": n.label, "role": n.role or "",
                                    "community": n.community} for n in nodes],
                                  columns=["id", "kind", "name", "role", "community"])
        edge_table = pd.DataFrame([{"from": e.start, "type": e.type, "to": e.end, "evidence": e.evidence} for e in edges],
                                  columns=["from", "type", "to", "evidence"])
        return EgoView(entity_id, chart, node_table, edge_table, view.omitted_nodes, view.truncated)

    def _roles(self, people: list[str], view: reads.Subgraph) -> dict[str, str]:
        """Each person's strongest role: suspect over recruiter over victim, from all their cases."""
        found: dict[str, set[str]] = {}
        if people:
            for row in self.store.read(PEOPLE_ROLES, {"ids": people}, purpose="roles"):
                found[row["id"]] = {_ROLE_OF[t] for t in row["types"]}
        for rel in view.relationships.values():
            if rel["type"] == "RECRUITED":
                found.setdefault(rel["start"], set()).add("recruiter")
        order = ("suspect", "recruiter", "victim")
        return {p: next(r for r in order if r in rs) for p, rs in found.items() if rs}

    @action("entity", target="entity_id")
    def entity(self, entity_id: str) -> reads.Entity:
        """An entity with its mentions and relationships, each with its evidence."""
        return reads.get_entity(self.store, entity_id)

    @action("evidence", target="doc_id", params=("start", "end"))
    def evidence(self, doc_id: str, start: int, end: int) -> EvidenceView:
        """A piece of evidence in context: its sentence with the span marked, its page."""
        rows = self.store.read(DOCUMENT_TEXT, {"id": doc_id}, purpose="evidence")
        if not rows:
            return EvidenceView(doc_id, "", "", None, "", "(the document is not in the graph)", "")
        doc = rows[0]
        text = doc["text"] or ""
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        left = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
        right_match = _SENTENCE_END.search(text, end, min(len(text), end + 400))
        right = right_match.end() if right_match else min(len(text), end + 400)
        pages = doc["pages"] or []
        page = None
        if pages:
            page = sum(1 for offset in pages if int(offset) <= start) or 1
        return EvidenceView(doc_id, doc["title"] or "", doc["path"] or "", page, text[left:start], text[start:end],
                            text[end:right])

    @action("paths", target="a", params=("b", "max_hops"))
    def paths(self, a: str, b: str, *, max_hops: int = 6) -> list[dict[str, Any]]:
        """Shortest paths between two entities, each hop with how much evidence it has."""
        return reads.shortest_paths(self.store, a, b, max_hops=max_hops)

    @action("export_view", target="view.center", params=("fmt",))
    def export_view(self, view: EgoView, fmt: str) -> bytes:
        """The view as a file to take away: ``html``, ``graphml``, ``csv`` (a zip of two tables) or
        ``png``. Names and identifiers are always masked in it, whoever asks.

        Raises:
            ValueError: an unknown format.
        """
        from workbench import viewexport

        chart, nodes = mask_chart(view.chart), mask_frame(view.nodes)
        makers = {"html": lambda: viewexport.view_html(chart), "graphml": lambda: viewexport.view_graphml(chart),
                  "csv": lambda: viewexport.view_csv_zip(nodes, view.edges), "png": lambda: viewexport.view_png(chart)}
        if fmt not in makers:
            raise ValueError(f"format {fmt!r}: choose one of {', '.join(makers)}")
        return makers[fmt]()

    # --- Case and person --------------------------------------------------------------------
    @action("case_summary", target="case_id")
    def case_summary(self, case_id: str) -> dict[str, Any]:
        rows = self.store.read(CASE_SUMMARY, {"id": case_id}, purpose="case")
        if not rows:
            raise NotFound(case_id)
        documents = self.store.read(CASE_DOCUMENTS, {"id": case_id}, purpose="case")
        events = self.store.read(CASE_EVENTS, {"id": case_id}, purpose="case")[0]
        timeline = [e for e in events["acts"] + events["flights"] if e and e.get("date")]
        timeline.sort(key=lambda e: str(e["date"]))
        people = [{**p, "role": _ROLE_OF[p["role"]]} for p in rows[0]["people"] if p]
        return {"case": rows[0]["case"], "people": people, "documents": documents, "timeline": timeline}

    @action("person_summary", target="person_id")
    def person_summary(self, person_id: str) -> dict[str, Any]:
        rows = self.store.read(PERSON_CASES, {"id": person_id}, purpose="person")
        if not rows or rows[0]["person"] is None:
            raise NotFound(person_id)
        cases = [{**c, "role": _ROLE_OF[c["role"]]} for c in rows[0]["cases"] if c]
        cases.sort(key=lambda c: str(c.get("since") or c.get("referred_on") or ""))
        return {"person": rows[0]["person"], "cases": cases}

    @action("journey", target="person_id")
    def journey(self, person_id: str) -> pd.DataFrame:
        """A victim's itinerary in date order (places, flights, rescue, return), from the two hops
        around them (their flights, places and records, and the people they are resolved with),
        not a projection of the whole graph."""
        from graph.analytics import journey
        from graph.projection import subgraph_to_networkx

        around = reads.neighbourhood(self.store, person_id, hops=2, max_nodes=JOURNEY_NODES)
        return journey(subgraph_to_networkx(around), person_id)

    # --- Repatriation -----------------------------------------------------------------------
    @action("repatriation")
    def repatriation(self, *, today: date | None = None, thresholds: dict[str, int] | None = None) -> pd.DataFrame:
        """Every repatriation record with its stage, days in it and whether it is overdue."""
        today = today or _today()
        limits = thresholds if thresholds is not None else stages.thresholds()
        rows = []
        for r in self.store.read(REPATRIATION, {}, purpose="repatriation"):
            if self.scoped and r["id"] not in self._scope().rescues:
                continue
            stage, since = stages.current_stage(r)
            days = stages.days_in_stage(since, today)
            limit = limits.get(stage)
            rows.append({"id": r["id"], "person": r["person"], "name": r["name"], "country": r["country"],
                         "office": r["office"], "stage": stage, "since": since, "days": days,
                         "overdue": bool(limit is not None and days is not None and days > limit),
                         "month": (r["returned_on"] or r["rescued_on"] or r["reported_on"] or "")[:7]})
        table = pd.DataFrame(rows, columns=["id", "person", "name", "country", "office", "stage", "since", "days",
                                            "overdue", "month"])
        return mask_frame(table) if self.masked else table

    @action("stage_history", target="rescue_id")
    def stage_history(self, rescue_id: str) -> list[dict[str, Any]]:
        return self.store.read(STAGE_HISTORY, {"id": rescue_id}, purpose="repatriation")

    @action("move_stage", target="rescue_id", params=("stage", "on"))
    def move_stage(self, rescue_id: str, stage: str, on: str, note: str = "") -> str:
        """Move a record to ``stage`` as of ``on`` (ISO date), keeping the history; the change's id.

        Raises:
            ValueError: unknown stage, a date that is not YYYY-MM-DD or lies in the future, a note
                over 2,000 characters.
            NotFound: no such record.
        """
        canonical = stages.check_stage(stage)
        try:
            day = date.fromisoformat(on)
        except (TypeError, ValueError):
            raise ValueError(f"date {on!r}: write it as YYYY-MM-DD") from None
        if day > _today():
            raise ValueError(f"date {on}: a stage cannot be reached in the future")
        if len(note or "") > STAGE_NOTE_MAX:
            raise ValueError(f"the note has {len(note)} characters; keep it under {STAGE_NOTE_MAX}")
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")
        change = make_id("StageChange", rescue_id, canonical, on, uuid.uuid4().hex)

        def work(tx: Tx) -> str:
            done = tx.run(MOVE_STAGE, {"id": rescue_id, "change": change, "stage": canonical, "date": day.isoformat(),
                                       "note": note or "", "by": self.actor, "at": at, "rel": f"rel:{uuid.uuid4().hex}"})
            if not done:
                raise NotFound(rescue_id)
            return str(done[0]["id"])

        return self.store.write_tx(work, purpose="stage")

    @action("check_manifest")
    def check_manifest(self, path: Any) -> pd.DataFrame:
        """An arrivals manifest (CSV/XLSX) against the rescue list, as the border check does:
        each passenger found on the list (by passport, else by name) or not, and each victim
        the list puts on one of the manifest's flights who is not among its passengers.

        Raises:
            Unreadable: the file is not a manifest (the message names the missing columns).
        """
        from ingest.registers import read_register

        manifest = read_register(path, "manifest")
        listed = self.store.read(RESCUE_LIST, {}, purpose="manifest-check")
        if self.scoped:
            listed = [r for r in listed if r["id"] in self._scope().rescues]
        by_passport = {pp: r for r in listed for pp in r["passports"] or []}
        by_name: dict[str, dict[str, Any]] = {}
        for r in listed:
            for name in [r["name"], *(r["aliases"] or [])]:
                if name:
                    by_name.setdefault(_fold_name(name), r)
        rows, seen, flights = [], set(), set()
        for row in manifest.rows:
            passport = row.get("passport").replace(" ", "").upper()
            flight = row.get("flight").replace(" ", "").upper()
            flights.add((flight, row.get("date")))
            hit = by_passport.get(passport) if passport else None
            how = "passport" if hit else ""
            if hit is None and (hit := by_name.get(_fold_name(row.get("passenger")))) is not None:
                how = "name"
            if hit is not None:
                seen.add(hit["id"])
            rows.append({"line": row.line, "passenger": row.get("passenger"), "passport": passport, "flight": flight,
                         "date": row.get("date"), "result": "on the rescue list" if hit else "not on the rescue list",
                         "matched_by": how, "record": hit["id"] if hit else "", "stage": hit["stage"] if hit else ""})
        for r in listed:
            if r["id"] not in seen and r["flight"] and (r["flight"], r["flight_date"]) in flights:
                rows.append({"line": None, "passenger": r["name"], "passport": ", ".join(r["passports"] or []),
                             "flight": r["flight"], "date": r["flight_date"], "result": "expected, not on the manifest",
                             "matched_by": "", "record": r["id"], "stage": r["stage"]})
        return pd.DataFrame(rows, columns=["line", "passenger", "passport", "flight", "date", "result", "matched_by",
                                           "record", "stage"])

    # --- Review -----------------------------------------------------------------------------
    @action("resolution_candidates", params=("limit",))
    def resolution_candidates(self, *, limit: int = 200) -> list[dict[str, Any]]:
        return self.store.read(RESOLUTION_CANDIDATES, {"limit": limit}, purpose="review")

    @action("candidate_count", audit=False)
    def candidate_count(self) -> int:
        return int(self.store.read(COUNT_CANDIDATES, {}, purpose="review")[0]["n"])

    @action("decide", target="same_as_id", params=("merge",))
    def decide(self, same_as_id: str, merge: bool) -> bool:
        """Merge or reject a proposed pair; a merge points both groups at one canonical id."""
        at = datetime.now(timezone.utc).isoformat(timespec="seconds")

        def work(tx: Tx) -> bool:
            rows = tx.run(DECIDE_CANDIDATE, {"id": same_as_id, "status": "merged" if merge else "rejected",
                                             "by": self.actor, "at": at})
            if not rows:
                return False
            if merge:
                ca, cb = rows[0]["ca"], rows[0]["cb"]
                tx.run(SET_CANONICAL_GROUP, {"ids": [ca, cb], "root": min(ca, cb)})
            return True

        return self.store.write_tx(work, purpose="review")

    # --- 4P indicators and the report ------------------------------------------------------
    @action("indicators", target="year", params=("as_of",))
    def indicators(self, year: int, *, as_of: str | None = None) -> list[Any]:
        """Every 4P indicator of ``year`` with the year before (``playbooks.indicators``)."""
        from playbooks.indicators import compute_indicators

        return compute_indicators(self.store, year, as_of=as_of)

    @action("indicator_records", target="indicator_id", params=("year", "as_of"))
    def indicator_records(self, indicator_id: str, year: int, *, as_of: str | None = None) -> list[dict[str, Any]]:
        """The records one indicator counts (never a name)."""
        from playbooks.indicators import drilldown

        records = drilldown(self.store, indicator_id, year, as_of=as_of)
        return mask_rows(records) if self.masked else records

    @action("report", target="year", params=("lang", "fmt", "as_of", "suppress_below"))
    def report(self, year: int, *, lang: str, fmt: str, as_of: date | None = None, suppress_below: int = 0) -> bytes:
        """The 4P report of ``year`` as a file's bytes (md, html, docx or pdf).

        Raises:
            FontNotFound: no CJK font for the charts (the message says what to install).
        """
        import os

        from playbooks.report import FONT_ENV, build_report, find_cjk_font, render

        font = None if fmt == "md" else find_cjk_font(os.environ.get(FONT_ENV))
        as_of = as_of or _today()
        built = build_report(self.store, year, lang=lang, as_of=as_of, generated_at=datetime.now(timezone.utc),
                             suppress_below=suppress_below)
        return render(built, fmt, font=font)

    # --- Playbooks --------------------------------------------------------------------------
    @action("playbooks", audit=False)
    def playbooks(self) -> list[Any]:
        from playbooks.investigations.definitions import load_playbooks

        return load_playbooks()

    @action("run_playbook", target="name", params=("given",))
    def run_playbook(self, name: str, given: dict[str, Any]) -> Any:
        """Run a saved investigation (read-only, capped, timed out) with the given parameters."""
        from playbooks.investigations.run import run_playbook

        result = run_playbook(self.store, name, given)
        return replace(result, rows=mask_rows(result.rows)) if self.masked else result

    @action("export_playbook", target="result.playbook.name", params=("fmt",))
    def export_playbook(self, result: Any, fmt: str = "csv") -> str:
        """A playbook's rows as CSV text to download (a BOM for Excel; formula-like cells
        defused), names and identifiers always masked."""
        import io

        from playbooks.export import write_csv

        if fmt != "csv":
            raise ValueError(f"format {fmt!r}: playbook results download as csv")
        text = io.StringIO()
        write_csv(mask_rows(result.rows), list(result.playbook.columns), text)
        return "\ufeff" + text.getvalue()

    # --- Ingest -----------------------------------------------------------------------------
    @action("ingest", params=("paths",))
    def ingest_files(self, paths: list[Any], *, home: Any, max_bytes: int, progress: Any = None) -> Any:
        """Ingest uploaded files (already saved under ``home``) and resolve people; the summary."""
        from graph import schema
        from ingest.pipeline import discover, ingest
        from ingest.resolve import resolve

        schema.init_schema(self.store)
        summary = ingest(self.store, discover(paths), home=home, max_bytes=max_bytes, workers=1, progress=progress)
        resolved = resolve(self.store)
        summary.merges, summary.candidates = resolved.merged, resolved.candidates
        return summary

    # --- Administration ---------------------------------------------------------------------
    def _users(self) -> Any:
        from graph.settings import load_settings
        from workbench.accounts import user_store

        return user_store(load_settings())

    @action("users", audit=False)
    def users(self) -> pd.DataFrame:
        """Every account (name, role, office, e-mail, state, failures; never a hash)."""
        rows = [u.public() for u in self._users().list()]
        return pd.DataFrame(rows, columns=["name", "role", "office", "email", "disabled", "failed", "locked_until",
                                           "created_at", "password_changed_at"])

    @action("add_user", target="name", params=("role", "office", "email"))
    def add_user(self, name: str, role: str, *, office: str | None = None, email: str | None = None) -> str:
        """Create an account with a generated password; the password, to show once.

        Raises:
            UserError: a bad name or role, or the name is taken.
        """
        from workbench.users import generate_password

        password = generate_password()
        self._users().add(name, role, password, office=office, email=email)
        return password

    @action("disable_user", target="name")
    def disable_user(self, name: str) -> None:
        """Disable an account: its sessions end at their next click, it cannot sign in.

        Raises:
            UserError: no such account, or it is the caller's own.
        """
        from workbench.users import UserError

        if (name or "").strip().lower() == self.actor:
            raise UserError("you cannot disable your own account: ask another admin")
        self._users().disable(name)

    @action("enable_user", target="name")
    def enable_user(self, name: str) -> None:
        """Enable a disabled account again (and lift a lock-out).

        Raises:
            UserError: no such account.
        """
        self._users().enable(name)

    @action("reset_password", target="name")
    def reset_password(self, name: str) -> str:
        """A new generated password for an account (it also lifts a lock-out); the password, to show once.

        Raises:
            UserError: no such account.
        """
        from workbench.users import generate_password

        password = generate_password()
        self._users().set_password(name, password)
        return password

    @action("audit_trail", params=("actor", "action", "since", "until"))
    def audit_trail(self, *, actor: str | None = None, action: str | None = None, since: str | None = None,
                    until: str | None = None) -> tuple[pd.DataFrame, Any]:
        """The audit trail filtered (newest first) and the check of its whole chain."""
        from graph.audit import filter_entries

        entries = filter_entries(self.audit.entries(), actor=actor or None, action=action or None,
                                 since=since or None, until=until or None)
        columns = ["seq", "at", "actor", "role", "action", "target", "params", "outcome"]
        table = pd.DataFrame([{c: e.get(c) for c in columns} for e in reversed(entries)], columns=columns)
        table["params"] = table["params"].map(lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        return table, self.audit.verify()
