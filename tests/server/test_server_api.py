"""The JSON API over a hand-built store: every endpoint, every filter, bad input."""
from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest

from eventsift.store import Store

ALL = {"ev-raqqa", "ev-paris", "ev-xss", "ev-baghdad", "ev-suva"}


def ids(client, **params) -> set[str]:
    r = client.get("/api/events", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["items"])
    return {e["event_id"] for e in body["items"]}


# ---- list and pagination ---------------------------------------------------------------

def test_server_list_returns_every_event_with_summary_fields(client):
    r = client.get("/api/events")
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 5 and body["limit"] == 100 and body["offset"] == 0
    by_id = {e["event_id"]: e for e in body["items"]}
    assert set(by_id) == ALL
    raqqa = by_id["ev-raqqa"]
    assert raqqa["event_type"] == "explosions_remote_violence"
    assert raqqa["sub_event_type"] == "air_drone_strike"
    assert (raqqa["date_start"], raqqa["date_end"]) == ("2015-11-17", "2015-11-17")
    assert (raqqa["lat"], raqqa["lon"], raqqa["country"], raqqa["admin1_code"]) == (35.95, 39.01, "SY", "SY-RA")
    assert raqqa["fatalities"] == 14 and raqqa["n_sources"] == 2 and raqqa["n_mentions"] == 2
    assert raqqa["has_conflicts"] is True and raqqa["sources"] == ["Outlet A", "Outlet B"]
    assert raqqa["first_seen"].endswith("Z")
    assert by_id["ev-baghdad"]["date_start"] is None and by_id["ev-baghdad"]["lat"] is None


def test_server_list_default_order_is_newest_first_undated_last(client):
    items = client.get("/api/events").json()["items"]
    assert [e["event_id"] for e in items] == ["ev-xss", "ev-suva", "ev-raqqa", "ev-paris", "ev-baghdad"]


@pytest.mark.parametrize("sort, first", [("date", "ev-paris"), ("-date", "ev-xss"), ("fatalities", "ev-xss"),
                                         ("-fatalities", "ev-paris")])
def test_server_list_sort(client, sort, first):
    assert client.get("/api/events", params={"sort": sort}).json()["items"][0]["event_id"] == first


def test_server_list_pages_cover_everything_once(client):
    seen = []
    for offset in (0, 2, 4, 6):
        body = client.get("/api/events", params={"limit": 2, "offset": offset}).json()
        assert body["total"] == 5
        assert len(body["items"]) == max(0, min(2, 5 - offset))
        seen += [e["event_id"] for e in body["items"]]
    assert sorted(seen) == sorted(ALL)


# ---- filters ---------------------------------------------------------------------------

@pytest.mark.parametrize("params, expected", [
    ({"date_from": "2015-11-17"}, {"ev-raqqa", "ev-xss", "ev-suva"}),
    ({"date_to": "2015-11-17"}, {"ev-raqqa", "ev-paris"}),
    ({"date_from": "2015-11-14", "date_to": "2015-11-17"}, {"ev-raqqa"}),
    ({"date_from": "2015-11-18", "date_to": "2019-01-01"}, set()),
    ({"bbox": "35,30,42,38"}, {"ev-raqqa", "ev-xss"}),
    ({"bbox": "-10,40,10,55"}, {"ev-paris"}),
    ({"bbox": "170,-30,-170,0"}, {"ev-suva"}),            # crosses the antimeridian
    ({"country": "SY"}, {"ev-raqqa", "ev-xss"}),
    ({"country": "fr"}, {"ev-paris"}),
    ({"country": ["FR", "IQ"]}, {"ev-paris", "ev-baghdad"}),
    ({"admin1": "Ar Raqqah"}, {"ev-raqqa", "ev-xss"}),
    ({"admin1": "fr-idf"}, {"ev-paris"}),
    ({"event_type": "battles"}, {"ev-xss"}),
    ({"event_type": ["protests", "riots"]}, {"ev-baghdad", "ev-suva"}),
    ({"sub_event_type": "suicide_bomb"}, {"ev-paris"}),
    ({"actor": "russia"}, {"ev-raqqa"}),
    ({"actor": "Islamic"}, {"ev-paris", "ev-xss"}),
    ({"actor": "<script>"}, {"ev-xss"}),                   # actor2 counts too
    ({"q": "raqqa"}, {"ev-raqqa"}),
    ({"q": "SUICIDE BOMBERS"}, {"ev-paris"}),
    ({"q": "' OR 1=1 --"}, {"ev-xss"}),                    # matched as literal text
    ({"q": "%"}, set()),                                   # no wildcard meaning
    ({"q": "_"}, set()),
    ({"min_fatalities": 14}, {"ev-raqqa", "ev-paris"}),
    ({"min_fatalities": 0}, {"ev-raqqa", "ev-paris", "ev-xss"}),
    ({"source": "Outlet B"}, {"ev-raqqa"}),
    ({"source": "outlet a"}, {"ev-raqqa"}),
    ({"source": "<b>Outlet X</b>"}, {"ev-xss"}),
    ({"conflicts": "true"}, {"ev-raqqa"}),
    ({"conflicts": "false"}, ALL - {"ev-raqqa"}),
    ({"country": "SY", "event_type": "battles", "min_fatalities": 1}, {"ev-xss"}),
])
def test_server_list_filters(client, params, expected):
    assert ids(client, **params) == expected


