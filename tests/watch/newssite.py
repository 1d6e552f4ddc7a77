"""A small news website on 127.0.0.1 for the watch tests and the soak benchmark.

Real HTTP over a real socket (``http.server`` in a thread), with feeds, sitemaps and
article pages generated from what the test puts in, and misbehaviour on request:
status codes, slow answers, dropped connections, malformed bodies, redirects. It
honours If-None-Match, logs every request and keeps the bodies POSTed to it.

    with NewsSite() as site:
        site.article("/a/1", "Government shelling killed 12 civilians in Douma on Tuesday.")
        site.rss("/feed.xml", ["/a/1"])
        ... site.url("/feed.xml") ...
"""
from __future__ import annotations

import gzip
import hashlib
import html
import random
import socket
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@dataclass
class Route:
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    redirect: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fail: deque = field(default_factory=deque)  # answers to give first: 503, 429, "reset", "slow", "malformed"

    def __post_init__(self) -> None:
        self.fail = deque(self.fail)


@dataclass
class Chaos:
    """Random misbehaviour: on each request, with probability ``rate``, one of ``kinds``."""
    rate: float = 0.0
    kinds: tuple[str, ...] = (503, 500, 429, "reset", "slow", "malformed")
    seed: int = 7
    slow: float = 0.5
    injected: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def pick(self, path: str) -> object | None:
        if path == "/robots.txt" or self.rate <= 0 or self.rng.random() >= self.rate:
            return None
        kind = self.rng.choice(self.kinds)
        if kind == "malformed" and not path.endswith(".xml"):
            kind = 503
        self.injected[kind] = self.injected.get(kind, 0) + 1
        return kind


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:  # clients that time out close first: expected
        pass


class NewsSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {"/robots.txt": Route(body=ROBOTS, content_type="text/plain")}
        self.hits: list[tuple[float, str, str, dict[str, str]]] = []  # (time, method, path, headers)
        self.posts: list[tuple[str, bytes]] = []
        self.served: dict[str, int] = {}  # path -> full 200 answers given without injected trouble
        self.chaos = Chaos()
        self.lock = threading.Lock()
        self.pages: dict[str, tuple[str, str, date | None]] = {}  # path -> (title, text, published)
        self._server: _Server | None = None

    # ---- lifecycle -------------------------------------------------------------------

    def start(self) -> NewsSite:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site._serve(self, "GET")

            def do_POST(self) -> None:
                n = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(n)
                with site.lock:
                    site.hits.append((time.monotonic(), "POST", self.path, dict(self.headers)))
                    site.posts.append((self.path, body))
                route = site.routes.get(self.path)
                self._answer(route.status if route else 204, b"", "text/plain")

            def _answer(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                if body:
                    self.wfile.write(body)

        self._server = _Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> NewsSite:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str, method: str = "GET") -> int:
        with self.lock:
            return sum(1 for _, m, p, _ in self.hits if p == path and m == method)

    def times(self, path: str) -> list[float]:
        with self.lock:
            return [t for t, m, p, _ in self.hits if p == path and m == "GET"]

    # ---- content ---------------------------------------------------------------------

    def set(self, path: str, route: Route) -> Route:
        with self.lock:
            self.routes[path] = route
        return route

    def article(self, path: str, text: str, *, title: str = "", published: date | None = date(2024, 3, 12),
                comments: str = "") -> Route:
        """An HTML news page: headline, date, body paragraphs, optional reader comments."""
        title = title or text.split(",")[0][:70]
        self.pages[path] = (title, text, published)
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n"))
        when = f'<meta property="article:published_time" content="{published.isoformat()}">' if published else ""
        extra = (f'<section class="comments"><h3>Comments</h3><p>{html.escape(comments)}</p></section>'
                 if comments else "")
        page = (f"<!DOCTYPE html><html lang=\"en\"><head><title>{html.escape(title)}</title>{when}</head><body>"
                f"<nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav>"
                f"<article><h1>{html.escape(title)}</h1>{paras}</article>{extra}"
                f"<footer>Copyright The Local Monitor</footer></body></html>")
        return self.set(path, Route(body=page.encode("utf-8")))

    def rss(self, path: str, paths: list[str], *, title: str = "Local Monitor") -> Route:
        items = []
        for p in paths:
            t, _, pub = self.pages.get(p, ("", "", None))
            when = f"<pubDate>{format_datetime(datetime(pub.year, pub.month, pub.day, 8, tzinfo=UTC))}</pubDate>" \
                if pub else ""
            items.append(f"<item><title>{html.escape(t)}</title><link>{html.escape(self.url(p))}</link>"
                         f"<guid>{html.escape(self.url(p))}</guid>{when}</item>")
        body = (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
                f"<link>{self.base}/</link><description>news</description>{''.join(items)}</channel></rss>")
        return self.set(path, Route(body=body.encode("utf-8"), content_type="application/rss+xml"))

    def atom(self, path: str, paths: list[str]) -> Route:
        entries = "".join(
            f'<entry><title>{html.escape(self.pages.get(p, ("",))[0])}</title><link href="{p}"/>'
            f"<id>{html.escape(self.url(p))}</id><updated>2024-03-12T08:00:00Z</updated></entry>" for p in paths)
        body = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
                f'xml:base="{self.base}/"><title>Atom desk</title><id>{self.base}/</id>'
                f"<updated>2024-03-12T08:00:00Z</updated>{entries}</feed>")
        return self.set(path, Route(body=body.encode("utf-8"), content_type="application/atom+xml"))

    def sitemap(self, path: str, paths: list[str], *, gz: bool = False) -> Route:
        urls = "".join(f"<url><loc>{html.escape(self.url(p))}</loc><lastmod>2024-03-12</lastmod></url>"
                       for p in paths)
        body = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{urls}</urlset>").encode("utf-8")
        return self.set(path, Route(body=gzip.compress(body) if gz else body, content_type="application/xml"))

    # ---- serving ---------------------------------------------------------------------

    def _serve(self, h: BaseHTTPRequestHandler, method: str) -> None:
        path = h.path.split("#")[0]
        with self.lock:
            self.hits.append((time.monotonic(), method, path, dict(h.headers)))
            route = self.routes.get(path) or self.routes.get(path.split("?")[0])
            injected = route.fail.popleft() if route is not None and route.fail else self.chaos.pick(path)
        if route is None:
            h._answer(404, b"not found", "text/plain")
            return
        if injected == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            h.close_connection = True
            h.connection.close()
            return
        delay = route.delay + (self.chaos.slow if injected == "slow" else 0.0)
        if delay:
            time.sleep(delay)
        if isinstance(injected, int):
            extra = {"Retry-After": "0"} if injected == 429 else {}
            h._answer(injected, b"unavailable", "text/plain", extra)
            return
        if route.redirect:
            h._answer(route.status if route.status in (301, 302, 307, 308) else 301, b"", "text/plain",
                      {"Location": route.redirect})
            return
        body = route.body
        if injected == "malformed":
            body = body[: len(body) // 3] + b"<<<&&& not xml"
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if route.status == 200 and h.headers.get("If-None-Match") == etag:
            h._answer(304, b"", route.content_type, {"ETag": etag})
            return
        if route.status == 200 and injected is None:
            with self.lock:
                self.served[path] = self.served.get(path, 0) + 1
        h._answer(route.status, body, route.content_type, {"ETag": etag, **route.headers})
