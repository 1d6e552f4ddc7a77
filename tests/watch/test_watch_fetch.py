"""The fetcher against a live local server: retries, backoff, robots, conditional GET."""
from __future__ import annotations

from dataclasses import replace

import pytest

from eventsift.errors import FetchError
from eventsift.watch.fetch import Fetcher, is_transient
from newssite import Route
from watchkit import FAST


@pytest.fixture
def fetcher():
    with Fetcher(replace(FAST, retries=3, backoff=0.05)) as f:
        yield f


def test_fetch_retries_5xx_with_exponential_backoff(site, fetcher):
    site.set("/flaky", Route(body=b"<html>ok</html>", fail=[503, 500, 503]))
    page = fetcher.get(site.url("/flaky"))
    assert page.status == 200 and page.content == b"<html>ok</html>"
    t = site.times("/flaky")
    assert len(t) == 4
    gaps = [b - a for a, b in zip(t, t[1:])]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2  # 0.05, 0.1, 0.2: doubling
    assert fetcher.stats["retries"] == 3


def test_fetch_gives_up_after_retries(site, fetcher):
    site.set("/down", Route(status=503, body=b"down"))
    with pytest.raises(FetchError) as e:
        fetcher.get(site.url("/down"))
    assert e.value.reason == "http_503" and is_transient(e.value)
    assert site.count("/down") == 4


def test_fetch_does_not_retry_404(site, fetcher):
    with pytest.raises(FetchError) as e:
        fetcher.get(site.url("/missing"))
    assert e.value.status == 404 and not is_transient(e.value)
    assert site.count("/missing") == 1


def test_fetch_429_long_retry_after_is_left_to_the_caller(site, fetcher):
    site.set("/busy", Route(status=429, headers={"Retry-After": "120"}))
    with pytest.raises(FetchError) as e:
        fetcher.get(site.url("/busy"))
    assert e.value.retry_after == 120 and site.count("/busy") == 1


def test_fetch_times_out_on_slow_answers(site):
    site.set("/slow", Route(body=b"late", delay=0.6))
    with Fetcher(replace(FAST, retries=0)) as f, pytest.raises(FetchError) as e:
        f.get(site.url("/slow"))
    assert e.value.reason == "timeout" and is_transient(e.value)


def test_fetch_robots_txt_is_obeyed(site, fetcher):
    site.set("/private/memo", Route(body=b"secret"))
    with pytest.raises(FetchError) as e:
        fetcher.get(site.url("/private/memo"))
    assert e.value.reason == "robots"
    assert site.count("/private/memo") == 0 and site.count("/robots.txt") == 1
    site.set("/public", Route(body=b"hi"))
    fetcher.get(site.url("/public"))
    assert site.count("/robots.txt") == 1  # read once per host


def test_fetch_no_robots_txt_allows_everything(site, fetcher):
    del site.routes["/robots.txt"]
    site.set("/private/memo", Route(body=b"open"))
    assert fetcher.get(site.url("/private/memo")).content == b"open"


def test_fetch_conditional_get_and_user_agent(site, fetcher):
    site.set("/feed.xml", Route(body=b"<rss/>", content_type="application/rss+xml"))
    first = fetcher.get(site.url("/feed.xml"))
    assert first.etag and not first.not_modified
    again = fetcher.get(site.url("/feed.xml"), etag=first.etag)
    assert again.not_modified and again.content == b""
    headers = [h for _, _, p, h in site.hits if p == "/feed.xml"]
    assert headers[1]["If-None-Match"] == first.etag
    assert all(h["User-Agent"].startswith("eventsift/") for h in headers)


def test_fetch_follows_redirects_and_stops_loops(site, fetcher):
    site.set("/old", Route(redirect="/new", status=301))
    site.set("/new", Route(body=b"moved"))
    page = fetcher.get(site.url("/old"))
    assert page.final_url == site.url("/new") and page.content == b"moved"
    site.set("/loop", Route(redirect="/loop"))
    with pytest.raises(FetchError) as e:
        fetcher.get(site.url("/loop"))
    assert e.value.reason == "redirects"


def test_fetch_dropped_connection_is_retried(site, fetcher):
    site.set("/reset", Route(body=b"fine", fail=["reset"]))
    assert fetcher.get(site.url("/reset")).content == b"fine"
    assert site.count("/reset") == 2


def test_fetch_host_delay_spaces_requests(site):
    site.set("/a", Route(body=b"a"))
    with Fetcher(replace(FAST, host_delay=0.15, robots=False)) as f:
        for _ in range(3):
            f.get(site.url("/a"))
    t = site.times("/a")
    assert min(b - a for a, b in zip(t, t[1:])) > 0.12  # measured on arrival, so a little under the delay


def test_fetch_body_size_is_capped(site):
    site.set("/big", Route(body=b"x" * 5000))
    with Fetcher(replace(FAST, max_bytes=1000)) as f, pytest.raises(FetchError) as e:
        f.get(site.url("/big"))
    assert e.value.reason == "too_large"


def test_fetch_webhook_post(site, fetcher):
    assert fetcher.post_json(site.url("/hook"), {"rule": "r"}) == 204
    assert site.posts == [("/hook", b'{"rule":"r"}')]
