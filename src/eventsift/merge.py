"""Mentions from many articles -> Events: one per real incident, disagreements kept.

Pairs of mentions are compared only inside a block (same country, same event family)
and only across articles: within one article, extraction has already joined the
sentences that tell one incident. A pair scores on place, date, actor, toll and the
words of the evidence; hard constraints (two different actors, two places 40 km
apart, dates that do not touch) forbid a link outright. Clusters grow by their best
links, and two clusters join only if every pair across them passes the hard
constraints, so a chain of near matches cannot glue unrelated incidents together.

The result depends only on the set of mentions, never on their order, so running the
same articles again, or in another order, gives the same events.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta

from eventsift.model import (SUB_EVENT_PARENT, Actor, Conflict, Event, EventType, Mention, Place, Precision,
                             SubEventType, TimeSpan)

LINK_THRESHOLD = 2.0
MAX_POINT_KM = 40.0
VIOLENCE = frozenset({EventType.BATTLES, EventType.EXPLOSIONS_REMOTE_VIOLENCE, EventType.VIOLENCE_AGAINST_CIVILIANS})
STOP = frozenset("""the a an of in on at to by for and or that was were has have had its it is are be been with
from as after said says this these those their they he she his her which who over into than also""".split())
GENERIC = frozenset({SubEventType.ATTACK, SubEventType.ARMED_CLASH, SubEventType.OTHER})


def _family(m: Mention) -> str:
    return "violence" if m.event_type in VIOLENCE else str(m.event_type)


def _km(a: Place, b: Place) -> float:
    p = math.pi / 180
    x = 0.5 - math.cos((b.lat - a.lat) * p) / 2 + math.cos(a.lat * p) * math.cos(b.lat * p) * (
        1 - math.cos((b.lon - a.lon) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(0.0, x)))


def _words(m: Mention) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z0-9]+", m.evidence.sentence.lower()) if w not in STOP)


def _has_point(p: Place | None) -> bool:
    return p is not None and p.lat is not None and p.lon is not None and p.precision is Precision.POINT


def compatible(a: Mention, b: Mention) -> bool:
    """Hard constraints: could these two mentions be the same incident at all?"""
    if a.article_id == b.article_id or _family(a) != _family(b):
        return False
    if a.actor1 and b.actor1 and a.actor1.name != b.actor1.name:
        return False
    la, lb = a.location, b.location
    if la and lb and la.country and lb.country and la.country != lb.country:
        return False
    if _has_point(la) and _has_point(lb) and _km(la, lb) > MAX_POINT_KM:
        return False
    if la and lb and la.precision is Precision.ADMIN1 and lb.precision is Precision.ADMIN1 and \
            la.admin1_code != lb.admin1_code:
        return False
    if a.date and b.date and (a.date.end + timedelta(days=1) < b.date.start or
                              b.date.end + timedelta(days=1) < a.date.start):
        return False
    return True


def link_score(a: Mention, b: Mention) -> float:
    """How strongly two compatible mentions look like one incident (0 when not compatible)."""
    if not compatible(a, b):
        return 0.0
    score = 0.0
    la, lb = a.location, b.location
    if _has_point(la) and _has_point(lb):
        score += 1.0 if _km(la, lb) <= 10 else 0.6
    elif la and lb and (la.admin1_code and la.admin1_code == lb.admin1_code):
        score += 0.4
    if a.date and b.date:
        if a.date.start == a.date.end == b.date.start == b.date.end:
            score += 1.0
        else:
            score += 0.3
    if a.actor1 and b.actor1:
        score += 0.5
    if a.fatalities and b.fatalities:
        score += 1.0 if a.fatalities == b.fatalities else (0.3 if abs(a.fatalities - b.fatalities) <= 3 else -0.3)
    wa, wb = _words(a), _words(b)
    if wa and wb:
        score += 2.0 * len(wa & wb) / len(wa | wb)
    if a.sub_event_type == b.sub_event_type:
        score += 0.2
    return score


def _key(m: Mention) -> str:
    return m.mention_id


def cluster(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Group mentions into incidents; deterministic for a given set."""
    ms = sorted(mentions, key=_key)
    parent = list(range(len(ms)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ms))}
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(ms):
        blocks[(m.location.country if m.location else None, _family(m))].append(i)
    pairs = []
    for idx in blocks.values():
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                i, j = idx[x], idx[y]
                s = link_score(ms[i], ms[j])
                if s >= LINK_THRESHOLD:
                    pairs.append((-round(s, 6), _key(ms[i]), _key(ms[j]), i, j))
    pairs.sort()

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, _, _, i, j in pairs:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        if all(compatible(ms[a], ms[b]) for a in members[ri] for b in members[rj]):
            keep, drop = (ri, rj) if ri < rj else (rj, ri)
            parent[drop] = keep
            members[keep] = sorted(members[keep] + members.pop(drop))
    return [[ms[i] for i in idx] for _, idx in sorted(members.items())]


