"""`eventsift watch --once` from the command line, against the local site."""
from __future__ import annotations

import json

from click.testing import CliRunner

from eventsift.cli import cli
from eventsift.store import Store
from watchkit import DOUMA_1, KANDAHAR


def test_watch_cli_once_with_config_and_url(site, tmp_path):
    site.article("/a/1", DOUMA_1)
    site.article("/a/2", KANDAHAR)
    site.rss("/feed.xml", ["/a/1"])
    site.sitemap("/sitemap.xml", ["/a/2"])
    cfg = tmp_path / "watch.toml"
    cfg.write_text(f"""
alert_log = "alerts.jsonl"
[fetch]
timeout = 2
host_delay = 0
backoff = 0.01
[[sources]]
url = "{site.url('/feed.xml')}"
kind = "feed"
country = "SY"
[[alerts]]
name = "syria"
country = "SY"
min_fatalities = 10
""", encoding="utf-8")
    db = tmp_path / "w.duckdb"
    args = ["watch", "--once", "-c", str(cfg), "--db", str(db), site.url("/sitemap.xml")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "2 articles stored" in result.output and "alert syria (new)" in result.output
    with Store.open(db, read_only=True) as store:
        assert store.counts()["articles"] == 2
    alerts = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert [a["rule"] for a in alerts] == ["syria"]

    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0 and "0 articles stored" in again.output and "alert" not in again.output


def test_watch_cli_bad_config_is_one_line(tmp_path):
    cfg = tmp_path / "watch.toml"
    cfg.write_text('[[sources]]\nurl = "https://example.org/rss"\ninterval = "often"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["watch", "--once", "-c", str(cfg), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code != 0
    assert "sources.interval must be a number >= 0, not 'often'" in str(result.exception or result.output)
