"""Helpers for geo tests on text written for them."""
from __future__ import annotations


def name_spans(text: str, *names: str) -> list[tuple[int, int]]:
    """(start, end) of each name in turn, searching on from the previous one."""
    out, at = [], 0
    for n in names:
        at = text.index(n, at)
        out.append((at, at + len(n)))
        at += len(n)
    return out
