"""Feeds and sitemaps -> article URLs (pure: bytes in, items out)."""
from __future__ import annotations

import gzip
from datetime import date

import pytest

from eventsift.errors import FetchError
from eventsift.watch.config import SourceKind
from eventsift.watch.feeds import canonical_url, parse_feed, parse_sitemap, read_listing, sniff

BASE = "https://news.example.org/feed.xml"
RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Strike on Douma</title><link>https://news.example.org/a/1</link>
<pubDate>Tue, 12 Mar 2024 08:00:00 GMT</pubDate></item>
<item><title>Relative</title><link>/a/2</link></item>
<item><title>No link</title></item>
<item><title>Mail</title><link>mailto:desk@example.org</link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
<updated>2024-03-12T08:00:00Z</updated>
<entry><title>Clash</title><link href="https://news.example.org/b/1"/><id>b1</id>
<updated>2024-03-11T08:00:00Z</updated></entry></feed>"""
URLSET = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.org/c/1</loc><news:news>
<news:publication_date>2024-03-10T09:00:00Z</news:publication_date>
<news:title>Shelling</news:title></news:news></url>
<url><loc>https://news.example.org/c/2</loc><lastmod>2024-03-09</lastmod></url></urlset>"""
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.org/sm-1.xml</loc></sitemap></sitemapindex>"""


def test_feeds_rss_items_resolved_and_dated():
    items = parse_feed(RSS, url=BASE).items
    assert [i.url for i in items] == ["https://news.example.org/a/1", "https://news.example.org/a/2"]
    assert items[0].title == "Strike on Douma" and items[0].published == date(2024, 3, 12)


def test_feeds_atom():
    (item,) = parse_feed(ATOM, url=BASE).items
    assert item.url == "https://news.example.org/b/1" and item.published == date(2024, 3, 11)


def test_feeds_sitemap_news_and_lastmod():
    items = parse_sitemap(URLSET, url=BASE).items
    assert [(i.url, i.published, i.title) for i in items] == [
        ("https://news.example.org/c/1", date(2024, 3, 10), "Shelling"),
        ("https://news.example.org/c/2", date(2024, 3, 9), None)]


def test_feeds_sitemap_index_and_gzip():
    assert parse_sitemap(INDEX, url=BASE).sitemaps == ("https://news.example.org/sm-1.xml",)
    assert len(read_listing(gzip.compress(URLSET), url=BASE).items) == 2


@pytest.mark.parametrize("content, kind", [(RSS, SourceKind.FEED), (ATOM, SourceKind.FEED),
                                           (URLSET, SourceKind.SITEMAP), (INDEX, SourceKind.SITEMAP),
                                           (b"<!DOCTYPE html><html><body>x</body></html>", SourceKind.PAGE)])
def test_feeds_sniff(content, kind):
    assert sniff(content) is kind


@pytest.mark.parametrize("junk", [b"", b"\x00\x01\x02garbage", b"<rss><channel><item><link>",
                                  b"<html><body>not a feed</body></html>"])
def test_feeds_malformed_feed_raises_fetch_error(junk):
    with pytest.raises(FetchError) as e:
        parse_feed(junk, url=BASE)
    assert e.value.reason == "malformed"


@pytest.mark.parametrize("junk", [b"", b"<urlset><url><loc>", b"<rss/>"])
def test_feeds_malformed_sitemap_raises_fetch_error(junk):
    with pytest.raises(FetchError):
        parse_sitemap(junk, url=BASE)


def test_feeds_sitemap_entities_are_not_resolved():
    xxe = (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><urlset><url><loc>https://a.org/&e;</loc>'
           b'</url></urlset>')
    assert all(i.url == "https://a.org/" for i in parse_sitemap(xxe, url=BASE).items)


def test_feeds_broken_feed_with_entries_is_still_read():
    broken = RSS.replace(b"</channel></rss>", b"<item><title>A & B</title></item>")
    assert len(parse_feed(broken, url=BASE).items) == 2


def test_feeds_canonical_url():
    assert canonical_url("HTTPS://News.Example.org:443/a?utm_source=rss&id=3#top") == "https://news.example.org/a?id=3"
    assert canonical_url("http://x.org") == "http://x.org/"
    assert canonical_url("http://x.org:8080/a?fbclid=1") == "http://x.org:8080/a"
