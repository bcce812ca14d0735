"""Property-based tests (hypothesis) with generated hostile input: the readers refuse what they
cannot read with our own ``Unreadable`` and a reason, the extractor's offsets always point at
its text, playbook parameters refuse bad values with an error naming the parameter, the masking
functions never fail, and the search box takes any text."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ingest.documents import REASONS, Unreadable
from ingest.readers import READERS
from tests.ingest.test_readers import make_docx, make_pdf, para

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXTENSIONS = (".txt", ".md", ".csv", ".html", ".docx", ".pdf", ".xlsx")

VALID = {
    ".pdf": make_pdf([["被害人陳○明於曼谷獲救", "BR265 TPE→PNH"]]),
    ".docx": make_docx(para("移送書") + para("陳○明 +855 12 345 678")),
    ".txt": "查獲國人李○華等 3 人涉嫌人口販運案".encode(),
    ".csv": "姓名,國家\n陳○明,柬埔寨\n".encode("big5"),
    ".html": "<p>Rescue &amp; return</p><script>x()</script>".encode(),
}


def parse_or_refuse(ext: str, data: bytes) -> None:
    """Parse with the registered reader: a result whose offsets fit its text, or ``Unreadable``."""
    try:
        parsed = READERS[ext].parse(data, f"fuzz{ext}")
    except Unreadable as e:
        assert e.reason in REASONS and f"fuzz{ext}" in str(e)
        return
    n = len(parsed.text)
    for start, end in (*parsed.pages, *parsed.paragraphs):
        assert 0 <= start <= end <= n


@FAST
@given(ext=st.sampled_from(EXTENSIONS), data=st.binary(max_size=4096))
def test_readers_given_arbitrary_bytes_read_them_or_refuse_with_a_reason(ext, data):
    parse_or_refuse(ext, data)


@SLOW
@given(ext=st.sampled_from(sorted(VALID)), cut=st.integers(0, 10_000), flips=st.lists(
    st.tuples(st.integers(0, 10_000), st.integers(1, 255)), max_size=8))
def test_readers_given_damaged_real_files_read_them_or_refuse_with_a_reason(ext, cut, flips):
    data = bytearray(VALID[ext])
    for at, xor in flips:
        data[at % len(data)] ^= xor
    parse_or_refuse(ext, bytes(data[: max(1, cut % (len(data) + 1))]))


@SLOW
@given(members=st.dictionaries(st.sampled_from(["word/document.xml", "[Content_Types].xml", "a.xml"]),
                               st.binary(max_size=512), max_size=3))
def test_docx_reader_given_arbitrary_zip_members_refuses_with_a_reason(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    parse_or_refuse(".docx", buf.getvalue())


@SLOW
@given(text=st.text(max_size=300))
def test_extractor_offsets_always_point_at_the_text_they_name(text):
    from nlp.extract import extract

    result = extract(text)
    n = len(text)
    assert result["doc"]["chars"] == n
    ids = {e["id"] for e in result["entities"]}
    for e in result["entities"]:
        assert 0 <= e["start"] <= e["end"] <= n and e["text"] == text[e["start"] : e["end"]]
    for r in result["relations"]:
        assert 0 <= r["start"] <= r["end"] <= n and r["head"] in ids and r["tail"] in ids
    for i in result["indicators"]:
        assert 0 <= i["start"] <= i["end"] <= n and i.get("person", next(iter(ids), None)) in ids | {None}


@SLOW
@given(text=st.text(alphabet=st.sampled_from("陳偉明林○華被害人於曼谷柬埔寨西港獲救護照電話 +855123456789-Chen Wei-ting,.。\n"),
                    max_size=200))
def test_extractor_offsets_hold_on_domain_like_text(text):
    test_extractor_offsets_always_point_at_the_text_they_name.hypothesis.inner_test(text)


def _params():
    from playbooks.investigations.definitions import load_playbooks

    return [(pb.name, p) for pb in load_playbooks() for p in pb.params.values()]


PARAMS = _params()


@FAST
@given(which=st.integers(0, max(len(PARAMS) - 1, 0)), raw=st.one_of(
    st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.lists(st.text(max_size=10), max_size=4), st.dates()))
def test_playbook_parameters_coerce_or_raise_their_own_error_naming_the_parameter(which, raw):
    from playbooks.errors import ParameterError

    assume(PARAMS)
    _, param = PARAMS[which]
    try:
        value = param.coerce(raw)
    except ParameterError as e:
        assert e.name == param.name and param.name in str(e)
        return
    expected = {"str": str, "int": int, "float": float, "bool": bool, "date": str, "list": list}[param.type]
    assert isinstance(value, expected)
    if param.type == "date":
        date.fromisoformat(value)


@FAST
@given(given_names=st.dictionaries(st.text(max_size=12), st.text(max_size=12), max_size=3))
def test_playbook_bind_refuses_unknown_parameter_names_by_name(given_names):
    from playbooks.errors import ParameterError
    from playbooks.params import bind

    assume(PARAMS)
    name, _ = PARAMS[0]
    params = {p.name: p for pb_name, p in PARAMS if pb_name == name}
    try:
        bind(params, given_names)
    except ParameterError as e:
        assert e.name in set(given_names) | set(params)


@FAST
@given(text=st.text(max_size=60), kind=st.sampled_from(["phone", "passport", "account", "email", "handle", None]))
def test_masking_never_fails_and_never_returns_a_longer_secret(text, kind):
    from graph.masking import mask_identifier, mask_name

    masked = mask_name(text)
    assert len(masked) == len(text)
    hidden = mask_identifier(kind, text)
    assert isinstance(hidden, str)
    if kind in ("passport", "account") and sum(c.isalnum() for c in text) > 3:
        assert hidden != text


@FAST
@given(query=st.text(max_size=80))
def test_search_keys_of_any_query_are_plain_strings(query):
    from graph import namekeys
    from graph.reads import _identifier_forms

    assert all(isinstance(k, str) for k in namekeys.query_keys(query))
    assert all(isinstance(f, str) and len(f) >= 3 for f in _identifier_forms(query))


@pytest.mark.server
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.one_of(st.text(max_size=40), st.sampled_from([
    "'}) MATCH (n) DETACH DELETE n //", '" OR 1=1 --', "陳○明", "+855 12 345 678", "\\u0000", "`x`", "$id"])))
def test_search_box_takes_any_text_and_deletes_nothing(store, query):
    from graph.reads import search

    store.write("MERGE (:Person {id: 'person:keep', name: 'keep'})")
    assert isinstance(search(store, query), list)
    assert store.read("MATCH (n:Person {id: 'person:keep'}) RETURN count(n) AS n")[0]["n"] == 1


def _patch_central(data: bytes, member: str, offset: int, value: bytes) -> bytes:
    """``data`` (a zip) with ``value`` written at ``offset`` of ``member``'s central directory entry."""
    at = data.index(b"PK\x01\x02")
    while True:
        name_len = int.from_bytes(data[at + 28 : at + 30], "little")
        if data[at + 46 : at + 46 + name_len].decode() == member:
            return data[: at + offset] + value + data[at + offset + len(value):]
        extra = int.from_bytes(data[at + 30 : at + 32], "little") + int.from_bytes(data[at + 32 : at + 34], "little")
        at += 46 + name_len + extra


def _stored_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(VALID[".docx"])) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    return buf.getvalue()


@pytest.mark.parametrize(("offset", "value", "reason"), [
    (10, (8).to_bytes(2, "little"), "corrupt"),  # stored bytes declared deflated: zlib fails mid-read
    (8, (1).to_bytes(2, "little"), "encrypted"),  # the encryption flag set on one part
    (6, (99).to_bytes(2, "little"), "corrupt"),  # a zip version no reader implements
])
def test_docx_with_a_damaged_zip_header_is_refused_not_crashed(offset, value, reason):
    data = _patch_central(_stored_docx(), "word/document.xml", offset, value)
    with pytest.raises(Unreadable) as info:
        READERS[".docx"].parse(data, "damaged.docx")
    assert info.value.reason == reason and "damaged.docx" in str(info.value)
