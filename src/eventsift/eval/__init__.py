"""Measure the pipeline on the project's data sets: ``eventsift eval``.

``run`` finds a data set and runs the pipeline on it, ``metrics`` scores the exported
mentions against its gold, ``show`` prints the table.
"""
from __future__ import annotations

from eventsift.eval.metrics import Figure, Miss
from eventsift.eval.run import DATASETS, EvalResult, EvalSpec, extract, locate, score, write_report

__all__ = ["DATASETS", "EvalResult", "EvalSpec", "Figure", "Miss", "extract", "locate", "score", "write_report"]
