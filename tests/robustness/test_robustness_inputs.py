"""Bad inputs: each gives one IngestError naming the input and the reason; the run goes on."""
from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from robust_corpus import article_text

from eventsift.errors import IngestError
from eventsift.ingest import LanguageDetector, read_file, read_inputs, walk_files
from eventsift.ingest.html import nesting_depth
from eventsift.model import Article

GOOD = article_text(random.Random(7))
ARABIC = ("غارة جوية على مدينة الرقة\n\nقتل أربعة مدنيين وأصيب عشرة آخرون في غارة جوية شنتها طائرات حربية على "
          "حي سكني في مدينة الرقة صباح اليوم، بحسب المرصد السوري لحقوق الإنسان. وقال سكان إن الطائرات حلقت "
          "فوق المدينة لساعات قبل أن تقصف المنطقة.\n")
FRENCH = ("Frappes sur Raqqa\n\nDes avions de combat ont bombardé mardi un quartier résidentiel de Raqqa, tuant "
          "au moins douze civils, selon l'Observatoire syrien des droits de l'homme. Les habitants ont fui vers "
          "la campagne environnante.\n")


@pytest.fixture(scope="module")
def detector() -> LanguageDetector:
    return LanguageDetector.load()


def one_error(items) -> IngestError:
    (item,) = list(items)
    assert isinstance(item, IngestError), item
    assert "\n" not in str(item) and item.source in str(item)
    return item


def test_robustness_pdf_renamed_txt(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n" + os.urandom(500))
    err = one_error(read_file(p))
    assert err.reason == "binary" and "PDF" in err.detail


def test_robustness_empty_and_blank_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.html").write_bytes(b"<html><body>   </body></html>")
    assert one_error(read_file(tmp_path / "a.txt")).reason == "empty"
    assert one_error(read_file(tmp_path / "b.html")).reason == "empty"


def test_robustness_windows_1256_arabic_is_decoded_and_detected(tmp_path, detector):
    p = tmp_path / "ar.txt"
    p.write_bytes(ARABIC.encode("cp1256"))
    with pytest.raises(UnicodeDecodeError):
        p.read_bytes().decode("utf-8")  # so the encoding really had to be detected
    (a,) = read_inputs([p], languages=detector)
    assert isinstance(a, Article) and "المرصد السوري" in a.text
    assert a.language == "ar"


def test_robustness_language_detection_keeps_english(tmp_path, detector):
    rng = random.Random(3)
    for i in range(30):
        (tmp_path / f"en{i}.txt").write_text(article_text(rng), encoding="utf-8")
    (tmp_path / "fr.txt").write_text(FRENCH, encoding="latin-1")
    (tmp_path / "short.txt").write_text("Shelling.\n", encoding="utf-8")  # too short to tell: stays as declared
    got = {a.id: a.language for a in read_inputs([tmp_path], languages=detector)}
    assert got.pop("fr") == "fr" and got.pop("short") == "en"
    assert set(got.values()) == {"en"}


def test_robustness_declared_language_yields_to_a_sure_detection(tmp_path, detector):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"id": "x", "language": "en", "text": FRENCH}) + "\n"
                 + json.dumps({"id": "y", "language": "de", "text": "Kurz."}) + "\n", encoding="utf-8")
    got = {a.id: a.language for a in read_inputs([p], languages=detector)}
    assert got == {"x": "fr", "y": "de"}


def test_robustness_200_mb_dump_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "dump.jsonl"
    with p.open("wb") as f:  # sparse: 200 MB by size, nothing written
        f.truncate(200 * 1024 * 1024)
    err = one_error(read_file(p))
    assert err.reason == "too_large" and "209,715,200 bytes" in err.detail and "max-bytes" in err.detail
    # The limit is configurable: raised, the file is read, and its 200 MB of NUL bytes are no text.
    assert one_error(read_file(p, max_bytes=300 * 1024 * 1024)).reason == "binary"


