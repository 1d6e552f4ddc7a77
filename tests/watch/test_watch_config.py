"""Watch config: TOML into frozen dataclasses; bad values named in the error."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventsift.errors import ConfigError
from eventsift.watch.config import SourceKind, load_config

GOOD = """
interval = 600
alert_log = "alerts.jsonl"

[fetch]
timeout = 5
host_delay = 0.5

[[sources]]
url = "https://example.org/rss.xml"
kind = "feed"
language = "en"
country = "SY"
interval = 120

[[sources]]
url = "https://example.org/sitemap.xml"

[[alerts]]
name = "syria"
country = "SY"
event_type = ["explosions_remote_violence", "attack"]
min_fatalities = 10
updates = true
"""


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "watch.toml"
    p.write_text(text, encoding="utf-8")
    return p


def test_config_reads_sources_rules_and_fetch(tmp_path):
    cfg = load_config(write(tmp_path, GOOD), urls=("https://example.org/other",))
    a, b, c = cfg.sources
    assert (a.kind, a.country, a.interval, a.language) == (SourceKind.FEED, "SY", 120.0, "en")
    assert (b.kind, b.interval) == (SourceKind.AUTO, 600.0)
    assert c.url == "https://example.org/other"
    (rule,) = cfg.rules
    assert rule.country == ("SY",) and rule.min_fatalities == 10 and rule.updates
    assert cfg.fetch.timeout == 5 and cfg.fetch.host_delay == 0.5 and cfg.fetch.retries == 3
    assert cfg.alert_log == tmp_path / "alerts.jsonl"


@pytest.mark.parametrize("change, message", [
    (("interval = 120", "interval = -1"), "sources.interval must be a number >= 0, not -1"),
    (('kind = "feed"', 'kind = "podcast"'), "sources.kind must be one of"),
    (('country = "SY"', 'country = "Syria"'), "sources.country must be an ISO 3166-1 alpha-2 code"),
    (("timeout = 5", "timeout = 0"), "fetch.timeout must be a number > 0, not 0"),
    (("timeout = 5", "retries = -2"), "fetch.retries must be an int >= 0, not -2"),
    (("timeout = 5", "colour = 5"), "fetch has unknown key 'colour'"),
    (('"attack"', '"skirmish"'), "alerts.event_type of rule 'syria' must be an ACLED event or sub-event type"),
    (("min_fatalities = 10", 'min_fatalities = "ten"'), "alerts.min_fatalities of rule 'syria' must be an int"),
    (('url = "https://example.org/rss.xml"', 'url = "ftp://example.org/rss.xml"'),
     "sources.url must be an http(s) URL"),
    (("updates = true", "updates = 1"), "alerts.updates of rule 'syria' must be true or false, not 1"),
])
def test_config_errors_name_key_and_value(tmp_path, change, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_config(write(tmp_path, GOOD.replace(*change)))


def test_config_needs_a_source(tmp_path):
    with pytest.raises(ConfigError, match="no sources to watch"):
        load_config(write(tmp_path, "interval = 60\n"))


def test_config_not_toml(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(write(tmp_path, "[[sources]\nurl ="))
