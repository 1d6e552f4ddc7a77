"""Shared fixtures. The spaCy pipeline and the gazetteer load once per test session."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.model import Article


@pytest.fixture(scope="session")
def loaded():
    from eventsift.pipeline import Settings, load

    return load(Settings())


@pytest.fixture(scope="session")
def full_gazetteer():
    """The full gazetteer from its cache file, read once for the whole run."""
    from eventsift.geo import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def extract(loaded):
    """extract(text, published=...) -> list[Mention] through the real pipeline."""
    from eventsift.pipeline import process_batch

    def run(text: str, published: date | None = date(2020, 6, 10), article_id: str = "t1"):
        art = Article(id=article_id, text=text, published=published)
        return process_batch([art], loaded)[0][1]

    return run
