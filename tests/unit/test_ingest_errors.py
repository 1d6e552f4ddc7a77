"""Every unreadable input becomes one IngestError with a reason; the run goes on."""
from __future__ import annotations

import random

import pytest

from eventsift.errors import IngestError
from eventsift.ingest import read_file, read_inputs
from eventsift.model import Article

GOOD = "Title\n\nGunmen attacked a checkpoint on Sunday, killing two soldiers, officials said.\n"


def reject(path, **kw) -> IngestError:
    (item,) = list(read_file(path, **kw))
    assert isinstance(item, IngestError), item
    assert str(path) in str(item) and "\n" not in str(item)
    return item


def test_ingest_error_missing(tmp_path):
    assert reject(tmp_path / "missing.txt").reason == "missing"


def test_ingest_error_empty(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    (tmp_path / "w.txt").write_bytes(b" \n\r\n\t ")
    assert reject(tmp_path / "e.txt").reason == "empty"
    assert reject(tmp_path / "w.txt").reason == "empty"


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
    b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)),
    b"some text\x00\x00\x01\x02\x00binary\xff\xfe\x00" * 20,
])
def test_ingest_error_binary(tmp_path, data):
    p = tmp_path / "report.txt"
    p.write_bytes(data)
    assert reject(p).reason == "binary"


def test_ingest_error_undecodable(tmp_path):
    rng = random.Random(1)
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(rng.randrange(128, 256) for _ in range(2000)))
    assert reject(p).reason == "encoding"


def test_ingest_latin1_and_utf16_are_decoded(tmp_path):
    text = "Frappes aériennes sur la ville\n\nLes frappes ont touché le café du marché, a déclaré un responsable à l'AFP. Über 12 morts."
    (tmp_path / "fr.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    for name in ("fr.txt", "u16.txt"):
        (a,) = read_file(tmp_path / name)
        assert isinstance(a, Article) and "café du marché" in a.text and "Über" in a.text


def test_ingest_error_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(GOOD * 100, encoding="utf-8")
    assert reject(p, max_bytes=1000).reason == "too_large"
    assert isinstance(next(read_file(p)), Article)  # default limit is 20 MB


def test_ingest_unknown_extension_is_sniffed(tmp_path):
    (tmp_path / "article").write_text(GOOD, encoding="utf-8")
    (tmp_path / "feed.dat").write_text('{"id": "f1", "text": "Shelling."}\n{"id": "f2", "text": "Raid."}\n')
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04\x14\x00" + bytes(200))
    (a,) = read_file(tmp_path / "article")
    assert isinstance(a, Article) and a.title == "Title"
    assert [r.id for r in read_file(tmp_path / "feed.dat")] == ["f1", "f2"]
    assert reject(tmp_path / "a.docx").reason == "binary"


def test_ingest_errors_do_not_stop_the_run(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.jsonl").write_text('{"id": "d1", "text": "Shelling hit the town."}\n[1,\n', encoding="utf-8")
    (tmp_path / "e.txt").write_text(GOOD, encoding="utf-8")
    got = [(i.id if isinstance(i, Article) else i.reason) for i in read_inputs([tmp_path, tmp_path / "zz.txt"])]
    assert got == ["a", "binary", "empty", "d1", "malformed", "e", "missing"]
