"""The watcher end to end against a live local news site: exactly-once, failures, backoff."""
from __future__ import annotations

import threading
import time
from dataclasses import replace

from eventsift.watch.config import SourceKind
from eventsift.watch.state import utcnow
from newssite import Route
from watchkit import DOUMA_1, FAST, KANDAHAR, LAGOS, feed


def pages_hit(site, paths):
    return {p: site.count(p) for p in paths}


def test_watch_each_article_once_across_restart(site, make_watcher):
    site.article("/a/1", DOUMA_1)
    site.article("/a/2", KANDAHAR)
    site.article("/a/3", LAGOS)
    site.article("/a/4", KANDAHAR, title="Same wire story, other address")  # same text, other URL
    site.rss("/feed.xml", ["/a/1", "/a/2", "/a/3"])
    site.atom("/atom.xml", ["/a/1", "/a/4"])
    site.sitemap("/sitemap.xml", ["/a/3", "/a/1?utm_source=sitemap"])
    sources = [feed(site, "/feed.xml"), feed(site, "/atom.xml"), feed(site, "/sitemap.xml")]

    w, store = make_watcher(sources)
    r = w.cycle()
    assert (r.polled, r.articles, r.duplicates, r.source_errors, r.page_errors) == (3, 3, 1, [], [])
    assert store.counts()["articles"] == 3 and store.counts()["copies"] == 1
    assert len(store.events()) >= 2
    updated = store.last_updated()
    first = pages_hit(site, ["/a/1", "/a/2", "/a/3", "/a/4"])
    assert first == {"/a/1": 1, "/a/2": 1, "/a/3": 1, "/a/4": 1}

    w, store = make_watcher(sources)  # restart: new store connection, fetcher and watcher
    r = w.cycle()
    assert (r.articles, r.new_urls, r.duplicates, r.not_modified) == (0, 0, 0, 3)  # feeds answered 304
    assert pages_hit(site, first) == first
    assert store.last_updated() == updated  # nothing new: the page's "last updated" stays

    site.article("/a/5", "Gunmen abducted six aid workers near Gao on Monday, the UN said.")
    site.rss("/feed.xml", ["/a/5", "/a/1", "/a/2", "/a/3"])
    r = w.cycle()
    assert (r.articles, r.new_urls, r.not_modified) == (1, 1, 2)
    assert store.counts()["articles"] == 4 and site.count("/a/5") == 1
    assert store.last_updated() > updated


def test_watch_crash_between_store_and_mark_is_not_reprocessed(site, make_watcher):
    site.article("/a/1", DOUMA_1)
    site.rss("/feed.xml", ["/a/1"])
    w, store = make_watcher([feed(site, "/feed.xml")])
    w.cycle()
    store.con.execute("DELETE FROM watch_urls")  # as if killed after storing, before marking
    store.con.execute("DELETE FROM watch_http")
    w, store = make_watcher([feed(site, "/feed.xml")])
    r = w.cycle()
    assert r.articles == 0 and store.counts()["articles"] == 1
    assert w.state.url_counts() == {"done": 1}


def test_watch_survives_bad_sources_and_backs_off(site, make_watcher):
    site.article("/a/1", DOUMA_1)
    site.rss("/feed.xml", ["/a/1"])
    site.set("/down.xml", Route(status=503, body=b"down"))
    site.set("/slow.xml", Route(body=site.routes["/feed.xml"].body, delay=0.6, content_type="application/rss+xml"))
    site.set("/bad.xml", Route(body=b"<rss><channel><item><title>oops", content_type="application/rss+xml"))
    site.set("/gone.xml", Route(status=404))
    site.set("/moved.xml", Route(redirect="/feed.xml", status=301))
    bad = ["/down.xml", "/slow.xml", "/bad.xml", "/gone.xml"]
    sources = [feed(site, p) for p in [*bad, "/moved.xml", "/feed.xml"]]
    w, store = make_watcher(sources, fetch=replace(FAST, backoff=5.0, retries=0))

    r = w.cycle()
    assert r.articles == 1 and r.polled == 6
    assert sorted(e.split(": ")[1] for e in r.source_errors) == ["http_404", "http_503", "malformed", "timeout"]
    polled = {p: site.count(p) for p in bad}

    r = w.cycle()  # failing sources are paused; healthy ones polled again
    assert r.polled == 2 and r.source_errors == []
    assert {p: site.count(p) for p in bad} == polled

    def down():
        return {s["url"]: s for s in w.state.sources()}[site.url("/down.xml")]

    assert down()["failures"] == 1 and "http_503" in down()["last_error"]
    pause1 = (down()["next_poll"] - utcnow()).total_seconds()
    assert 3.0 < pause1 <= 5.0
    w.state.set_next_poll(site.url("/down.xml"), utcnow())  # as if the pause were over
    w.cycle()
    pause2 = (down()["next_poll"] - utcnow()).total_seconds()
    assert down()["failures"] == 2 and 8.0 < pause2 <= 10.0  # 5 s, then 10 s: doubled
    assert site.count("/down.xml") == polled["/down.xml"] + 1
    site.set("/down.xml", site.routes["/feed.xml"])  # back up: the next poll succeeds and resets the count
    w.state.set_next_poll(site.url("/down.xml"), utcnow())
    assert w.cycle().source_errors == [] and down()["failures"] == 0
    assert store.counts()["articles"] == 1


