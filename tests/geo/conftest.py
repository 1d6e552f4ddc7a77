"""A small hand-made gazetteer for geoparsing tests (values rounded from GeoNames)."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventsift.geo import Gazetteer, Kind, PlaceRow

FIXTURES = Path(__file__).parent / "fixtures"

ROWS = [
    PlaceRow(kind=Kind.COUNTRY, name="United States", country="US", code="US", lat=39.76, lon=-98.5,
             population=310_000_000, geonames_id=6252001, alt_names=("U.S.", "America")),
    PlaceRow(kind=Kind.COUNTRY, name="Georgia", country="GE", code="GE", population=4_600_000, geonames_id=614540),
    PlaceRow(kind=Kind.COUNTRY, name="Italy", country="IT", code="IT", lat=42.83, lon=12.83,
             population=60_000_000, geonames_id=3175395),
    PlaceRow(kind=Kind.COUNTRY, name="Egypt", country="EG", code="EG", population=80_000_000, geonames_id=357994),
    PlaceRow(kind=Kind.COUNTRY, name="Syria", country="SY", code="SY", population=22_000_000, geonames_id=163843),
    PlaceRow(kind=Kind.ADMIN1, name="Georgia", country="US", code="US-GA", geonames_id=4197000),
    PlaceRow(kind=Kind.ADMIN1, name="Louisiana", country="US", code="US-LA", geonames_id=4331987, alt_names=("La.",)),
    PlaceRow(kind=Kind.ADMIN1, name="Texas", country="US", code="US-TX", geonames_id=4736286),
    PlaceRow(kind=Kind.ADMIN1, name="Tennessee", country="US", code="US-TN", geonames_id=4662168),
    PlaceRow(kind=Kind.ADMIN1, name="Lazio", country="IT", code="IT-62", geonames_id=3174976),
    PlaceRow(kind=Kind.ADMIN1, name="Alexandria", country="EG", code="EG-ALX", geonames_id=361058),
    PlaceRow(kind=Kind.ADMIN1, name="Ar Raqqah", country="SY", code="SY-RA", geonames_id=172957),
    PlaceRow(kind=Kind.ADMIN2, name="Rapides Parish", country="US", admin1="US-LA"),
    PlaceRow(kind=Kind.ADMIN2, name="Henry County", country="US", admin1="US-TN"),
    PlaceRow(kind=Kind.ADMIN2, name="Henry County", country="US", admin1="US-GA"),
    PlaceRow(kind=Kind.CITY, name="Atlanta", country="US", admin1="US-GA", lat=33.75, lon=-84.39,
             population=463_000, geonames_id=4180439),
    PlaceRow(kind=Kind.CITY, name="Savannah", country="US", admin1="US-GA", lat=32.08, lon=-81.10,
             population=136_000, geonames_id=4221552),
    PlaceRow(kind=Kind.CITY, name="Alexandria", country="US", admin1="US-LA", lat=31.31, lon=-92.45,
             population=47_000, geonames_id=4314550),
    PlaceRow(kind=Kind.CITY, name="Alexandria", country="EG", admin1="EG-ALX", lat=31.20, lon=29.92,
             population=3_800_000, geonames_id=361058),
    PlaceRow(kind=Kind.CITY, name="Paris", country="US", admin1="US-TN", lat=36.30, lon=-88.33,
             population=10_000, geonames_id=4646571),
    PlaceRow(kind=Kind.CITY, name="Paris", country="US", admin1="US-TX", lat=33.66, lon=-95.56,
             population=25_000, geonames_id=4717560),
    PlaceRow(kind=Kind.CITY, name="Dallas", country="US", admin1="US-TX", lat=32.78, lon=-96.81,
             population=1_300_000, geonames_id=4684888),
    PlaceRow(kind=Kind.CITY, name="Italy", country="US", admin1="US-TX", lat=32.18, lon=-96.88,
             population=1_900, geonames_id=4702828),
    PlaceRow(kind=Kind.CITY, name="Rome", country="IT", admin1="IT-62", lat=41.89, lon=12.51,
             population=2_300_000, geonames_id=3169070, alt_names=("Roma",)),
    PlaceRow(kind=Kind.CITY, name="Ar Raqqah", country="SY", admin1="SY-RA", lat=35.95, lon=39.01,
             population=177_000, geonames_id=172955, alt_names=("Raqqa",)),
]


@pytest.fixture(scope="session")
def gaz() -> Gazetteer:
    return Gazetteer.from_rows(ROWS)
