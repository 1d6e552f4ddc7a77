"""Folders, manifests, ids and the error policy."""
from __future__ import annotations

import json
import os
from datetime import date

import pytest

from eventsift.errors import IngestError
from eventsift.ingest import Manifest, iter_files, read_inputs
from eventsift.model import Article

BODY = "Jets struck the city on Tuesday, killing four people, a monitor said."


def write(path, text=f"A Title\n\n{BODY}\n"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_ingest_folder_recursive_sorted_hidden_skipped(tmp_path):
    write(tmp_path / "b.txt")
    write(tmp_path / "a" / "z.txt")
    write(tmp_path / "a" / "c.html", f"<html><body><article><p>{BODY} {BODY}</p></article></body></html>")
    write(tmp_path / ".hidden.txt")
    write(tmp_path / ".git" / "x.txt")
    write(tmp_path / "notes.md")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files(tmp_path)] == ["a/c.html", "a/z.txt", "b.txt"]
    assert [a.id for a in read_inputs([tmp_path])] == ["c", "z", "b"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_ingest_folder_symlink_loop_ends(tmp_path):
    write(tmp_path / "d" / "x.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path, tmp_path / "d" / "up")
    got = list(read_inputs([tmp_path]))
    assert [a.id for a in got if isinstance(a, Article)] == ["x"]
    loops = sorted(e.source for e in got if isinstance(e, IngestError))
    assert loops == [str(tmp_path / "d" / "loop"), str(tmp_path / "d" / "up")]
    assert all(e.reason == "symlink_loop" for e in got if isinstance(e, IngestError))


def test_ingest_manifest_by_file_and_by_id(tmp_path):
    write(tmp_path / "docs" / "one.txt")
    write(tmp_path / "docs" / "two.txt")
    write(tmp_path / "docs" / "three.txt")
    man = tmp_path / "meta.jsonl"
    man.write_text("\n".join([
        json.dumps({"id": "A-1", "file": "docs/one.txt", "published": "2015-11-19", "source": "Wire",
                    "url": "https://w.example/1", "note": "ignored"}),
        json.dumps({"id": "two", "published": "11/20/2015"}),
        "{oops",
    ]), encoding="utf-8")
    items = list(read_inputs([tmp_path / "docs"], manifest=man))
    errors = [i for i in items if isinstance(i, IngestError)]
    arts = {a.id: a for a in items if isinstance(a, Article)}
    assert [e.source for e in errors] == [f"{man}:3"]
    assert arts["A-1"].published == date(2015, 11, 19) and arts["A-1"].source == "Wire"
    assert arts["A-1"].url == "https://w.example/1" and arts["A-1"].title == "A Title"
    assert arts["two"].published == date(2015, 11, 20)
    assert arts["three"].published is None


def test_ingest_manifest_alone_lists_the_files(tmp_path):
    write(tmp_path / "x.txt")
    man = tmp_path / "m.jsonl"
    man.write_text(json.dumps({"id": "x1", "file": "x.txt"}) + "\n" + json.dumps({"id": "gone", "file": "gone.txt"}))
    a, err = read_inputs(manifest=Manifest.from_path(man))
    assert a.id == "x1"
    assert isinstance(err, IngestError) and err.reason == "missing"


def test_ingest_folder_manifest_is_used_not_read(tmp_path):
    write(tmp_path / "s1.txt")
    (tmp_path / "manifest.jsonl").write_text(json.dumps({"id": "s1", "file": "s1.txt", "published": "2021-01-22"}))
    (a,) = read_inputs([tmp_path])
    assert a.id == "s1" and a.published == date(2021, 1, 22)


def test_ingest_on_error_raise(tmp_path):
    with pytest.raises(IngestError) as e:
        list(read_inputs([tmp_path / "nope.txt"], on_error="raise"))
    assert e.value.reason == "missing"
    with pytest.raises(ValueError):
        list(read_inputs([], on_error="ignore"))


def test_ingest_unreadable_folder_manifest_is_reported(tmp_path):
    write(tmp_path / "s1.txt")
    (tmp_path / "manifest.jsonl").write_bytes(b"%PDF-1.4")
    err, a = read_inputs([tmp_path])
    assert isinstance(err, IngestError) and err.reason == "binary"
    assert a.id == "s1"
