"""Resolution with the document's other places: far namesakes, seas and regions, the anchor."""
from __future__ import annotations

from eventsift.geo import Gazetteer, Kind, PlaceRow
from eventsift.geo.geoparse import geoparse
from eventsift.geo.resolve import resolve
from eventsift.model import Place, Precision

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="Freedonia", country="FD", code="FD", lat=10.0, lon=10.0, population=5_000_000),
    PlaceRow(kind=Kind.COUNTRY, name="Sylvania", country="SV", code="SV", lat=10.0, lon=120.0, population=5_000_000),
    PlaceRow(kind=Kind.ADMIN1, name="North March", country="FD", code="FD-NM"),
    PlaceRow(kind=Kind.ADMIN1, name="Lowlands", country="SV", code="SV-LO"),
    PlaceRow(kind=Kind.CITY, name="Brindle", country="FD", admin1="FD-NM", lat=10.0, lon=10.0, population=40_000),
    PlaceRow(kind=Kind.CITY, name="Brindle", country="SV", admin1="SV-LO", lat=10.0, lon=120.0, population=60_000),
    PlaceRow(kind=Kind.CITY, name="Oxmoor", country="FD", admin1="FD-NM", lat=10.5, lon=10.5, population=90_000),
    PlaceRow(kind=Kind.CITY, name="Tarn", country="SV", admin1="SV-LO", lat=10.2, lon=120.2, population=900_000),
    PlaceRow(kind=Kind.CITY, name="Great Sea", country="FD", admin1="FD-NM", lat=10.1, lon=10.1, population=3_000),
    PlaceRow(kind=Kind.REGION, name="Great Sea Ocean", lat=0.0, lon=60.0, alt_names=("Great Sea",)),
]


def _gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)


def _point(name: str, lat: float, lon: float, country: str) -> Place:
    return Place(name=name, country=country, lat=lat, lon=lon, precision=Precision.POINT)


def test_resolve_prefers_the_namesake_on_the_same_side_of_the_world():
    gaz = _gaz()
    alone = resolve("Brindle", gazetteer=gaz, focus=["FD", "SV"])
    assert alone.country == "FD"  # the first focus country
    near_tarn = resolve("Brindle", gazetteer=gaz, focus=["FD", "SV"], context=[_point("Tarn", 10.2, 120.2, "SV")])
    assert near_tarn.country == "SV"


def test_resolve_a_sea_of_many_countries_beats_a_small_namesake_town():
    gaz = _gaz()
    p = resolve("Great Sea", gazetteer=gaz, focus=["FD"])
    assert p.name == "Great Sea Ocean" and p.precision is Precision.REGION


def test_geoparse_unknown_name_takes_a_town_of_the_first_focus_country():
    gaz = _gaz()
    text = "Freedonia: a concert at Hall Nine in Oxmoor; guests came from Tarn, Sylvania."
    names = ("Freedonia", "Hall Nine", "Oxmoor", "Tarn", "Sylvania")
    spans, at = [], 0
    for n in names:
        at = text.index(n, at)
        spans.append((at, at + len(n)))
    hall = geoparse(text, spans, gazetteer=gaz)[1]
    assert hall.how == "document" and hall.place.name == "Oxmoor"
