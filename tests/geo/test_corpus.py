"""Reading the geoparsing corpora's two XML layouts, and the geoparse command."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventsift.cli import cli
from eventsift.errors import IngestError
from eventsift.geo import Gazetteer
from eventsift.geo.corpus import geoparse_file, read_corpus

FIXTURES = Path(__file__).parent / "fixtures"


def test_corpus_reads_lgl_layout():
    docs = list(read_corpus(FIXTURES / "tiny_lgl.xml"))
    assert [d.id for d in docs] == ["1", "2"]
    first = docs[0].toponyms
    assert [(t.start, t.end, t.text) for t in first][:2] == [(10, 20, "Alexandria"), (22, 25, "La.")]
    assert (first[0].lat, first[0].lon, first[0].geonames_id) == (31.3113, -92.4451, 4314550)
    assert first[2].text == "Rapides Parish" and first[2].lat is None  # no gaztag: a span, no point


def test_corpus_offsets_that_drift_keep_the_phrase():
    t = list(read_corpus(FIXTURES / "tiny_lgl.xml"))[1].toponyms[0]
    assert (t.start, t.end, t.text) == (3, 8, "Italy")


def test_corpus_reads_geowebnews_layout():
    (doc,) = read_corpus(FIXTURES / "tiny_gwn.xml")
    assert doc.id == "0" and doc.title == "Storm"
    placed = [t for t in doc.toponyms if t.lat is not None]
    assert [t.text for t in placed] == ["Georgia", "Atlanta"]
    assert placed[1].geonames_id == 4180439


def test_corpus_rejects_other_xml(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<root><item/></root>", encoding="utf-8")
    with pytest.raises(IngestError, match="no <article>"):
        list(read_corpus(bad))
    bad.write_text("<root", encoding="utf-8")
    with pytest.raises(IngestError, match="cannot read"):
        list(read_corpus(bad))


def test_corpus_geoparse_file_with_gold_spans(gaz, tmp_path):
    out = tmp_path / "pred.jsonl"
    n = geoparse_file(FIXTURES / "tiny_gwn.xml", out, gold_spans=True, gazetteer=gaz)
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert n == len(rows) == 2  # "officials" has no point in the corpus: not a toponym to place
    assert {k for k in rows[0]} >= {"doc", "start", "end", "lat", "lon", "geonames_id"}
    assert rows[0]["doc"] == "0" and rows[0]["precision"] == "admin1"  # Georgia the state, beside Atlanta
    assert rows[1]["geonames_id"] == 4180439


def test_cli_geoparse_command(gaz, tmp_path, monkeypatch):
    monkeypatch.setattr(Gazetteer, "load", classmethod(lambda cls, cache_dir=None: gaz))
    out = tmp_path / "p.jsonl"
    result = CliRunner().invoke(cli, ["geoparse", str(FIXTURES / "tiny_lgl.xml"), "--gold-spans", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert [r["geonames_id"] for r in rows if r["doc"] == "1"] == [4314550, 4331987, 4314550]
    assert [r["geonames_id"] for r in rows if r["doc"] == "2"] == [3175395]


def test_cli_geoparse_needs_an_output():
    result = CliRunner().invoke(cli, ["geoparse", str(FIXTURES / "tiny_lgl.xml")])
    assert result.exit_code != 0 and "--output" in result.output
