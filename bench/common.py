"""What the throughput benchmarks share: the corpus, its reading, and the figures they print.

The default corpus is FA-KES (804 articles about the Syrian war) from the shared data
folder beside the repository, read with the column mapping below; pass other inputs
(and ``--columns``) to measure something else.
"""
from __future__ import annotations

import argparse
import resource
import statistics
from dataclasses import replace
from pathlib import Path

from eventsift.model import Article
from eventsift.runners.sources import plan, read_units

ROOT = Path(__file__).resolve().parent.parent
FAKES = ROOT.parent / "shared" / "data" / "fakes" / "FA-KES-Dataset.csv"
FAKES_COLUMNS = "id=unit_id,title=article_title,text=article_content,published=date,source=source"


def corpus_args(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("inputs", nargs="*", type=Path, default=[FAKES], help="articles (default: FA-KES)")
    ap.add_argument("--columns", default=None, help=f"CSV column mapping (FA-KES default: {FAKES_COLUMNS})")
    ap.add_argument("--repeat", type=int, default=3, help="measurements of each configuration (alternated)")


def columns_of(args: argparse.Namespace) -> dict[str, str] | None:
    spec = args.columns or (FAKES_COLUMNS if args.inputs == [FAKES] else None)
    return dict(p.split("=", 1) for p in spec.split(",")) if spec else None


def read_articles(inputs: list[Path], columns: dict[str, str] | None) -> list[Article]:
    return [a for a in read_units(plan(inputs), columns=columns) if isinstance(a, Article)]


def copies(articles: list[Article], times: int) -> list[Article]:
    """The corpus ``times`` over, each copy a distinct article to the pipeline (id and hash)."""
    return [a if r == 0 else replace(a, id=f"{a.id}#{r}", content_hash=f"{a.content_hash}#{r}")
            for r in range(times) for a in articles]


def words(articles: list[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def rate_line(label: str, n: int, w: int, seconds: float) -> str:
    return f"{label:<28} {n / seconds:8.1f} articles/s {w / seconds:10.0f} words/s  ({seconds:.2f}s)"


def spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f}  min {min(values):.2f}  max {max(values):.2f}  "
            f"(n={len(values)})")