def test_watch_retries_failed_article_pages_later(site, make_watcher):
    site.article("/a/1", DOUMA_1).fail.extend([503, 503])  # fails both tries of the first cycle
    site.article("/a/2", KANDAHAR)
    site.rss("/feed.xml", ["/a/1", "/a/2", "/a/404", "/private/a"])
    w, store = make_watcher([feed(site, "/feed.xml")], fetch=replace(FAST, backoff=0.05))
    r = w.cycle()
    assert r.articles == 1 and len(r.page_errors) == 3
    assert sorted(e.rsplit(": ", 2)[1] for e in r.page_errors) == ["http_404", "http_503", "robots"]
    time.sleep(0.25)
    r = w.cycle()
    assert r.articles == 1 and r.new_urls == 1  # only the failed page is tried again
    assert site.count("/a/1") == 3 and site.count("/a/404") == 1 and site.count("/private/a") == 0
    assert w.state.url_counts() == {"done": 2, "gone": 2}


def test_watch_page_source_and_country_focus(site, make_watcher):
    site.article("/story", "Shelling killed nine people in the town on Friday, residents said.")  # no place named
    w, store = make_watcher([feed(site, "/story", country="SY", kind=SourceKind.PAGE)])
    r = w.cycle()
    assert r.articles == 1
    (doc_id,) = store.article_ids()
    assert store.article(doc_id).url == site.url("/story")
    (event,) = store.events()
    assert event.location.country == "SY"  # from the source's country focus
    assert w.cycle().articles == 0


def test_watch_sitemap_index_children_and_broken_child(site, make_watcher):
    site.article("/a/1", DOUMA_1)
    site.article("/a/2", KANDAHAR)
    site.sitemap("/sm-1.xml", ["/a/1"])
    site.sitemap("/sm-2.xml.gz", ["/a/2"], gz=True)
    site.set("/sm-3.xml", Route(body=b"<urlset><url><loc>", content_type="application/xml"))
    index = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in ["/sm-1.xml", "/sm-2.xml.gz", "/sm-3.xml"])
    site.set("/sitemap.xml", Route(body=f'<?xml version="1.0"?><sitemapindex>{index}</sitemapindex>'.encode(),
                                   content_type="application/xml"))
    w, store = make_watcher([feed(site, "/sitemap.xml")])
    r = w.cycle()
    assert r.articles == 2 and len(r.source_errors) == 1 and "sm-3.xml: malformed" in r.source_errors[0]


def test_watch_run_loop_waits_for_due_sources_and_stops(site, make_watcher):
    site.article("/a/1", DOUMA_1)
    site.rss("/feed.xml", ["/a/1"])
    w, store = make_watcher([feed(site, "/feed.xml", interval=0.2)])
    stop = threading.Event()
    reports = []

    def on_cycle(r):
        reports.append(r)
        if len(reports) == 3:
            stop.set()

    started = time.monotonic()
    w.run(stop=stop, on_cycle=on_cycle)
    assert [r.articles for r in reports] == [1, 0, 0]
    assert time.monotonic() - started >= 0.4  # waited for the source's interval between polls
    assert site.count("/feed.xml") == 3 and site.count("/a/1") == 1
