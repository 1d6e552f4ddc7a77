"""Who an article's reports are about where their own clause does not say: the one armed
group a state's strikes are told to target, the civilians aboard a vehicle, and the
aircraft ("the jets") named a sentence or two before.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from eventsift.actors import normalize_actor
from eventsift.model import Actor, ActorKind, EventType

if TYPE_CHECKING:  # for annotations only: article.py imports this module
    from eventsift.extract.article import Resources, _Draft
    from eventsift.extract.sentence import ActorRef

NON_STATE_ARMED = frozenset({ActorKind.REBEL_GROUP, ActorKind.POLITICAL_MILITIA, ActorKind.IDENTITY_MILITIA})
VEHICLES = frozenset("plane planes jet jets aircraft airliner airliners bus buses train trains ferry ferries ship "
                     "ships boat boats".split())
PASSENGER_CUES = re.compile(r"(?i)\bpassengers?\b|\baboard\b|\bon board\b|\bairliner\b")


def passengers(d: _Draft, res: Resources, text: str) -> Actor | None:
    """'the Russian plane' whose passengers were killed is a passenger plane: ACLED's
    actor 2 is the civilians aboard, not the forces of the plane's country."""
    a = d.actor2
    if a is None or a.kind is not ActorKind.STATE_FORCES or a.country is None or not a.text:
        return None
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", a.text)}
    if not words & VEHICLES or not PASSENGER_CUES.search(text[d.start:d.end]):
        return None
    name = res.actors.country_names.get(a.country, a.country).removeprefix("the ")
    return Actor(name=f"Civilians ({name})", country=a.country, kind=ActorKind.CIVILIANS, text=a.text)


def shared_target(drafts: list[_Draft]) -> None:
    """An article whose air strikes and shelling by states hit one armed group it names
    ("French jets took out several ISIS buildings") means that group by the strikes it
    tells with no target named ("a separate French bombing also hit Raqqa"): ACLED's
    actor 2 of a strike is the group it targets. Two groups named as targets: none is."""
    remote = [d for d in drafts if d.event_type is EventType.EXPLOSIONS_REMOTE_VIOLENCE
              and d.actor1 is not None and d.actor1.kind is ActorKind.STATE_FORCES]
    targets = {d.actor2.name: d.actor2 for d in remote if d.actor2 is not None and d.actor2.kind in NON_STATE_ARMED}
    if len(targets) != 1:
        return
    (target,) = targets.values()
    for d in remote:
        if d.actor2 is None:
            d.actor2 = target


ANTECEDENT_CHARS = 600  # how far back "the bombers" may look for "two Russian Tu-160 bombers"


def antecedent(ref: ActorRef, doc: Doc, start: int, res: Resources) -> Actor | None:
    """'The bombers flew from a base ...' after 'a pair of Russian Tu-160 bombers' was
    named in passing: the nearest earlier phrase with the same head word that names
    whose they are."""
    head = ref.head.lower()
    before = doc.char_span(max(0, start - ANTECEDENT_CHARS), start, alignment_mode="contract")
    for t in reversed(before if before is not None else []):
        if t.lower_ != head:
            continue
        words = tuple(x.text for x in t.subtree if x.i < t.i and res.actors.country_of(x.text))
        if words:
            phrase = " ".join(x.text for x in t.subtree if x.i <= t.i)
            return normalize_actor(phrase, table=res.actors, country_words=words, head=t.text, subject=True)
    return None
