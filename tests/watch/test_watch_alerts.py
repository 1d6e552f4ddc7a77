"""Alerts: once per new matching event, updates only where the rule asks, across restarts."""
from __future__ import annotations

import json

from eventsift.watch import Rule
from watchkit import DOUMA_1, DOUMA_2, KANDAHAR, LAGOS, feed

RULES = (
    Rule(name="syria", country=("SY",), event_type=("explosions_remote_violence",), min_fatalities=10),
    Rule(name="syria-updates", country=("SY",), admin1=("SY-DI", "Rif Dimashq", "Rīf Dimashq"), updates=True),
    Rule(name="syria-15", country=("SY",), min_fatalities=15),
    Rule(name="roadside", text=("roadside",), event_type=("remote_explosive_landmine_ied",)),
    Rule(name="nigeria-deaths", country=("NG",), min_fatalities=1),
    Rule(name="hts", actor=("Hay'at Tahrir",)),
)


def fired(alerts):
    return sorted((a.rule, a.kind) for a in alerts)


def test_watch_alerts_fire_once_per_matching_event(site, make_watcher, tmp_path):
    site.article("/a/1", DOUMA_1)
    site.article("/a/2", KANDAHAR)
    site.article("/a/3", LAGOS)
    site.rss("/world.xml", ["/a/1", "/a/2", "/a/3"])
    log = tmp_path / "alerts.jsonl"
    sources = [feed(site, "/world.xml", name="Monitor A"), feed(site, "/syria.xml", name="Monitor B")]
    site.rss("/syria.xml", [])
    w, store = make_watcher(sources, rules=RULES, alert_log=log, webhook=site.url("/hook"))

    r = w.cycle()
    assert r.articles == 3
    assert fired(r.alerts) == [("roadside", "new"), ("syria", "new"), ("syria-updates", "new")]
    assert fired(w.cycle().alerts) == []  # nothing changed, nothing fires

    # Another outlet reports the Douma shelling with a higher toll: one event, updated.
    site.article("/b/1", DOUMA_2)
    site.rss("/syria.xml", ["/b/1"])
    r = w.cycle()
    assert r.articles == 1
    douma = [e for e in store.events() if e.location and e.location.country == "SY"]
    assert len(douma) == 1 and douma[0].fatalities == 15 and len(douma[0].sources) == 2
    # "syria" has no updates: silent. "syria-15" matches for the first time: new.
    assert fired(r.alerts) == [("syria-15", "new"), ("syria-updates", "update")]

    w, store = make_watcher(sources, rules=RULES, alert_log=log, webhook=site.url("/hook"))  # restart
    assert fired(w.cycle().alerts) == []

    lines = [json.loads(x) for x in log.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 5
    posts = [json.loads(body) for path, body in site.posts if path == "/hook"]
    assert posts == lines
    update = next(x for x in lines if x["kind"] == "update")
    assert update["event"]["fatalities"] == 15
    evidence = [m["evidence"] for m in update["event"]["mentions"]]
    assert any("killed 15 civilians in Douma" in s for s in evidence)
    assert any("killed 12 civilians in Douma" in s for s in evidence)
    assert sorted(a["url"] for a in update["articles"]) == [site.url("/a/1"), site.url("/b/1")]


def test_watch_alert_webhook_down_still_logs(site, make_watcher, tmp_path):
    site.article("/a/1", DOUMA_1)
    site.rss("/feed.xml", ["/a/1"])
    from newssite import Route
    site.set("/hook", Route(status=503))
    log = tmp_path / "alerts.jsonl"
    w, _ = make_watcher([feed(site, "/feed.xml")], rules=RULES[:1], alert_log=log, webhook=site.url("/hook"))
    r = w.cycle()
    assert fired(r.alerts) == [("syria", "new")]
    assert len(log.read_text().splitlines()) == 1
    assert site.count("/hook", "POST") == 2 and w.alerter.webhook_errors
    assert fired(w.cycle().alerts) == []
