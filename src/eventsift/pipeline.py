"""The only place that knows the order of the stages.

    read_inputs -> (skip known, copies, unfit) -> parse (nlp.pipe, batched) -> extract_mentions -> store
    -> merge_events -> store events -> export
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from eventsift.actors import ActorTable
from eventsift.errors import IngestError
from eventsift.extract import Lexicon, extract_mentions
from eventsift.extract.article import Resources
from eventsift.geo import Gazetteer
from eventsift.ingest.dedupe import CopyIndex, fingerprint
from eventsift.ingest.text import clean_str
from eventsift.model import Article, Mention
from eventsift.nlp import DEFAULT_MODEL, build_nlp

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    device: str = "auto"  # where the spaCy pipeline runs: auto (GPU for a transformer pipeline), cpu, gpu
    batch_size: int = 32
    actors_file: Path | None = None
    cache_dir: Path | None = None
    max_bytes: int = 20_000_000
    max_chars: int = 200_000  # longer article texts are skipped: the parser's memory grows with length
    near_duplicates: bool = True  # record near-duplicate copies instead of processing them
    detect_language: bool = True  # skip articles whose text is in a language the pipeline does not read

    def __post_init__(self) -> None:
        if self.batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, not {self.batch_size}")
        if self.max_chars < 1:
            raise ValueError(f"max_chars must be a positive int, not {self.max_chars}")


@dataclass(frozen=True, slots=True)
class Loaded:
    """Everything a worker loads once: the spaCy pipeline and the extraction resources."""
    nlp: Language
    res: Resources


def load(settings: Settings) -> Loaded:
    nlp = build_nlp(settings.model, device=settings.device)
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


@dataclass(slots=True)
class RunReport:
    articles: int = 0
    skipped_known: int = 0
    copies: int = 0  # duplicates recorded as another source of a stored article
    mentions: int = 0
    rejects: list[IngestError] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)

    def skipped_by_reason(self) -> dict[str, int]:
        """Skipped inputs counted by reason, most frequent first."""
        return dict(Counter(e.reason for e in self.rejects).most_common())


Outcome = list[Mention] | IngestError  # an article's mentions, or why the stages failed on it
# Batches in, each batch's outcomes out in the same order: in this process, or on others.
Process = Callable[[Iterable[list[Article]]], Iterator[list[tuple[Article, Outcome]]]]


def run_articles(articles: Iterable[Article | IngestError], loaded: Loaded, store, *, settings: Settings,
                 on_reject: Callable[[IngestError], None] = lambda e: None,
                 on_progress: Callable[[int], None] = lambda n: None,
                 process: Process | None = None) -> RunReport:
    """Ingested articles -> stored mentions, one transaction per batch.

    An article stored before (same id, same text) is passed over, so a stopped run
    resumes. Another id with the same text, or a near-duplicate text
    (``ingest.dedupe``), is recorded as a copy of the stored article and not processed
    again. Inputs that cannot be read, articles in a language the loaded pipeline does
    not read, articles over ``max_chars``, an id already taken by a different text and
    articles the stages fail on are skipped, each recorded in ``rejects`` with a reason.
    """
    report = RunReport()
    stored = store.article_hashes()  # doc_id -> content_hash, this run's articles added as they are kept
    by_hash = {h: i for i, h in sorted(stored.items(), reverse=True) if h}  # each text's first id
    copy_ids = store.copy_ids()
    index = _copy_index(store) if settings.near_duplicates else None
    pending: dict[str, str] = {}  # texts of kept articles not yet committed
    copies: list[tuple[Article, str]] = []
    prints: list[tuple[str, bytes]] = []
    failed: set[str] = set()  # kept articles the stages failed on: never the original of a copy

    def reject(err: IngestError) -> None:
        report.rejects.append(err)
        store.add_reject(clean_str(err.source), err.reason, clean_str(err.detail))  # file names may not be UTF-8
        on_reject(err)

    def text_of(doc_id: str) -> str | None:
        if doc_id in pending:
            return pending[doc_id]
        found = store.article(doc_id)
        return found.text if found is not None else None

    def fresh() -> Iterator[Article]:
        for item in articles:
            if isinstance(item, IngestError):
                reject(item)
                continue
            if (err := _unfit(item, settings, loaded.nlp.lang)) is not None:
                reject(err)
                continue
            known = stored.get(item.id)
            if item.id in copy_ids or (known is not None and (known == item.content_hash or not known)):
                report.skipped_known += 1
                on_progress(1)
                continue
            if known is not None:
                reject(IngestError(item.origin or item.id, "duplicate_id",
                                   f"id {item.id!r} is taken by another article with a different text; "
                                   "give one of them its own id (manifest or id field)"))
                continue
            owner = by_hash.get(item.content_hash) if item.content_hash else None
            print_ = fingerprint(item.text) if index is not None and owner is None else None
            if owner is None and index is not None:
                owner = index.find(item.text, text_of=text_of, print_=print_)
            if owner in failed:
                owner = None  # its original could not be processed: try the copy on its own
            if owner is not None:
                log.info("%s: a copy of %s, recorded as another source", item.id, owner)
                copies.append((item, owner))
                copy_ids.add(item.id)
                report.copies += 1
                on_progress(1)
                continue
            stored[item.id] = item.content_hash
            by_hash.setdefault(item.content_hash, item.id)
            pending[item.id] = item.text
            if index is not None and print_ is not None:
                index.add(item.id, print_)
                prints.append((item.id, print_))
            yield item

    def flush() -> None:
        # After the batch that holds their originals is committed: a copy never points
        # at an article a crash could still take back (later batches may be in flight).
        ready = [p for p in prints if p[0] not in pending]
        if ready:
            store.add_fingerprints(ready)
        for art, owner in copies:
            if owner not in pending:
                store.add_copy(art, owner)
        prints[:] = [p for p in prints if p[0] in pending]
        copies[:] = [c for c in copies if c[1] in pending]

    if process is None:
        process = lambda batches: (process_or_reject(b, loaded, batch_size=settings.batch_size) for b in batches)
    for outcomes in process(batched(fresh(), settings.batch_size)):
        results = []
        for art, got in outcomes:
            pending.pop(art.id, None)
            if isinstance(got, IngestError):
                reject(got)
                failed.add(art.id)
                prints[:] = [p for p in prints if p[0] != art.id]
                for c in [c for c in copies if c[1] == art.id]:
                    copies.remove(c)
                    reject(IngestError(c[0].origin or c[0].id, "failed",
                                       f"a copy of {art.id!r}, which failed: {got.detail}"))
            else:
                results.append((art, got))
        store.add_article_results(results)
        flush()
        report.articles += len(results)
        report.mentions += sum(len(m) for _, m in results)
        on_progress(len(outcomes))
    pending.clear()
    flush()
    return report


def _unfit(article: Article, settings: Settings, lang: str) -> IngestError | None:
    """Why the loaded pipeline cannot read ``article``, as an IngestError, or None."""
    src = article.origin or article.id
    if article.language and article.language.split("-")[0].lower() != lang:
        return IngestError(src, "language", f"article {article.id!r} is in {article.language!r}; the loaded pipeline "
                           f"reads {lang!r} (set Settings.model to a {article.language!r} spaCy pipeline to "
                           "process it)")
    if len(article.text) > settings.max_chars:
        return IngestError(src, "too_large", f"article {article.id!r} has {len(article.text):,} characters, over "
                           f"the limit of {settings.max_chars:,} (raise max_chars)")
    return None


def _copy_index(store) -> CopyIndex:
    """The near-duplicate index of the stored articles, fingerprinting any left without one."""
    index = CopyIndex()
    missing = store.unfingerprinted()
    if missing:
        store.add_fingerprints([(doc_id, fingerprint(text)) for doc_id, text in missing])
    for doc_id, print_ in sorted(store.fingerprints().items()):
        index.add(doc_id, print_)
    return index


def process_or_reject(batch: Sequence[Article], loaded: Loaded, *, batch_size: int = 32) -> list[tuple[Article, Outcome]]:
    """process_batch; if it fails, each article alone, an IngestError for each one that fails."""
    try:
        return list(process_batch(batch, loaded, batch_size=batch_size))
    except Exception:  # noqa: BLE001 - per-article failure policy: find the article, keep the run going
        log.warning("a batch failed; retrying its %d articles one by one", len(batch))
    results: list[tuple[Article, Outcome]] = []
    for art in batch:
        try:
            results.extend(process_batch([art], loaded, batch_size=1))
        except Exception as exc:  # noqa: BLE001 - recorded as a reject with the error, never lost silently
            log.exception("%s: processing failed", art.id)
            results.append((art, IngestError(art.origin or art.id, "failed",
                                             f"article {art.id!r} failed in extraction: {type(exc).__name__}: {exc}")))
    return results