def test_server_list_since_splits_on_the_store_times(client, api_store):
    with Store.open(api_store[0], read_only=True) as store:
        times = store.event_times()
    first = min(t[0] for t in times.values())
    assert ids(client, since=(first - timedelta(seconds=1)).isoformat()) == ALL
    assert ids(client, since=(first - timedelta(seconds=1)).isoformat() + "Z") == ALL
    assert ids(client, since=(first + timedelta(days=1)).isoformat()) == set()


# ---- bad parameters --------------------------------------------------------------------

@pytest.mark.parametrize("params", [
    {"limit": 0}, {"limit": 1001}, {"limit": "ten"}, {"offset": -1}, {"sort": "event_id; DROP TABLE events"},
    {"event_type": "bombing"}, {"sub_event_type": "air_strike"}, {"country": "SYR"}, {"country": "S1"},
    {"country": "' OR 1=1 --"}, {"bbox": "abc"}, {"bbox": "1,2,3"}, {"bbox": "0,0,10,95"}, {"bbox": "0,10,10,0"},
    {"bbox": "-190,0,10,10"}, {"bbox": "1,2,3,4,5"}, {"date_from": "2015-13-01"}, {"date_to": "yesterday"},
    {"date_from": "2016-01-01", "date_to": "2015-01-01"}, {"min_fatalities": -1}, {"min_fatalities": "many"},
    {"q": "x" * 201}, {"q": ""}, {"actor": "a" * 500}, {"conflicts": "maybe"}, {"since": "last week"},
    {"unknown": "1"}, {"limit": "1 OR 1=1"},
])
def test_server_list_rejects_bad_parameters(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422, (params, r.text)
    assert r.json()["detail"]


@pytest.mark.parametrize("path", ["/api/stats/timeline", "/api/stats/types", "/api/export"])
def test_server_other_endpoints_validate_filters_too(client, path):
    assert client.get(path, params={"event_type": "nope"}).status_code == 422
    assert client.get(path, params={"bbox": "1,2"}).status_code == 422
    assert client.get(path, params={"limit": 5}).status_code == 422   # no paging there


@pytest.mark.parametrize("payload", [
    "' OR '1'='1", "'; DROP TABLE events; --", "\") OR (\"1\"=\"1", "x' UNION SELECT json FROM articles --",
    "%' OR '%'='", "1; DELETE FROM mentions", "\\'; --",
])
def test_server_sql_injection_payloads_are_plain_values(client, api_store, payload):
    for name in ("q", "actor", "admin1", "source"):
        r = client.get("/api/events", params={name: payload})
        assert r.status_code == 200, (name, r.text)
        assert r.json()["total"] == 0
    for path in (f"/api/events/{payload}", f"/api/articles/{payload}"):
        assert client.get(path.replace("?", "%3F").replace("#", "%23")).status_code == 404
    with Store.open(api_store[0], read_only=True) as store:
        assert store.counts()["events"] == 5 and store.counts()["mentions"] == 6


# ---- one event, one article ------------------------------------------------------------

def test_server_event_has_mentions_evidence_conflicts_and_articles(client):
    r = client.get("/api/events/ev-raqqa")
    assert r.status_code == 200
    ev = r.json()
    assert ev["event_id"] == "ev-raqqa" and ev["fatalities"] == 14
    assert ev["conflicts"] == [{"field": "fatalities", "values": [{"value": "12", "doc_ids": ["raqqa-a"]},
                                                                    {"value": "14", "doc_ids": ["raqqa-b"]}]}]
    assert [m["doc_id"] for m in ev["mentions"]] == ["raqqa-a", "raqqa-b"]
    first = ev["mentions"][0]
    assert first["evidence"] == {"sentence": "Russian jets struck Raqqa on Tuesday, killing 12 people.",
                                 "start": 0, "end": 56}
    assert first["event_id"] == "ev-raqqa" and first["fatalities"] == 12
    assert first["actor1"]["name"] == "Military Forces of Russia"
    assert [a["doc_id"] for a in ev["articles"]] == ["raqqa-a", "raqqa-b"]
    assert ev["articles"][0] == {"doc_id": "raqqa-a", "title": "Strikes on Raqqa", "published": "2015-11-18",
                                 "source": "Outlet A", "url": "https://news.example.org/a"}
    assert ev["sources"] == ["Outlet A", "Outlet B"] and ev["doc_ids"] == ["raqqa-a", "raqqa-b"]
    assert ev["first_seen"].endswith("Z") and ev["updated_at"].endswith("Z")


@pytest.mark.parametrize("event_id", ["ev-nope", "EV-RAQQA", "ev-raqqa ", "%00", "..%2F..%2Fetc"])
def test_server_unknown_event_is_404(client, event_id):
    r = client.get(f"/api/events/{event_id}")
    assert r.status_code == 404


def test_server_overlong_id_is_422(client):
    assert client.get("/api/events/" + "e" * 300).status_code == 422


def test_server_article_text_with_marked_evidence(client, texts):
    r = client.get("/api/articles/xss")
    assert r.status_code == 200
    art = r.json()
    assert art["title"] == texts.xss_title and art["source"] == "<b>Outlet X</b>"
    assert art["text"] == "Intro line. " + texts.xss_sentence + " The army said it repelled the attack."
    assert [s["mention_id"] for s in art["spans"]] == ["xss:12:armed_clash:Resafa"]
    assert art["spans"][0]["event_id"] == "ev-xss" and art["spans"][0]["sentence"] == texts.xss_sentence
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    marked = [s["text"] for s in art["segments"] if s["mentions"]]
    assert marked == [texts.xss_sentence]


def test_server_article_segments_count_characters_not_utf16_units(client, texts):
    art = client.get("/api/articles/emoji").json()
    assert art["segments"] == [{"text": texts.emoji_prefix, "mentions": []},
                               {"text": texts.emoji_sentence, "mentions": [f"emoji:{len(texts.emoji_prefix)}:peaceful_protest:Iraq"]}]
    assert art["spans"][0]["start"] == len(texts.emoji_prefix)


def test_server_unknown_article_is_404(client):
    assert client.get("/api/articles/nope").status_code == 404


# ---- charts ------------------------------------------------------------------------------

def test_server_timeline_counts_per_day_and_type(client):
    body = client.get("/api/stats/timeline").json()
    assert body["total"] == 4          # the undated event is left out
    assert body["days"] == [
        {"date": "2015-11-13", "count": 1, "fatalities": 129, "by_type": {"explosions_remote_violence": 1}},
        {"date": "2015-11-17", "count": 1, "fatalities": 14, "by_type": {"explosions_remote_violence": 1}},
        {"date": "2019-03-04", "count": 1, "fatalities": 0, "by_type": {"riots": 1}},
        {"date": "2021-01-21", "count": 1, "fatalities": 2, "by_type": {"battles": 1}},
    ]
    filtered = client.get("/api/stats/timeline", params={"country": "SY"}).json()
    assert [d["date"] for d in filtered["days"]] == ["2015-11-17", "2021-01-21"]


def test_server_type_counts(client):
    body = client.get("/api/stats/types").json()
    assert body["total"] == 5
    assert body["types"][0] == {"event_type": "explosions_remote_violence", "label": "Explosions/Remote violence",
                                "count": 2, "fatalities": 143}
    assert {t["event_type"]: t["count"] for t in body["types"]} == {
        "explosions_remote_violence": 2, "battles": 1, "protests": 1, "riots": 1}
    assert client.get("/api/stats/types", params={"min_fatalities": 100}).json()["types"] == [
        {"event_type": "explosions_remote_violence", "label": "Explosions/Remote violence", "count": 1,
         "fatalities": 129}]


# ---- export ------------------------------------------------------------------------------

def test_server_export_csv_has_acled_columns_for_the_filtered_set(client):
    r = client.get("/api/export", params={"format": "csv", "country": "SY"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id_cnty"] for row in rows] == ["ev-raqqa", "ev-xss"]
    assert rows[0]["event_type"] == "Explosions/Remote violence"
    assert rows[0]["sub_event_type"] == "Air/drone strike"
    assert rows[0]["event_date"] == "2015-11-17" and rows[0]["fatalities"] == "14"
    assert rows[0]["conflicts"] == "fatalities: 12 vs 14"
    assert rows[1]["actor2"] == "<script>alert('actor')</script>"    # data, kept verbatim


def test_server_export_geojson(client):
    r = client.get("/api/export", params={"format": "geojson"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/geo+json"
    fc = json.loads(r.text)
    assert fc["type"] == "FeatureCollection"
    by_id = {f["id"]: f for f in fc["features"]}
    assert set(by_id) == ALL
    assert by_id["ev-paris"]["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}
    assert by_id["ev-baghdad"]["geometry"] is None
    empty = json.loads(client.get("/api/export", params={"format": "geojson", "country": "ZZ"}).text)
    assert empty == {"type": "FeatureCollection", "features": []}


def test_server_export_rejects_unknown_format(client):
    assert client.get("/api/export", params={"format": "xlsx"}).status_code == 422


# ---- meta, facets, page, schema ----------------------------------------------------------

def test_server_meta_reports_last_update_and_counts(client, api_store):
    with Store.open(api_store[0], read_only=True) as store:
        last = store.last_updated()
    meta = client.get("/api/meta").json()
    assert meta["last_updated"] == last.isoformat() + "Z"
    assert meta["now"] >= meta["last_updated"]
    assert meta["counts"]["events"] == 5 and meta["counts"]["articles"] == 6
    assert meta["event_types"]["battles"] == "Battles"
    assert meta["tile_url"] is None and meta["max_page"] == 1000


def test_server_facets(client):
    f = client.get("/api/facets").json()
    assert {c["value"]: c["count"] for c in f["countries"]} == {"SY": 2, "FR": 1, "IQ": 1, "FJ": 1}
    assert f["countries"][0] == {"value": "SY", "count": 2, "code": None, "country": None}
    assert {s["value"] for s in f["sources"]} == {"Outlet A", "Outlet B", "Outlet C", "Outlet D", "Outlet E",
                                                  "<b>Outlet X</b>"}
    assert {a["value"]: a["code"] for a in f["admin1"]}["Ar Raqqah"] == "SY-RA"
    assert (f["date_min"], f["date_max"]) == ("2015-11-13", "2021-01-21")


def test_server_page_and_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in csp
    assert client.get("/api/meta").headers["content-security-policy"] == csp


def test_server_page_needs_no_network(client):
    """Every script, style and data file the page loads is served by this process."""
    from eventsift.server.app import STATIC

    html = (STATIC / "index.html").read_text(encoding="utf-8")
    js = (STATIC / "app.js").read_text(encoding="utf-8")
    for text in (html, js):
        assert "https://" not in text and "//cdn" not in text
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/leaflet/leaflet.css",
                 "/static/vendor/markercluster/leaflet.markercluster.js",
                 "/static/vendor/topojson/topojson-client.min.js", "/static/app.js", "/static/style.css"):
        assert path in html
        assert client.get(path).status_code == 200, path
    borders = client.get("/static/vendor/world-atlas/countries-50m.json").json()
    assert borders["type"] == "Topology" and len(borders["objects"]["countries"]["geometries"]) > 200


def test_server_page_builds_no_html_from_data():
    """app.js never parses strings as HTML: the only innerHTML is a read of escaped text."""
    from eventsift.server.app import STATIC

    js = (STATIC / "app.js").read_text(encoding="utf-8")
    for sink in ("insertAdjacentHTML", "outerHTML", "document.write", "eval(", "new Function"):
        assert sink not in js
    assert js.count("innerHTML") == 1 and "attribution: attribution.innerHTML" in js


def test_server_openapi_documents_every_endpoint(client):
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert paths == {"/api/meta", "/api/facets", "/api/events", "/api/events/{event_id}",
                     "/api/articles/{doc_id}", "/api/stats/timeline", "/api/stats/types", "/api/export"}
    params = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"date_from", "date_to", "bbox", "country", "admin1", "event_type", "actor", "q", "min_fatalities",
            "source", "limit", "offset"} <= params
    assert client.get("/docs").status_code == 404     # the interactive docs would need a CDN


def test_server_no_endpoint_writes(client):
    for path in ("/api/events", "/api/events/ev-raqqa", "/api/articles/raqqa-a", "/api/export"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405


# ---- hosts, store availability -----------------------------------------------------------

def test_server_allowed_hosts_refuse_other_host_headers(api_store):
    from fastapi.testclient import TestClient

    from eventsift.server.app import ServerSettings, create_app

    app = create_app(ServerSettings(db=api_store[0], allowed_hosts=("127.0.0.1", "localhost")))
    ok = TestClient(app, base_url="http://127.0.0.1:8000")
    assert ok.get("/api/meta").status_code == 200
    evil = TestClient(app, base_url="http://attacker.example")
    assert evil.get("/api/meta").status_code == 400


def test_server_store_busy_or_missing_is_503(api_store, tmp_path):
    from fastapi.testclient import TestClient

    from eventsift.server.app import ServerSettings, create_app

    missing = TestClient(create_app(ServerSettings(db=tmp_path / "none.duckdb")))
    r = missing.get("/api/events")
    assert r.status_code == 503 and r.headers["retry-after"] == "2"
    assert str(tmp_path) not in r.text
    copy = tmp_path / "busy.duckdb"
    copy.write_bytes(Path(api_store[0]).read_bytes())
    busy = TestClient(create_app(ServerSettings(db=copy)))
    with Store.open(copy):          # a writer holds the file
        assert busy.get("/api/meta").status_code == 503
    assert busy.get("/api/meta").status_code == 200


def test_server_tile_url_is_checked_and_allowed_by_csp(api_store):
    from fastapi.testclient import TestClient

    from eventsift.errors import ConfigError
    from eventsift.server.app import ServerSettings, create_app

    with pytest.raises(ConfigError, match="tile URL"):
        ServerSettings(db=api_store[0], tile_url="javascript:alert(1)")
    s = ServerSettings(db=api_store[0], tile_url="https://{s}.tile.example.org/{z}/{x}/{y}.png",
                       tile_attribution="© Example")
    c = TestClient(create_app(s))
    assert "img-src 'self' data: https://*.tile.example.org" in c.get("/").headers["content-security-policy"]
    assert c.get("/api/meta").json()["tile_url"] == s.tile_url


def test_server_empty_store_answers_with_empty_results(tmp_path):
    from fastapi.testclient import TestClient

    from eventsift.server.app import ServerSettings, create_app

    db = tmp_path / "empty.duckdb"
    with Store.open(db):
        pass
    c = TestClient(create_app(ServerSettings(db=db)))
    assert c.get("/api/events").json() == {"total": 0, "limit": 100, "offset": 0, "sort": "-date", "items": []}
    assert c.get("/api/stats/timeline").json() == {"total": 0, "days": []}
    assert c.get("/api/stats/types").json() == {"total": 0, "types": []}
    assert c.get("/api/meta").json()["last_updated"] is None
    assert c.get("/api/facets").json()["date_min"] is None
    assert c.get("/api/export", params={"format": "csv"}).text.startswith("event_id_cnty,")
