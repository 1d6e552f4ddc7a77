"""Find a data set, run the pipeline on it, score what came out.

    >>> spec = locate("plover", data_dir=Path("../shared/data"))          # doctest: +SKIP
    >>> mentions = extract(spec, db=Path("out/eval/plover.duckdb"))       # doctest: +SKIP
    >>> result = score(spec, mentions)                                    # doctest: +SKIP

Each data set is read by path under one data folder (``--data``, by default
``../shared/data``): ``fakes/FA-KES-Dataset.csv``, ``plover/plover_gsr.input.jsonl`` with
``plover/PLOVER_GSR_CAMEO.json``, ``case2021/test_set_final_release_with_labels.tsv``;
the seeds are the articles of ``samples/seeds`` beside that folder (or in the working
directory) with ``gold/seeds.gold.jsonl`` beside it. ``snippets`` is the project's own
development set for ACLED typing, bundled in ``samples/snippets`` and scored as CASE 2021
is. Any other gold JSONL in the seeds' format is scored against the articles given with
``articles``.
"""
from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventsift.errors import ConfigError, IngestError
from eventsift.eval.metrics import Figure, Miss, fakes_split, score_case, score_fakes, score_gold, score_plover
from eventsift.model import Article

log = logging.getLogger(__name__)

DATASETS = ("seeds", "fakes", "plover", "case2021", "snippets")
# the project's own development set for ACLED typing: snippets written for it, labelled
# in CASE 2021's format (samples/snippets/README.md); bundled, so no --data is needed
SNIPPETS = Path("samples") / "snippets" / "acled_snippets.tsv"
_REPO = Path(__file__).resolve().parents[3]
DEFAULT_DATA = Path("../shared/data")
FAKES_COLUMNS = {"id": "unit_id", "title": "article_title", "text": "article_content", "published": "date",
                 "source": "source"}
CASE_COLUMNS = {"id": "id", "text": "EventSnippet"}
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalSpec:
    """What to read and what to score it against."""
    name: str  # seeds, fakes, plover, case2021, snippets, or "gold" for a gold file
    split: str
    inputs: tuple[Path, ...]
    gold: Path
    manifest: Path | None = None
    columns: dict[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalResult:
    spec: EvalSpec
    figures: tuple[Figure, ...]
    misses: tuple[Miss, ...]
    n_mentions: int


def _need(path: Path, what: str) -> Path:
    if not path.exists():
        raise ConfigError(f"{what}: not found: {path} (point --data at the folder that holds the data sets)")
    return path


def locate(name: str, *, data_dir: Path = DEFAULT_DATA, split: str | None = None,
           articles: Path | None = None) -> EvalSpec:
    """The inputs and gold of data set ``name``, or of the gold JSONL file ``name`` with ``articles``."""
    if split is not None and split not in SPLITS:
        raise ConfigError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if name not in DATASETS:
        gold = Path(name)
        if gold.suffix != ".jsonl" or not gold.is_file():
            raise ConfigError(f"{name}: not a data set ({', '.join(DATASETS)}) nor a gold JSONL file")
        if articles is None:
            raise ConfigError(f"{name}: a gold file needs its articles (--articles DIR)")
        return EvalSpec(name="gold", split="all", inputs=(_need(articles, "articles"),), gold=gold,
                        manifest=_manifest(articles))
    if name != "fakes" and split not in (None, "all"):
        raise ConfigError(f"{name} has no {split} split; use --split all (or leave it out)")
    if name == "fakes":
        csv_path = _need(data_dir / "fakes" / "FA-KES-Dataset.csv", "fakes")
        return EvalSpec(name=name, split=split or "dev", inputs=(csv_path,), gold=csv_path, columns=FAKES_COLUMNS)
    if name == "plover":
        return EvalSpec(name=name, split="all", inputs=(_need(data_dir / "plover" / "plover_gsr.input.jsonl", name),),
                        gold=_need(data_dir / "plover" / "PLOVER_GSR_CAMEO.json", name))
    if name == "case2021":
        tsv = _need(data_dir / "case2021" / "test_set_final_release_with_labels.tsv", name)
        return EvalSpec(name=name, split="all", inputs=(tsv,), gold=tsv, columns=CASE_COLUMNS)
    if name == "snippets":
        tsv = next((p for p in (articles, SNIPPETS, _REPO / SNIPPETS) if p is not None and p.is_file()), SNIPPETS)
        return EvalSpec(name=name, split="all", inputs=(_need(tsv, name),), gold=tsv, columns=CASE_COLUMNS)
    gold = _need(data_dir.parent / "gold" / "seeds.gold.jsonl", "seeds")
    found = articles or next((p for p in (data_dir.parent / "samples" / "seeds", Path("samples/seeds"))
                              if p.is_dir()), data_dir.parent / "samples" / "seeds")
    return EvalSpec(name=name, split="all", inputs=(_need(found, "seeds"),), gold=gold, manifest=_manifest(found))


def _manifest(articles: Path) -> Path | None:
    m = articles / "manifest.jsonl"
    return m if articles.is_dir() and m.is_file() else None


def _read_csv(path: Path, *, delimiter: str = ",") -> list[dict[str, str]]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies can exceed the default 128 KiB field
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=delimiter))


