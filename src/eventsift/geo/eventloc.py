"""Which of the places a sentence names is where its event happened.

"A cab driver from Abidjan was shot ... in Bouaké": the shooting happened in Bouaké;
Abidjan is the victim's home. "... said by telephone from Libreville" is where a source
spoke. The rule reads the dependency parse: a place is the event's when it hangs off the
event's trigger through a preposition of location ("in", "at", "near", "outside"), or
sits in a phrase that does ("in the bombardment of Aziziyah"). It is not the event's
when it is reached through "from" (origins), belongs to a person ("a resident of X",
"X's governor"), or sits under a verb of saying or another verb with its own subject.
Each candidate gets a score; the best one at or above :data:`MIN_SCORE` wins, else the
sentence has no event place (a wrong place is worse than none).

Needs a spaCy ``Doc`` with a parse and entities; nothing here resolves coordinates.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from eventsift.geo.gazetteer import Gazetteer, Tier
from eventsift.geo.geoparse import TOPONYM_LABELS
from eventsift.geo.normalize import is_demonym
from eventsift.geo.resolve import resolve
from eventsift.model import Place, Precision

__all__ = ["Candidate", "event_location", "locate_event", "rank_places", "MIN_SCORE"]

log = logging.getLogger(__name__)

LOCATIVE = frozenset("in at near outside inside across throughout around within on into along over onto "
                     "towards toward to through between off beyond".split())
STRONG = frozenset("in at near outside inside across throughout around within".split())
ORIGIN = frozenset({"from"})
SAYING = frozenset("say tell report announce add claim state quote confirm deny describe accord "
                   "speak reach interview write".split())
PERSON_NOUNS = frozenset("resident residents native natives citizen citizens man woman men women driver "
                         "governor mayor president minister official officials spokesman spokeswoman "
                         "leader leaders people member members son daughter family student students "
                         "farmer farmers worker workers refugee refugees ambassador envoy lawmaker "
                         "correspondent reporter".split())
BASE = 0.5  # a place the sentence names is, failing other evidence, where its event happened
DISTANCE_WEIGHT = 0.04  # per token between the place and the trigger
MIN_SCORE = 1.0
CONTAINER_PENALTY = 1.0
AREA_PENALTY = 0.5


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    text: str
    score: float
    why: str


def _chain(tok) -> list:
    """``tok`` and its heads up to the root."""
    out = [tok]
    while out[-1].head.i != out[-1].i and len(out) < 64:
        out.append(out[-1].head)
    return out


PLACE_NOUNS = frozenset("town towns village villages city cities district districts province provinces region "
                        "area areas neighbourhood neighborhood suburb suburbs outskirts countryside governorate "
                        "state county capital camp municipality island border outskirt vicinity".split())
OTHER_LABELS = frozenset({"ORG", "PERSON", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART"})


def _effective(root):
    """The token that stands for the place in the clause: 'the village of Mainok' ->
    village, 'Damboa town' -> town, 'Palmyra and Quaryatayn' -> Palmyra."""
    tok = root
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            break
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
            tok = head.head
        elif tok.dep_ in ("compound", "appos", "conj", "nmod", "amod") and head.pos_ in ("NOUN", "PROPN"):
            tok = head
        else:
            break
    return tok


def _governing_prep(tok) -> tuple[str | None, object | None]:
    """The preposition that introduces the phrase ``tok`` heads, and what it hangs off;
    'in the countryside of Raqqa' gives 'in' for Raqqa too."""
    for _ in range(3):
        head = tok.head
        if tok.dep_ in ("pobj", "pcomp") and head.dep_ in ("prep", "agent", "dative"):
            word = head.lower_
            if word == "of" and head.head.pos_ in ("NOUN", "PROPN") and head.head.lemma_.lower() not in PERSON_NOUNS:
                tok = head.head
                continue
            return word, head.head
        return None, None
    return None, None


def _score(ent, verb, *, known: bool) -> tuple[float, str]:
    root = _effective(ent.root)
    chain = _chain(root)
    why = []
    score = BASE
    prep, attach = _governing_prep(root)
    if prep in STRONG:
        score += 1.5
        why.append(f"prep:{prep}")
    elif prep in LOCATIVE:
        score += 0.5
        why.append(f"prep:{prep}")
    elif prep in ORIGIN:
        score -= 3.0
        why.append("from")
    own = set(_chain(verb))  # a verb of saying above the trigger too attributes the whole sentence
    host = verb.head if verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i else None
    if verb in chain:
        below = chain[1:chain.index(verb)]
        score += 1.0
        why.append("under-verb")
    elif host is not None and host in chain:
        below = chain[1:chain.index(host)]
        score += 0.5  # the trigger's own head governs the place ("hit ... in X, killing")
        why.append("near-head")
    else:
        below = [t for t in chain if t not in own]
    if any(t.pos_ in ("VERB", "AUX") and t.lemma_ in SAYING for t in below):
        score -= 2.5
        why.append("saying")
    if root.dep_ in ("dobj", "nsubjpass") and (root.head == verb or root.head == host):
        score += 1.0  # "stormed the village of X", "X was shelled"
        why.append("object")
    elif root.dep_ == "nsubj":
        score -= 1.5  # "Israel struck ...": an actor
        why.append("actor")
    if attach is not None and attach.lemma_.lower() in PERSON_NOUNS:
        score -= 2.5
        why.append("person's")
    if root.dep_ == "poss" or ent.end < len(ent.doc) and ent.doc[ent.end].text in ("'s", "’s"):
        score -= 2.0
        why.append("possessive")
    if ent.label_ not in TOPONYM_LABELS:
        score -= 0.3 if known else 1.0
        why.append("not-tagged-place")
    score -= DISTANCE_WEIGHT * min(abs(ent.start - verb.i), abs(ent.end - 1 - verb.i))
    return score, ",".join(why)


def _propn_runs(sent, taken: set[int]):
    """Runs of proper nouns no entity covers (the small English model misses many towns)."""
    run = []
    for tok in sent:
        if tok.pos_ == "PROPN" and tok.i not in taken and tok.text[:1].isupper():
            run.append(tok)
            continue
        if run:
            yield run[0].doc[run[0].i:run[-1].i + 1]
        run = []
    if run:
        yield run[0].doc[run[0].i:run[-1].i + 1]


def rank_places(doc, verb_span: tuple[int, int], *, gazetteer: Gazetteer | None = None) -> list[Candidate]:
    """The sentence's place names, each scored as the location of the event whose
    trigger covers the characters ``verb_span``; best first. With a gazetteer, names the
    tagger did not call places (or missed) count when the gazetteer knows them."""
    vtoks = [t for t in doc if t.idx < verb_span[1] and verb_span[0] < t.idx + len(t.text)]
    if not vtoks:
        return []
    verb = next((t for t in vtoks if t.pos_ in ("VERB", "AUX")), vtoks[0])
    sent = verb.sent
    spans = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.start < sent.start or ent.end > sent.end:
            continue
        taken.update(range(ent.start, ent.end))
        if ent.label_ in TOPONYM_LABELS or ent.label_ in OTHER_LABELS:
            spans.append(ent)
    spans += [r for r in _propn_runs(sent, taken) if len(r.text) > 2]
    out: list[Candidate] = []
    scored: list = []
    for ent in spans:
        first = 1 if ent[0].lower_ == "the" and len(ent) > 1 else 0
        span = ent[first:]
        text = span.text
        if is_demonym(text) or not any(c.isupper() for c in text) or verb.i in range(ent.start, ent.end):
            continue
        known = gazetteer is not None and _known(text, gazetteer)
        label = getattr(ent, "label_", "")
        if label not in TOPONYM_LABELS and not known:
            continue
        score, why = _score(ent, verb, known=known)
        out.append(Candidate(start=span.start_char, end=span.end_char, text=text, score=score, why=why))
        scored.append(ent)
    _prefer_specific(out, scored, gazetteer)
    out.sort(key=lambda c: (-c.score, c.start))
    return out


def _prefer_specific(out: list[Candidate], spans: list, gazetteer: Gazetteer | None) -> None:
    """A place that contains another the sentence names is the less likely answer: 'in the
    West Bank town of Hebron', 'in Sanga local government in Kaduna State'. Containment is
    read from the parse (the container hangs inside the other's phrase) and, with a
    gazetteer, from the kind of place (a country or province under a town)."""
    for n, (c, ent) in enumerate(zip(out, spans)):
        root = _effective(ent.root)
        penalty = 0.0
        for m, other in enumerate(spans):
            if m != n and _inside_phrase(root, other):
                penalty = CONTAINER_PENALTY
                break
        if gazetteer is not None and penalty == 0.0:
            p = resolve(c.text, gazetteer=gazetteer)
            if p is not None and p.precision is not Precision.POINT and len(out) > 1:
                penalty = AREA_PENALTY
        if penalty:
            out[n] = Candidate(start=c.start, end=c.end, text=c.text, score=c.score - penalty,
                               why=c.why + ",container")


def _inside_phrase(tok, other) -> bool:
    """``tok`` hangs (through a preposition) inside the phrase ``other`` heads."""
    head = _effective(other.root)
    return tok != head and tok.dep_ in ("pobj", "compound", "nmod", "amod") and head in _chain(tok)[1:5] and (
        tok.i not in range(other.start, other.end))


def _known(text: str, gazetteer: Gazetteer) -> bool:
    return any(t == Tier.EXACT for _, t in gazetteer.lookup(text))


def event_location(doc, verb_span: tuple[int, int], *, gazetteer: Gazetteer | None = None,
                   min_score: float = MIN_SCORE) -> tuple[int, int] | None:
    """Character span of the place where the event triggered at ``verb_span`` happened,
    or None when the sentence names none convincingly.

    >>> event_location(nlp("A driver from Abidjan was shot in Bouake."), (27, 31))  # doctest: +SKIP
    (35, 41)
    """
    ranked = rank_places(doc, verb_span, gazetteer=gazetteer)
    if not ranked or ranked[0].score < min_score:
        return None
    return ranked[0].start, ranked[0].end



def locate_event(doc, verb_span: tuple[int, int], *, gazetteer: Gazetteer, focus: Sequence[str] = (),
                 context: Sequence[Place] = ()) -> Place | None:
    """The resolved place of the event triggered at ``verb_span`` (see :func:`event_location`),
    or None where the sentence names none or the gazetteer does not know it."""
    span = event_location(doc, verb_span, gazetteer=gazetteer)
    if span is None:
        return None
    return resolve(doc.text[span[0]:span[1]], gazetteer=gazetteer, focus=focus, context=context)
