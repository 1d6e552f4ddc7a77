"""Web pages: trafilatura finds the main text and the page's metadata.

Reader comments are excluded (``include_comments=False``); the plain-text comment
detector runs afterwards as well, for comment sections trafilatura keeps as text.
Metadata an input supplies (manifest) wins over what the page says about itself.
"""
from __future__ import annotations

import logging
import re

from eventsift.errors import IngestError
from eventsift.ingest.text import Meta, build_article, parse_date
from eventsift.model import Article

log = logging.getLogger(__name__)

# libxml2 (under lxml, under trafilatura) stops building the tree this deep unless told
# to parse "huge" documents; deeper content is dropped, never a crash.
MAX_DEPTH = 256
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_HTML_LANG = re.compile(r"""<html[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})\b""", re.I)


def parse_html(raw: str, meta: Meta, *, origin: str, remove_comments: bool = True) -> Article:
    """An article from the HTML of a page; raises IngestError(reason="empty") if none."""
    import trafilatura  # heavy import, only when there is HTML to read

    doc = trafilatura.bare_extraction(raw, url=meta.url, include_comments=False,
                                      with_metadata=True, include_tables=True)
    if doc is None or not (doc.text or "").strip():
        depth = nesting_depth(raw)
        if depth > MAX_DEPTH:
            raise IngestError(origin, "malformed", f"HTML nested {depth:,} elements deep; the parser stops at "
                              f"{MAX_DEPTH}, and no main text was found above that")
        raise IngestError(origin, "empty", "no main text found in the HTML page")
    title = (doc.title or "").strip() or None
    lines = [ln.strip() for ln in doc.text.split("\n")]
    if title and lines and lines[0] == title:
        lines = lines[1:]  # trafilatura repeats the <h1> headline as the first line
    body = "\n\n".join(ln for ln in lines if ln)
    m = _HTML_LANG.search(raw[:4096])
    page = Meta(title=title, published=parse_date(doc.date), source=doc.sitename or None,
                url=doc.url or None, language=(doc.language or (m[1].lower() if m else None)))
    return build_article(body, meta.over(page), origin=origin, remove_comments=remove_comments)


def nesting_depth(raw: str) -> int:
    """The deepest element nesting in ``raw``, counted from its tags (a fair estimate)."""
    depth = deepest = 0
    for m in _TAG.finditer(raw):
        if m[2].lower() in _VOID or m[3]:
            continue
        depth = max(0, depth - 1) if m[1] else depth + 1
        deepest = max(deepest, depth)
    return deepest