def _most_common(values: Iterable, *, tiebreak=lambda v: str(v)):
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return sorted(counts, key=lambda v: (-counts[v], tiebreak(v)))[0]


def _place_key(p: Place) -> tuple:
    order = {Precision.POINT: 0, Precision.ADMIN1: 1, Precision.REGION: 2, Precision.COUNTRY: 3}
    return (order.get(p.precision, 4), p.name)


def _date_text(d: TimeSpan | None) -> str | None:
    if d is None:
        return None
    return d.start.isoformat() if d.start == d.end else f"{d.start.isoformat()}..{d.end.isoformat()}"


def _conflicts(group: Sequence[Mention]) -> tuple[Conflict, ...]:
    fields = {
        "date": lambda m: _date_text(m.date) if m.date and m.date.start == m.date.end else None,
        "location": lambda m: m.location.name if m.location and m.location.precision is Precision.POINT else None,
        "actor1": lambda m: m.actor1.name if m.actor1 else None,
        "actor2": lambda m: m.actor2.name if m.actor2 else None,
        "fatalities": lambda m: None if m.fatalities is None else str(m.fatalities),
        "injuries": lambda m: None if m.injuries is None else str(m.injuries),
        "sub_event_type": lambda m: str(m.sub_event_type),
    }
    out = []
    for name, get in fields.items():
        by_value: dict[str, set[str]] = defaultdict(set)
        for m in group:
            v = get(m)
            if v is not None:
                by_value[v].add(m.article_id)
        if len(by_value) > 1:
            out.append(Conflict(field=name, values=tuple((v, tuple(sorted(a))) for v, a in sorted(by_value.items()))))
    return tuple(out)


def build_event(group: Sequence[Mention], *, published: Mapping[str, date | None],
                sources: Mapping[str, str | None]) -> Event:
    """Consensus of one incident's mentions.

    Type: the most frequent sub-event type, a specific one beating attack/armed clash.
    Date: the narrowest span any mention gives. Place: the most precise. Actors: the
    most frequent. Tolls: the figure of the most recent report (tolls rise as bodies
    are counted), the larger one when reports share a date.
    """
    group = sorted(group, key=_key)
    subs = Counter(m.sub_event_type for m in group)
    sub = sorted(subs, key=lambda s: (s in GENERIC, -subs[s], str(s)))[0]
    dates = [m.date for m in group if m.date is not None]
    when = min(dates, key=lambda d: ((d.end - d.start).days, d.start)) if dates else None
    places = [m.location for m in group if m.location is not None]
    where = min(places, key=_place_key) if places else None

    def latest(field: str) -> int | None:
        vals = [(published.get(m.article_id) or date.min, getattr(m, field)) for m in group
                if getattr(m, field) is not None]
        return max(vals)[1] if vals else None

    actor1 = _most_common((m.actor1 for m in group), tiebreak=lambda a: a.name)
    actor2 = _most_common((m.actor2 for m in group), tiebreak=lambda a: a.name)
    srcs = tuple(sorted({sources.get(m.article_id) or m.article_id for m in group}))
    eid = "ev-" + hashlib.sha1(group[0].mention_id.encode("utf-8")).hexdigest()[:12]
    return Event(event_id=eid, event_type=SUB_EVENT_PARENT[sub], sub_event_type=sub, mentions=tuple(group),
                 date=when, location=where, actor1=_strip(actor1), actor2=_strip(actor2),
                 fatalities=latest("fatalities"), injuries=latest("injuries"), sources=srcs,
                 conflicts=_conflicts(group))


def _strip(a: Actor | None) -> Actor | None:
    return None if a is None else Actor(name=a.name, country=a.country, kind=a.kind)


def merge_events(mentions: Sequence[Mention], *, published: Mapping[str, date | None] | None = None,
                 sources: Mapping[str, str | None] | None = None) -> list[Event]:
    """All mentions -> events, sorted by event id."""
    published = published or {}
    sources = sources or {}
    events = [build_event(g, published=published, sources=sources) for g in cluster(mentions)]
    return sorted(events, key=lambda e: e.event_id)


def merge_store(store) -> list[Event]:
    """Recompute the events of the blocks that new mentions touch, and store them.

    Clustering is a function of a block's mentions only, so recomputing the touched
    blocks gives exactly what a full recomputation would, at a fraction of the cost.
    """
    rows = store.mentions_with_event_ids()
    meta = store.article_meta()
    published = {k: v[0] for k, v in meta.items()}
    sources = {k: v[1] for k, v in meta.items()}

    def block(m: Mention) -> tuple:
        return (m.location.country if m.location else None, _family(m))

    touched = {block(m) for m, eid in rows if eid is None}
    if not touched:
        return store.events()
    affected = [m for m, _ in rows if block(m) in touched]
    events = merge_events(affected, published=published, sources=sources)
    old_ids = {eid for m, eid in rows if block(m) in touched and eid is not None}
    store.replace_events(events, remove=old_ids)
    return store.events()
