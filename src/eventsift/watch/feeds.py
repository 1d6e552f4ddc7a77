"""Feeds and sitemaps -> the article URLs they list.

RSS and Atom are read by feedparser (which copes with most of what is served as a
feed); sitemaps (``<urlset>``, ``<sitemapindex>``, Google News extensions, gzip) by
lxml with entities and network access off. A source of kind ``auto`` is recognised
from its first bytes. A document with nothing readable in it raises
``FetchError(reason="malformed")``; a feed that is slightly broken but still lists
entries is read for what it lists.
"""
from __future__ import annotations

import gzip
import io
import logging
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from eventsift.errors import FetchError
from eventsift.ingest.text import parse_date
from eventsift.watch.config import SourceKind

log = logging.getLogger(__name__)

MAX_ITEMS = 5000  # entries read from one document
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    """An article a feed or sitemap lists."""
    url: str
    title: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing:
    kind: SourceKind
    items: tuple[Item, ...] = ()
    sitemaps: tuple[str, ...] = ()  # the children of a sitemap index


def canonical_url(url: str) -> str:
    """The URL that identifies an article: no fragment, lower-case host, no tracking
    parameters (utm_*, fbclid ...), no default port.

    >>> canonical_url("HTTPS://News.Example.org:443/a?utm_source=rss&id=3#top")
    'https://news.example.org/a?id=3'
    """
    p = urlsplit(url.strip())
    scheme = p.scheme.lower()
    host = (p.hostname or "").lower()
    if p.port and not (scheme == "http" and p.port == 80 or scheme == "https" and p.port == 443):
        host = f"{host}:{p.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(p.query, keep_blank_values=True)
                       if not k.lower().startswith(_TRACKING)])
    return urlunsplit((scheme, host, p.path or "/", query, ""))


def sniff(content: bytes, content_type: str = "") -> SourceKind:
    """What a fetched document is: a feed, a sitemap, or a page."""
    if content[:2] == b"\x1f\x8b":
        return SourceKind.SITEMAP
    head = content[:4096].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        return SourceKind.SITEMAP
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return SourceKind.FEED
    ct = content_type.lower()
    if "rss" in ct or "atom" in ct:
        return SourceKind.FEED
    if b"<html" in head or b"<!doctype html" in head or "html" in ct:
        return SourceKind.PAGE
    return SourceKind.FEED if "xml" in ct or head.lstrip().startswith(b"<?xml") else SourceKind.PAGE


def read_listing(content: bytes, *, url: str, kind: SourceKind = SourceKind.AUTO,
                 content_type: str = "") -> Listing:
    """The article URLs of a feed or sitemap at ``url``; a page lists itself."""
    if kind is SourceKind.AUTO:
        kind = sniff(content, content_type)
    if kind is SourceKind.FEED:
        return parse_feed(content, url=url, content_type=content_type)
    if kind is SourceKind.SITEMAP:
        return parse_sitemap(content, url=url)
    return Listing(kind=SourceKind.PAGE, items=(Item(url=url),))


def _http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def parse_feed(content: bytes, *, url: str, content_type: str = "") -> Listing:
    import feedparser  # only when there is a feed to read

    # Bytes in, never a URL or a path: feedparser must not fetch anything itself.
    d = feedparser.parse(io.BytesIO(content), response_headers={
        "content-location": url, "content-type": content_type or "application/xml"})
    why = str(d.get("bozo_exception") or "no RSS or Atom entries").strip().split("\n")[0][:200]
    if not d.entries and (d.bozo or not d.get("version")):
        raise FetchError(url, "malformed", f"not a readable feed: {why}")
    items = []
    for e in d.entries[:MAX_ITEMS]:
        link = e.get("link") or next((x.get("href") for x in e.get("links", []) if x.get("href")), None)
        if not link:
            continue
        link = urljoin(url, link.strip())
        if not _http(link):
            continue
        when = e.get("published_parsed") or e.get("updated_parsed")
        items.append(Item(url=link, title=(e.get("title") or "").strip() or None,
                          published=date(*when[:3]) if when else None))
    if d.bozo:
        if not items:
            raise FetchError(url, "malformed", f"not a readable feed: {why}")
        log.info("%s: feed is not well-formed (%s); read its %d entries anyway", url, why, len(items))
    return Listing(kind=SourceKind.FEED, items=tuple(items))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(content: bytes, *, url: str, max_bytes: int = 50_000_000) -> Listing:
    from lxml import etree

    if content[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(content)) as f:
                content = f.read(max_bytes + 1)
        except (OSError, EOFError) as exc:
            raise FetchError(url, "malformed", f"broken gzip sitemap: {exc}") from exc
        if len(content) > max_bytes:
            raise FetchError(url, "too_large", f"sitemap unpacks to more than {max_bytes} bytes")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FetchError(url, "malformed", f"not a readable sitemap: {exc}") from exc
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise FetchError(url, "malformed", f"not a sitemap: root element <{kind}>")
    items, children = [], []
    for entry in root:
        fields: dict[str, str] = {}
        for el in entry.iter():
            name = _local(el.tag)
            if name in ("loc", "lastmod", "publication_date", "title") and el.text and name not in fields:
                fields[name] = el.text.strip()
        loc = fields.get("loc")
        if not loc:
            continue
        loc = urljoin(url, loc)
        if not _http(loc):
            continue
        if kind == "sitemapindex":
            children.append(loc)
        else:
            items.append(Item(url=loc, title=fields.get("title"),
                              published=parse_date(fields.get("publication_date") or fields.get("lastmod"))))
        if len(items) + len(children) >= MAX_ITEMS:
            break
    return Listing(kind=SourceKind.SITEMAP, items=tuple(items), sitemaps=tuple(children))
