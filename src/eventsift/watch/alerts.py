"""Alert rules over the store's events: each matching event alerts once.

After every cycle the events created or changed since the last check are matched
against each rule. An event a rule has never alerted on fires a ``new`` alert. An
event it has alerted on before that gained a mention (another source) or changed
(a higher toll) is an ``update``: it fires again only for rules with
``updates = true``. Identity is by mention, not by event id, so an event whose id
changes when a new report joins it is still recognised.

Each alert is one JSON line in the alert log and, where a webhook is set, one POST
of the same JSON: an ``alert_id``, the rule, ``new``/``update``, the event with its
evidence sentences, and the articles that reported it. A webhook that times out is
sent again, so a receiver may see one ``alert_id`` twice and should keep the first.
"""
from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from eventsift.errors import FetchError
from eventsift.model import Event
from eventsift.serialize import event_to_dict
from eventsift.watch.config import Rule
from eventsift.watch.state import WatchState, utcnow

log = logging.getLogger(__name__)

MARK = "alerts_mark"


@dataclass(frozen=True, slots=True, kw_only=True)
class Alert:
    rule: str
    kind: Literal["new", "update"]
    event: Event
    fired_at: datetime
    articles: tuple[dict[str, Any], ...] = ()

    @property
    def alert_id(self) -> str:
        """One per alert fired, the same in a resent webhook: a receiver can drop the redelivery."""
        key = "|".join((self.rule, self.kind, self.event.event_id, signature(self.event), self.fired_at.isoformat()))
        return "al-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {"alert_id": self.alert_id, "rule": self.rule, "kind": self.kind,
                "fired_at": self.fired_at.isoformat() + "Z", "event": event_to_dict(self.event),
                "articles": list(self.articles)}


def _any_in(needles: Sequence[str], hay: str) -> bool:
    hay = hay.casefold()
    return any(n.casefold() in hay for n in needles)


def matches(rule: Rule, e: Event) -> bool:
    """Every condition the rule gives holds for the event."""
    loc = e.location
    if rule.country and not (loc and loc.country in rule.country):
        return False
    if rule.admin1 and not (loc and any(a.casefold() in ((loc.admin1 or "").casefold(), (loc.admin1_code or "")
                                                         .casefold()) for a in rule.admin1)):
        return False
    if rule.event_type and not (str(e.event_type) in rule.event_type or str(e.sub_event_type) in rule.event_type):
        return False
    if rule.actor and not _any_in(rule.actor, " | ".join(a.name for a in (e.actor1, e.actor2) if a)):
        return False
    if rule.min_fatalities is not None and (e.fatalities or 0) < rule.min_fatalities:
        return False
    if rule.text and not _any_in(rule.text, "\n".join(m.evidence.sentence for m in e.mentions)):
        return False
    return True


def signature(e: Event) -> str:
    """What an update is measured against: tolls, sources, mentions."""
    return json.dumps([e.fatalities, e.injuries, list(e.sources), len(e.mentions)])


class Alerter:
    """Checks rules after each cycle; ``post(url, payload)`` sends webhooks (or raises FetchError)."""

    def __init__(self, rules: Sequence[Rule], *, state: WatchState, log_path: Path | None = None,
                 webhook: str | None = None, post: Callable[[str, Any], int] | None = None) -> None:
        self.rules = tuple(rules)
        self.state = state
        self.log_path = log_path
        self.webhook = webhook
        self.post = post
        self.webhook_errors: list[str] = []

    def check(self, store) -> list[Alert]:
        """Fire the alerts due for events changed since the last check."""
        if not self.rules:
            return []
        mark = self.state.get(MARK)
        times = store.event_times()
        since = datetime.fromisoformat(mark) if mark else None
        changed = sorted(eid for eid, (_, updated) in times.items() if since is None or updated >= since)
        fired: list[Alert] = []
        for i in range(0, len(changed), 500):
            for e in store.events(changed[i:i + 500]):
                for rule in self.rules:
                    if matches(rule, e):
                        alert = self._consider(rule, e, store)
                        if alert is not None:
                            fired.append(alert)
        if times:
            self.state.put(MARK, max(u for _, u in times.values()).isoformat())
        return fired

    def _consider(self, rule: Rule, e: Event, store) -> Alert | None:
        mids = [m.mention_id for m in e.mentions]
        seen = self.state.alerted(rule.name, mids)
        sig = signature(e)
        old = self.state.signature(rule.name, e.event_id)
        kind: Literal["new", "update"] | None = None
        if not seen:
            kind = "new"
        elif (len(seen) < len(set(mids)) or (old is not None and old != sig)) and rule.updates:
            kind = "update"
        alert = None
        if kind is not None:
            alert = Alert(rule=rule.name, kind=kind, event=e, fired_at=utcnow(), articles=self._articles(e, store))
            self._emit(alert, webhook=rule.webhook or self.webhook)
        self.state.remember(rule.name, e.event_id, mids, sig)
        return alert

    @staticmethod
    def _articles(e: Event, store) -> tuple[dict[str, Any], ...]:
        out = []
        for doc_id in sorted({m.article_id for m in e.mentions}):
            a = store.article(doc_id)
            if a is not None:
                out.append({"doc_id": a.id, "url": a.url, "title": a.title, "source": a.source,
                            "published": a.published.isoformat() if a.published else None})
        return tuple(out)

    def _emit(self, alert: Alert, *, webhook: str | None) -> None:
        payload = alert.to_dict()
        log.info("alert %s (%s): event %s", alert.rule, alert.kind, alert.event.event_id)
        if self.log_path is not None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as f:
                f.write(json.dumps(payload, ensure_ascii=False) + "\n")
        if webhook and self.post is not None:
            try:
                self.post(webhook, payload)
            except FetchError as err:
                log.warning("webhook %s for alert %s on %s failed: %s", webhook, alert.rule,
                            alert.event.event_id, err.detail)
                self.webhook_errors.append(f"{webhook}: {err.detail}")
