"""Near-duplicates: syndicated copies are one report; a changed figure is another."""
from __future__ import annotations

import random

import pytest
from robust_corpus import article_text

from eventsift.ingest.dedupe import CopyIndex, fingerprint, is_copy

rng = random.Random(11)
BODY = article_text(rng).partition("\n\n")[2].strip()
OTHER = article_text(rng).partition("\n\n")[2].strip()
WIRE = ("A car bomb exploded near a busy market in the northern city of Azaz on Saturday, killing at least "
        "14 people and wounding dozens, according to a local hospital and the Syrian Observatory for Human "
        "Rights. The blast destroyed several shops and set vehicles on fire. No group immediately claimed "
        "responsibility for the attack, which came two days after a similar explosion in nearby Afrin. "
        "Residents said ambulances ferried the wounded to hospitals across the Turkish border.")


@pytest.mark.parametrize("copy", [
    WIRE + "\n\n(Reporting by Jane Doe in Beirut; Editing by John Smith)",
    "AZAZ, Syria (AP) — " + WIRE,
    "Copyright 2021 Agence France-Presse. " + WIRE + " © AFP 2021. All rights reserved.",
    WIRE.replace("busy market", "crowded market"),  # an edit in the middle, no figure touched
    WIRE.replace(". ", ".\n\n"),  # paragraphs re-flowed
    WIRE.upper(),
])
def test_dedupe_syndicated_copy_is_a_copy(copy):
    assert is_copy(WIRE, copy) and is_copy(copy, WIRE)


@pytest.mark.parametrize("other", [
    WIRE.replace("at least 14", "at least 19"),  # a changed death toll
    WIRE.replace("on Saturday", "on Sunday").replace("two days", "three days"),  # a changed date
    "AZAZ, 13 March — " + WIRE.replace("killing at least 14", "killing at least 15"),
    WIRE[: len(WIRE) // 3],  # an excerpt a third as long is not the report
    OTHER,
    "Shelling hit the town.",  # too short to say
])
def test_dedupe_different_report_is_not_a_copy(other):
    assert not is_copy(WIRE, other)


def test_dedupe_index_finds_copy_by_fingerprint():
    index = CopyIndex()
    texts = {"wire": WIRE, "body": BODY, "other": OTHER}
    for doc_id, text in texts.items():
        index.add(doc_id, fingerprint(text))
    assert len(index) == 3
    assert index.find(WIRE + " (Reuters)", text_of=texts.get) == "wire"
    assert index.find(BODY + " Editing by Bob Jones.", text_of=texts.get) == "body"
    assert index.find(article_text(random.Random(99)), text_of=texts.get) is None


def test_dedupe_fingerprint_is_stable():
    assert fingerprint(WIRE) == fingerprint(WIRE) and len(fingerprint(WIRE)) == 256
    assert fingerprint(WIRE) != fingerprint(OTHER)
