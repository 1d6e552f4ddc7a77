"""Choosing the event's place among a sentence's places, on hand-parsed sentences."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from eventsift.geo.eventloc import event_location, rank_places


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, rows, ents):
    """rows: (word, lemma, pos, dep, head index); ents: (start, end, label) in tokens."""
    words = [r[0] for r in rows]
    doc = Doc(vocab, words=words, spaces=[i + 1 < len(rows) and rows[i + 1][2] != "PUNCT" for i in range(len(rows))],
              lemmas=[r[1] for r in rows], pos=[r[2] for r in rows], deps=[r[3] for r in rows],
              heads=[r[4] for r in rows])
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def span_of(doc, word):
    t = next(t for t in doc if t.text == word)
    return t.idx, t.idx + len(t.text)


def test_eventloc_home_of_the_victim_is_not_the_place(vocab):
    doc = make(vocab, [("A", "a", "DET", "det", 1), ("driver", "driver", "NOUN", "nsubjpass", 5),
                       ("from", "from", "ADP", "prep", 1), ("Abidjan", "Abidjan", "PROPN", "pobj", 2),
                       ("was", "be", "AUX", "auxpass", 5), ("shot", "shoot", "VERB", "ROOT", 5),
                       ("in", "in", "ADP", "prep", 5), ("Bouake", "Bouake", "PROPN", "pobj", 6),
                       (".", ".", "PUNCT", "punct", 5)], [(3, 4, "GPE"), (7, 8, "GPE")])
    assert event_location(doc, span_of(doc, "shot")) == span_of(doc, "Bouake")
    ranked = rank_places(doc, span_of(doc, "shot"))
    assert [c.text for c in ranked] == ["Bouake", "Abidjan"] and "from" in ranked[1].why


def test_eventloc_speaker_place_is_not_the_place(vocab):
    doc = make(vocab, [("Officials", "official", "NOUN", "nsubj", 3), ("in", "in", "ADP", "prep", 0),
                       ("Kabul", "Kabul", "PROPN", "pobj", 1), ("said", "say", "VERB", "ROOT", 3),
                       ("a", "a", "DET", "det", 5), ("bomb", "bomb", "NOUN", "nsubj", 6),
                       ("exploded", "explode", "VERB", "ccomp", 3), (".", ".", "PUNCT", "punct", 3)],
               [(2, 3, "GPE")])
    assert event_location(doc, span_of(doc, "exploded")) is None


def test_eventloc_object_of_the_head_verb(vocab):
    doc = make(vocab, [("Shelling", "shelling", "NOUN", "nsubj", 1), ("hit", "hit", "VERB", "ROOT", 1),
                       ("Raqqa", "Raqqa", "PROPN", "dobj", 1), (",", ",", "PUNCT", "punct", 1),
                       ("killing", "kill", "VERB", "advcl", 1), ("two", "two", "NUM", "dobj", 4),
                       (".", ".", "PUNCT", "punct", 1)], [(2, 3, "GPE")])
    (c,) = rank_places(doc, span_of(doc, "killing"))
    assert c.text == "Raqqa" and "near-head" in c.why and "object" in c.why
    assert event_location(doc, span_of(doc, "killing")) == span_of(doc, "Raqqa")


def test_eventloc_town_beats_the_area_around_it(vocab):
    # "... killed in the town of Hebron in the West Bank ."
    doc = make(vocab, [("Two", "two", "NUM", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
                       ("killed", "kill", "VERB", "ROOT", 2), ("in", "in", "ADP", "prep", 2),
                       ("the", "the", "DET", "det", 5), ("town", "town", "NOUN", "pobj", 3),
                       ("of", "of", "ADP", "prep", 5), ("Hebron", "Hebron", "PROPN", "pobj", 6),
                       ("in", "in", "ADP", "prep", 5), ("the", "the", "DET", "det", 11),
                       ("West", "West", "PROPN", "compound", 11), ("Bank", "Bank", "PROPN", "pobj", 8),
                       (".", ".", "PUNCT", "punct", 2)], [(7, 8, "GPE"), (10, 12, "GPE")])
    assert event_location(doc, span_of(doc, "killed")) == span_of(doc, "Hebron")


def test_eventloc_no_place_named(vocab):
    doc = make(vocab, [("Two", "two", "NUM", "nsubjpass", 2), ("were", "be", "AUX", "auxpass", 2),
                       ("killed", "kill", "VERB", "ROOT", 2), (".", ".", "PUNCT", "punct", 2)], [])
    assert event_location(doc, span_of(doc, "killed")) is None