def load_gold(spec: EvalSpec) -> list[dict[str, Any]]:
    """The gold records of ``spec``, restricted to its split."""
    try:
        if spec.name == "fakes":
            return fakes_split(_read_csv(spec.gold), spec.split)
        if spec.name in ("case2021", "snippets"):
            return _read_csv(spec.gold, delimiter="\t")
        if spec.name == "plover":
            return json.loads(spec.gold.read_text("utf-8"))
        return [json.loads(line) for line in spec.gold.read_text("utf-8").splitlines() if line.strip()]
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:
        raise ConfigError(f"{spec.gold}: cannot read the gold data: {exc}") from exc


def _in_split(spec: EvalSpec, item: Article | IngestError) -> bool:
    if spec.name != "fakes" or spec.split == "all" or isinstance(item, IngestError):
        return True
    try:
        return int(item.id) % 2 == (0 if spec.split == "dev" else 1)
    except ValueError:
        return False


def extract(spec: EvalSpec, *, db: Path, out_dir: Path | None = None, settings=None,
            fresh: bool = True, on_progress: Callable[[int], None] = lambda n: None) -> list[dict[str, Any]]:
    """Run the pipeline on the data set into ``db`` and return the mentions as exported.

    With ``fresh`` the store is created anew; otherwise articles already in it are not
    extracted again (its mentions are scored as they are). Every item is processed on
    its own: no language filter and no near-duplicate folding, and an exact copy of
    another item's text is scored with the mentions of the text it copies.
    """
    from dataclasses import replace

    from eventsift.export import mention_rows, write_outputs
    from eventsift.merge import merge_store
    from eventsift.pipeline import Settings, load, run_articles
    from eventsift.runners.sources import plan, read_units
    from eventsift.serialize import mention_to_dict
    from eventsift.store import Store

    settings = replace(settings or Settings(), near_duplicates=False, detect_language=False)
    if fresh:
        db.unlink(missing_ok=True)
        Path(f"{db}.wal").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    loaded = load(settings)
    with Store.open(db) as store:
        units = plan(list(spec.inputs), manifest=spec.manifest)
        items: Iterator[Article | IngestError] = (
            a for a in read_units(units, columns=spec.columns, max_bytes=settings.max_bytes) if _in_split(spec, a))
        run_articles(items, loaded, store, settings=settings, on_progress=on_progress)
        merge_store(store)
        if out_dir is not None:
            write_outputs(store, out_dir)  # mentions.jsonl holds exactly the rows scored
        # as the export lists them: copies under their own ids, in reading order
        return [mention_to_dict(m, event_id=eid) for m, eid in mention_rows(store)]


def score(spec: EvalSpec, mentions: list[dict[str, Any]]) -> EvalResult:
    """The figures and the misses of ``mentions`` on the data set of ``spec``."""
    gold = load_gold(spec)
    scorer = {"fakes": score_fakes, "plover": score_plover, "case2021": score_case,
              "snippets": score_case}.get(spec.name, score_gold)
    figures, misses = scorer(gold, mentions)
    return EvalResult(spec=spec, figures=tuple(figures), misses=tuple(misses), n_mentions=len(mentions))


def write_report(result: EvalResult, out_dir: Path) -> None:
    """figures.json and misses.jsonl (one wrong gold item a line) in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    figures = {f.name: {"value": f.value, "correct": f.correct, "total": f.total} for f in result.figures}
    (out_dir / "figures.json").write_text(json.dumps({"dataset": result.spec.name, "split": result.spec.split,
                                                      "mentions": result.n_mentions, "figures": figures},
                                                     indent=1) + "\n", encoding="utf-8")
    with (out_dir / "misses.jsonl").open("w", encoding="utf-8") as f:
        for m in result.misses:
            f.write(json.dumps({"measure": m.measure, "doc_id": m.doc_id, "text": m.text, "expected": m.expected,
                                "got": m.got, "evidence": list(m.evidence)}, ensure_ascii=False) + "\n")
