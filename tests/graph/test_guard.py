import pytest

from graph.errors import QueryRejected
from graph.guard import check_read_only


@pytest.mark.parametrize(
    "statement",
    [
        "MATCH (n:Person) RETURN n.name",
        "MATCH (n) WHERE n.note = 'CREATE (x) SET y' RETURN n",
        "MATCH (n) RETURN n.set AS s, {create: 1} AS m",
        "MATCH (n) // DELETE n\nRETURN n",
        "MATCH (n:`DELETE`) RETURN n",
        "CALL db.labels() YIELD label RETURN label",
        "SHOW INDEXES YIELD name RETURN name",
    ],
)
def test_guard_lets_reads_through(statement):
    check_read_only(statement)


@pytest.mark.parametrize(
    ("statement", "found"),
    [
        ("CREATE (n:Person)", "CREATE"),
        ("MATCH (n) SET n.x = 1", "SET"),
        ("match (n) detach delete n", "detach"),
        ("MATCH (n) REMOVE n.x", "REMOVE"),
        ("MERGE (n:X {id: 1})", "MERGE"),
        ("MATCH (n) FOREACH (x IN [1] | SET n.y = x)", "FOREACH"),
        ("LOAD CSV FROM 'file:///x' AS r RETURN r", "LOAD"),
        ("CALL apoc.create.node(['X'], {}) YIELD node RETURN node", "apoc.create.node"),
        ("DROP CONSTRAINT Person_id", "DROP"),
    ],
)
def test_guard_refuses_updates_naming_the_clause(statement, found):
    with pytest.raises(QueryRejected, match="only") as info:
        check_read_only(statement)
    assert info.value.clause == found
