"""The only place that knows the order of the stages.

    read_inputs -> (skip known) -> parse (nlp.pipe, batched) -> extract_mentions -> store
    -> merge_events -> store events -> export
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from eventsift.actors import ActorTable
from eventsift.errors import IngestError
from eventsift.extract import Lexicon, extract_mentions
from eventsift.extract.article import Resources
from eventsift.geo import Gazetteer
from eventsift.model import Article, Mention
from eventsift.nlp import DEFAULT_MODEL, build_nlp

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32
    actors_file: Path | None = None
    cache_dir: Path | None = None
    max_bytes: int = 20_000_000

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, not {self.batch_size}")


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything a worker loads once: the spaCy pipeline and the extraction resources."""
    nlp: Language
    res: Resources


def load(settings: Settings) -> Loaded:
    nlp = build_nlp(settings.model)
    res = Resources(lexicon=Lexicon.load(), actors=ActorTable.load(settings.actors_file),
                    gazetteer=Gazetteer.load(settings.cache_dir))
    return Loaded(nlp=nlp, res=res)


def process_batch(articles: Sequence[Article], loaded: Loaded, *, batch_size: int = 32) -> list[tuple[Article, list[Mention]]]:
    """Parse and extract a batch: the same function serves the local and the Ray runners."""
    docs = loaded.nlp.pipe((a.text for a in articles), batch_size=batch_size)
    return [(a, extract_mentions(doc, a, res=loaded.res)) for a, doc in zip(articles, docs)]


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def event_id_for(mention: Mention) -> str:
    """A stable id for an event first seen in this mention."""
    return "ev-" + hashlib.sha1(mention.mention_id.encode("utf-8")).hexdigest()[:12]


@dataclass(slots=True)
class RunReport:
    articles: int = 0
    skipped_known: int = 0
    mentions: int = 0
    rejects: list[IngestError] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)


def run_articles(articles: Iterable[Article | IngestError], loaded: Loaded, store, *, settings: Settings,
                 on_reject: Callable[[IngestError], None] = lambda e: None,
                 on_progress: Callable[[int], None] = lambda n: None) -> RunReport:
    """Ingested articles -> stored mentions, one transaction per batch."""
    report = RunReport()
    known_ids = store.article_ids()
    known_hashes = store.known_hashes()

    def fresh() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, IngestError):
                report.rejects.append(item)
                store.add_reject(item.source, item.reason, item.detail)
                on_reject(item)
                continue
            if item.id in known_ids or (item.content_hash and item.content_hash in known_hashes):
                report.skipped_known += 1
                on_progress(1)
                continue
            known_ids.add(item.id)
            if item.content_hash:
                known_hashes.add(item.content_hash)
            yield item

    for batch in batched(fresh(), settings.batch_size):
        results = process_batch(batch, loaded, batch_size=settings.batch_size)
        store.add_article_results(results)
        report.articles += len(results)
        report.mentions += sum(len(m) for _, m in results)
        on_progress(len(batch))
    return report
