"""``eventsift eval`` on a terminal: a progress bar while extracting, then the table."""
from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventsift.eval.run import DEFAULT_DATA, EvalResult, extract, locate, score, write_report


def run_eval(name: str, *, data_dir: Path = DEFAULT_DATA, split: str | None = None, db: Path | None = None,
             out_dir: Path | None = None, articles: Path | None = None, settings=None) -> EvalResult:
    """Locate, extract (with a progress bar on stderr), score, write the report, print the table."""
    spec = locate(name, data_dir=data_dir, split=split, articles=articles)
    label = spec.name if spec.split == "all" else f"{spec.name}-{spec.split}"
    out_dir = out_dir or Path("out/eval") / label
    err = Console(stderr=True)
    with Progress(TextColumn(f"[bold]extracting {label}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("articles", total=None)
        mentions = extract(spec, db=db or out_dir / f"{label}.duckdb", out_dir=out_dir, settings=settings,
                           fresh=db is None, on_progress=lambda n: progress.advance(task, n))
    result = score(spec, mentions)
    write_report(result, out_dir)
    print_result(result, out_dir=out_dir)
    return result


def print_result(result: EvalResult, *, out_dir: Path | None = None) -> None:
    spec = result.spec
    table = Table(title=f"{spec.name} ({spec.split}): {result.n_mentions} mentions")
    for col in ("measure", "value", "correct / of"):
        table.add_column(col, justify="left" if col == "measure" else "right")
    for f in result.figures:
        value = "n/a" if f.value is None else str(f.value) if isinstance(f.value, int) else f"{f.value:.3f}"
        table.add_row(f.name, value, "" if f.total is None else f"{f.correct} / {f.total}")
    out = Console()
    out.print(table)
    if out_dir is not None:
        out.print(f"{len(result.misses)} misses in {out_dir}/misses.jsonl; mentions in {out_dir}/mentions.jsonl",
                  highlight=False)
