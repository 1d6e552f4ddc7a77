"""Places: the offline gazetteer and the resolver that ranks its candidates.

>>> from eventsift.geo import Gazetteer, resolve
>>> gaz = Gazetteer.load()                                   # doctest: +SKIP
>>> resolve("Deir Ezzor", gazetteer=gaz, focus=["SY"]).name  # doctest: +SKIP
'Deir ez-Zor'
"""
from __future__ import annotations

from eventsift.geo.gazetteer import Entry, Gazetteer, Kind, PlaceRow, Tier, cache_path
from eventsift.geo.normalize import demonym_country, fold, is_demonym, loose, skeleton, variants
from eventsift.geo.resolve import country_focus, resolve, split_qualifier

__all__ = ["Entry", "Gazetteer", "Kind", "PlaceRow", "Tier", "cache_path", "country_focus", "demonym_country",
           "fold", "is_demonym", "loose", "resolve", "skeleton", "split_qualifier", "variants"]
