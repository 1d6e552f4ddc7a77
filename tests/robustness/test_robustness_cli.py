"""What the analyst sees: one line per skipped input naming it and the reason, and a
closing summary that counts the skips by reason."""
from __future__ import annotations

import os
import random
import re
import subprocess
import sys

import pytest
from robust_corpus import article_text

pytestmark = pytest.mark.slow


def test_robustness_cli_reports_each_skip_on_one_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rng = random.Random(9)
    for i in range(3):
        (folder / f"a{i}.txt").write_text(article_text(rng), encoding="utf-8")
    (folder / "copy.txt").write_text((folder / "a1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "scan.txt").write_bytes(b"%PDF-1.6\n" + bytes(range(256)) * 4)
    (folder / "blank.txt").write_bytes(b"\n\n")
    (folder / "de.txt").write_text("Angriff auf Rakka\n\nBei einem Luftangriff auf die syrische Stadt Rakka sind "
                                   "nach Angaben von Aktivisten mindestens zwölf Zivilisten getötet worden.\n",
                                   encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "eventsift", "run", str(folder), "--db", str(tmp_path / "s.duckdb")],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "60"})
    assert proc.returncode == 1  # some inputs were skipped
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    skipped = [ln for ln in lines if ln.startswith("skipped ")]
    assert sorted(re.sub(r"^skipped \S+/(\S+) \((\w+)\).*", r"\1 \2", ln) for ln in skipped) == [
        "blank.txt empty", "de.txt language", "scan.txt binary"]
    summary = lines[-1]
    assert summary.startswith("3 new articles") and "1 copies" in summary
    assert "3 inputs skipped (1 " in summary and all(r in summary for r in ("1 binary", "1 empty", "1 language"))
