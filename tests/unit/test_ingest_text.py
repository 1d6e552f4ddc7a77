"""Plain-text pages, text normalisation, content hashes and metadata dates."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.ingest import content_hash, parse_date, read_file, read_inputs
from eventsift.model import Article


def one(path) -> Article:
    (item,) = list(read_file(path))
    assert isinstance(item, Article), item
    return item


def test_ingest_text_title_and_body(tmp_path):
    p = tmp_path / "strike-01.txt"
    p.write_bytes(b"\r\n  \r\nRussia Bombs Raqqa\r\n\r\nJets struck Raqqa on Tuesday.\r\n\r\nSource: CBS\r\n")
    a = one(p)
    assert a.id == "strike-01"
    assert a.title == "Russia Bombs Raqqa"
    assert a.text == "Jets struck Raqqa on Tuesday.\n\nSource: CBS"  # kept intact, no title, \n only
    assert a.origin == str(p)
    assert a.published is None
    assert a.content_hash == content_hash(a.text)


def test_ingest_text_paragraph_first_line_is_not_a_title(tmp_path):
    p = tmp_path / "a.txt"
    body = ("Moscow – Russia has conducted several airstrikes in Syria this week, a U.S. official said.\n\n"
            "Most strikes hit Raqqa.")
    p.write_text(body, encoding="utf-8")
    a = one(p)
    assert a.title is None
    assert a.text == body


def test_ingest_text_utf8_bom_and_nfc(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes("\ufeffTitle\n\nCafe\u0301 bombed in De\u0301ir.\n".encode("utf-8"))
    a = one(p)
    assert a.title == "Title"
    assert a.text == "Café bombed in Déir."


def test_ingest_content_hash_ignores_case_and_whitespace():
    assert content_hash("Jets  struck\nRaqqa.") == content_hash("jets struck raqqa.")
    assert content_hash("jets struck raqqa.") != content_hash("jets struck homs.")


def test_ingest_duplicate_files_share_a_hash(tmp_path):
    (tmp_path / "x.txt").write_text("T\n\nJets struck Raqqa.", encoding="utf-8")
    (tmp_path / "y.txt").write_text("Other title\n\nJETS   struck\nRaqqa.\n", encoding="utf-8")
    x, y = read_inputs([tmp_path])
    assert x.content_hash == y.content_hash


@pytest.mark.parametrize("value, expected", [
    ("2015-11-17", date(2015, 11, 17)),
    ("2015-11-17T08:30:00Z", date(2015, 11, 17)),
    ("2015-11-17 08:30:00+03:00", date(2015, 11, 17)),
    ("4/5/2017", date(2017, 4, 5)),  # M/D/YYYY
    ("12/31/2016", date(2016, 12, 31)),
    ("2017/04/05", date(2017, 4, 5)),
    ("Tue, 17 Nov 2015 10:00:00 GMT", date(2015, 11, 17)),
    ("", None),
    (None, None),
    ("13/45/2017", None),
    (date(2020, 1, 2), date(2020, 1, 2)),
])
def test_ingest_parse_date(value, expected):
    assert parse_date(value) == expected
