"""Link analysis over the case graph: pure functions, a networkx graph in, a DataFrame out.

Every analysis takes the ``networkx.MultiDiGraph`` that ``graph.projection.to_networkx``
builds, resolves people onto their canonical ids first (``collapse_people``) so a resolved
person counts once, checks its arguments before any work (``ValueError`` naming the
argument) and takes an explicit ``seed`` where it is randomised.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for p in ("person:r", "person:v"): g.add_node(p, label="Person", name=p[-1])
>>> _ = g.add_edge("person:r", "person:v", type="RECRUITED", evidence=2, documents=1)
>>> recruitment_chains(g)[["recruiter", "recruited", "depth"]].values.tolist()
[['person:r', 'person:v', 1]]
"""

from graph.analytics.communities import BACKENDS, BackendUnavailable, communities
from graph.analytics.cotravel import co_travel
from graph.analytics.identifiers import IDENTIFIER_KINDS, shared_identifiers
from graph.analytics.journeys import common_routes, journey
from graph.analytics.keyplayers import key_players
from graph.analytics.paths import explain_paths
from graph.analytics.people import TIE_KINDS, canonical_ids, collapse_people, person_graph, person_roles
from graph.analytics.recruiters import recruiter_hubs, recruitment_chains, recruitment_cohorts
from graph.analytics.rings import rings

__all__ = [
    "BACKENDS",
    "BackendUnavailable",
    "IDENTIFIER_KINDS",
    "TIE_KINDS",
    "canonical_ids",
    "co_travel",
    "collapse_people",
    "common_routes",
    "communities",
    "explain_paths",
    "journey",
    "key_players",
    "person_graph",
    "person_roles",
    "recruiter_hubs",
    "recruitment_chains",
    "recruitment_cohorts",
    "rings",
    "shared_identifiers",
]
