"""Ingest readers on arbitrary input: Articles or IngestErrors out, never an exception,
and what comes out is well formed."""
from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path

from hypothesis import given, settings, strategies as st

from eventsift.errors import IngestError
from eventsift.ingest import LanguageDetector, content_hash, read_file, read_inputs
from eventsift.ingest.dedupe import fingerprint, is_copy, words
from eventsift.model import Article

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1256", "cp1252", "latin-1", "koi8-r", "shift_jis",
             "gb18030", "iso-8859-7"]
EXTS = [".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ".xml", ""]
PIECES = ['{"id": 1, "text": "a"}', '{"text": 5}', "[", "{}", "a,b\n1", '"x"\t"y"', "<html><p>hi</p>",
          "Reply", "Comments (3)", "", "ok.", "[1,2]", '{"id": "\\ud800", "text": "x\\udfff"}', "<div>" * 300,
          "%PDF-1.4", "\x00\x01", "id,text\n1,\"unterminated", "\ufeff", "\r\n", "<meta charset=cp1256>"]
BYTES = st.one_of(
    st.binary(max_size=600),
    st.builds(lambda t, enc: t.encode(enc, "ignore"), st.text(max_size=300), st.sampled_from(ENCODINGS)),
    st.lists(st.sampled_from(PIECES), max_size=10).map(lambda xs: "\n".join(xs).encode("utf-8")),
)


def check_article(a: Article) -> None:
    assert a.id and a.text.strip() and "\r" not in a.text
    assert a.content_hash == content_hash(a.text)
    for value in (a.id, a.text, a.title or "", a.source or "", a.origin or ""):
        value.encode("utf-8")  # storable: no lone surrogates


@settings(max_examples=200, deadline=None)
@given(data=BYTES, ext=st.sampled_from(EXTS))
def test_ingest_props_read_file_never_raises(data, ext):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{ext}"
        p.write_bytes(data)
        for item in read_file(p, max_bytes=500):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, Article):
                check_article(item)
            else:
                assert item.reason and "\n" not in item.reason and str(p) in item.source


RECORD = st.one_of(
    st.fixed_dictionaries({"id": st.text(min_size=1, max_size=10), "text": st.text(min_size=1, max_size=80)},
                          optional={"published": st.text(max_size=20), "title": st.text(max_size=20),
                                    "language": st.text(max_size=5)}),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40),  # a broken line
)


@settings(max_examples=150, deadline=None)
@given(st.lists(RECORD, max_size=8))
def test_ingest_props_jsonl_one_item_per_line(records):
    lines = [json.dumps(r) if isinstance(r, dict) else r.replace("\n", " ").replace("\r", " ") for r in records]
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "feed.jsonl"
        p.write_text("\n".join(lines) + "\n", encoding="utf-8")
        items = list(read_file(p))
    nonblank = [ln for ln in lines if ln.strip()]
    if not nonblank:
        assert [i.reason for i in items] == ["empty"]
        return
    assert len(items) == len(nonblank)
    for item in items:
        if isinstance(item, Article):
            check_article(item)


TREE = st.lists(st.tuples(st.sampled_from(["a", "b", "a/c", "b/d", ".h", "a/.x"]),
                          st.sampled_from(["n.txt", "m.html", "r.jsonl", "z.pdf", "q"]), BYTES), max_size=8)


@settings(max_examples=60, deadline=None)
@given(TREE, st.booleans())
def test_ingest_props_read_inputs_over_a_folder_never_raises(tree, loop):
    with tempfile.TemporaryDirectory() as d:
        root = Path(d)
        for folder, name, data in tree:
            (root / folder).mkdir(parents=True, exist_ok=True)
            (root / folder / name).write_bytes(data)
        if loop:
            (root / "a").mkdir(exist_ok=True)
            (root / "a" / "up").symlink_to(root)
        for item in read_inputs([root, root / "missing"]):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, Article):
                check_article(item)


@cache
def detector() -> LanguageDetector:
    return LanguageDetector.load()


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_ingest_props_language_detection_total(text):
    got = detector().detect(text)
    assert got is None or (isinstance(got, str) and 2 <= len(got) <= 3)


WORDS = st.lists(st.sampled_from("the jets struck raqqa on tuesday killing 12 people and wounding dozens said a "
                                 "monitor reuters afp editing by".split()), min_size=0, max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(WORDS, st.text(max_size=300)), st.one_of(WORDS, st.text(max_size=300)))
def test_ingest_props_dedupe_total_and_reflexive(a, b):
    assert isinstance(is_copy(a, b), bool)
    assert len(fingerprint(a)) == 256
    if len(words(a)) >= 25:
        assert is_copy(a, a) and is_copy(a, a.upper() + "  ")
        assert fingerprint(a) == fingerprint(" ".join(a.split()).upper())