def test_robustness_jsonl_with_a_broken_line_in_the_middle(tmp_path):
    p = tmp_path / "feed.jsonl"
    rows = [json.dumps({"id": f"r{i}", "text": GOOD}) for i in range(5)]
    rows[2] = rows[2][: len(rows[2]) // 2]  # cut off mid-record
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = list(read_file(p))
    assert [g.id if isinstance(g, Article) else g.reason for g in got] == ["r0", "r1", "malformed", "r3", "r4"]
    assert got[2].source == f"{p}:3"


def test_robustness_html_nested_10000_deep(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * 10_000 + "<p>" + GOOD + "</p>" + "</div>" * 10_000
                 + "</body></html>", encoding="utf-8")
    err = one_error(read_file(p))
    assert err.reason == "malformed" and "10,00" in err.detail
    assert nesting_depth("<html><body><p>a<br>b</p><img src=x/></body></html>") == 3


def test_robustness_deep_html_with_text_above_the_limit_is_read(tmp_path):
    p = tmp_path / "deep.html"
    p.write_text("<html><body><article><p>" + GOOD + "</p></article>" + "<span>" * 5000 + "x"
                 + "</body></html>", encoding="utf-8")
    (a,) = read_file(p)
    assert isinstance(a, Article) and "killing" in a.text


def test_robustness_symlink_loops(tmp_path):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "d" / "up")  # a folder loop
    os.symlink("self.txt", tmp_path / "self.txt")  # a link to itself
    os.symlink("nowhere.txt", tmp_path / "broken.txt")  # a dangling link
    got = list(read_inputs([tmp_path]))
    kinds = sorted((Path(g.source).name, g.reason) for g in got if isinstance(g, IngestError))
    assert kinds == [("broken.txt", "missing"), ("self.txt", "symlink_loop"), ("up", "symlink_loop")]
    assert [a.id for a in got if isinstance(a, Article)] == ["a"]


def test_robustness_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    err = one_error(read_file(tmp_path / "pipe.txt"))
    assert err.reason == "unreadable" and "regular file" in err.detail


def test_robustness_file_vanishing_mid_run(tmp_path):
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(GOOD.replace("Violence", name), encoding="utf-8")
    stream = read_inputs([tmp_path])
    first = next(stream)  # the folder is listed; now b.txt goes away
    (tmp_path / "b.txt").unlink()
    rest = list(stream)
    assert first.id == "a" and rest[1].id == "c"
    assert rest[0].reason == "missing" and rest[0].source == str(tmp_path / "b.txt")


UNREADABLE_SCRIPT = """
import json, sys
from eventsift.ingest import read_inputs
from eventsift.model import Article
out = [["Article", i.origin, None] if isinstance(i, Article) else ["IngestError", i.source, i.reason]
       for i in read_inputs([sys.argv[1]])]
print(json.dumps(out))
"""


def _without_root_file_access() -> None:
    """In the child, before exec: drop the capabilities that let root ignore file
    permissions (CAP_DAC_OVERRIDE 1, CAP_DAC_READ_SEARCH 2) from the bounding set, so
    the exec'd interpreter runs bound by them like any user."""
    if os.geteuid() != 0:
        return
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def test_robustness_unreadable_folder_and_file():
    # Permissions bind only a process that is not root: as root, read as nobody.
    root = Path(tempfile.mkdtemp(prefix="es-perm-"))
    try:
        os.chmod(root, 0o755)
        (root / "ok.txt").write_text(GOOD, encoding="utf-8")
        (root / "secret.txt").write_text(GOOD, encoding="utf-8")
        (root / "locked").mkdir()
        (root / "locked" / "inside.txt").write_text(GOOD, encoding="utf-8")
        for p in (root / "ok.txt", root / "secret.txt"):
            os.chmod(p, 0o644)
        os.chmod(root / "secret.txt", 0o000)
        os.chmod(root / "locked", 0o000)
        proc = subprocess.run([sys.executable, "-c", UNREADABLE_SCRIPT, str(root)], capture_output=True, text=True,
                              timeout=120, preexec_fn=_without_root_file_access)
        assert proc.returncode == 0, proc.stderr
        got = json.loads(proc.stdout)
        assert got == [["IngestError", str(root / "locked"), "unreadable"],
                       ["Article", str(root / "ok.txt"), None],
                       ["IngestError", str(root / "secret.txt"), "unreadable"]]
    finally:
        for p in (root / "locked", root / "secret.txt"):
            os.chmod(p, 0o755)
        shutil.rmtree(root)


def test_robustness_walk_reports_unlistable_folder_in_order(tmp_path):
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    got = list(walk_files(tmp_path / "gone"))
    assert len(got) == 1 and got[0].reason == "missing"


def test_robustness_jsonl_with_a_nul_line_keeps_the_rest(tmp_path):
    p = tmp_path / "dump.jsonl"
    rows = [json.dumps({"id": f"r{i}", "text": GOOD}) for i in range(40)]
    rows[20] = '{"id": "r20", "text": "\x00\x00 corrupted"}'
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    got = list(read_file(p))
    assert [g.reason for g in got if isinstance(g, IngestError)] == ["malformed"]
    assert len([g for g in got if isinstance(g, Article)]) == 39


def test_robustness_html_declared_cp1256_is_decoded(tmp_path, detector):
    p = tmp_path / "page.html"
    page = ('<html><head><meta charset="windows-1256"><title>غارة</title></head><body><article><p>'
            + ARABIC.replace("\n", " ") + "</p></article></body></html>")
    p.write_bytes(page.encode("cp1256"))
    (a,) = read_inputs([p], languages=detector)
    assert isinstance(a, Article) and "المرصد السوري" in a.text and a.language == "ar"
