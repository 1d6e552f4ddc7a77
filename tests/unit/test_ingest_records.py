"""JSON, JSON Lines, CSV and TSV records."""
from __future__ import annotations

import json
from datetime import date

from eventsift.errors import IngestError
from eventsift.ingest import read_file, read_inputs
from eventsift.model import Article

BODY = "Government forces shelled the town on Monday, killing three civilians, residents said."


def test_ingest_json_single_object(tmp_path):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"id": "a1", "content": BODY, "title": "T", "published": "2020-03-01",
                             "url": "https://x.example/1", "source": "X News"}), encoding="utf-8")
    (a,) = read_file(p)
    assert (a.id, a.text, a.title, a.published, a.url, a.source, a.origin) == (
        "a1", BODY, "T", date(2020, 3, 1), "https://x.example/1", "X News", str(p))


def test_ingest_json_list(tmp_path):
    p = tmp_path / "many.json"
    p.write_text(json.dumps([{"id": "a", "body": BODY}, {"text": BODY + " More."}, 7]), encoding="utf-8")
    a, b, bad = read_file(p)
    assert a.id == "a" and a.origin == f"{p}#1"
    assert b.id == "many-2"  # no id: file stem + record number
    assert isinstance(bad, IngestError) and bad.reason == "malformed" and bad.source == f"{p}#3"


def test_ingest_jsonl_malformed_line_reports_and_continues(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "r1", "text": BODY, "published": "4/5/2017"}),
        '{"id": "r2", "text": "unterminated',
        "",
        json.dumps({"id": "r4", "text": BODY}),
        json.dumps({"id": "r5", "title": "no text here"}),
    ]) + "\n", encoding="utf-8")
    items = list(read_inputs([p]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article", "IngestError"]
    assert items[0].published == date(2017, 4, 5) and items[0].origin == f"{p}:1"
    assert items[1].source == f"{p}:2" and items[1].reason == "malformed"
    assert f"{p}:2" in str(items[1]) and "\n" not in str(items[1])
    assert items[2].id == "r4" and items[2].origin == f"{p}:4"
    assert items[3].reason == "empty" and items[3].source == f"{p}:5"


def test_ingest_csv_with_column_mapping_and_big_field(tmp_path):
    big = BODY + " " + "x" * 300_000
    p = tmp_path / "units.csv"
    p.write_text(
        'unit_id,article_title,article_content,date,source\r\n'
        f'u1,Shelling,"{BODY}\nSecond paragraph, with ""quotes"".",4/5/2017,Agency A\r\n'
        f'u2,Big,"{big}",12/31/2016,Agency B\r\n', encoding="utf-8")
    columns = {"id": "unit_id", "title": "article_title", "text": "article_content",
               "published": "date", "source": "source"}
    a, b = read_file(p, columns=columns)
    assert (a.id, a.title, a.published, a.source) == ("u1", "Shelling", date(2017, 4, 5), "Agency A")
    assert a.text == BODY + '\nSecond paragraph, with "quotes".'
    assert a.origin == f"{p}:2"
    assert b.origin == f"{p}:4"  # the first record spans two lines
    assert b.published == date(2016, 12, 31) and len(b.text) > 300_000


def test_ingest_csv_default_columns_and_missing_mapped_column(tmp_path):
    p = tmp_path / "plain.csv"
    p.write_text(f"id,title,text,published\nz9,Title,{BODY.replace(',', ';')},2019-07-08\n", encoding="utf-8")
    (a,) = read_file(p)
    assert a.id == "z9" and a.published == date(2019, 7, 8)
    (err,) = read_file(p, columns={"text": "article_content"})
    assert isinstance(err, IngestError) and err.reason == "malformed" and "article_content" in err.detail


def test_ingest_tsv(tmp_path):
    p = tmp_path / "rows.tsv"
    p.write_text(f"id\ttext\tsource\nt1\t{BODY}\tWire\n", encoding="utf-8")
    (a,) = read_file(p)
    assert isinstance(a, Article) and (a.id, a.text, a.source) == ("t1", BODY, "Wire")
