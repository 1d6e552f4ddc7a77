"""A live server on 127.0.0.1 over stores built for the page, and Debian's chromium.

The tests here are marked ``browser``; they run with the rest of ``make test`` whenever
/usr/bin/chromium exists and are skipped, saying so, only where it does not.
"""
from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from page_store import build_many_events

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-artifacts" / "browser"
SEEDS = ROOT / "samples" / "seeds"

# Small articles the real pipeline turns into three events; "xss" carries markup that
# must reach the page as text.
ARTICLES = [
    {"id": "raqqa-a", "title": "Strikes on Raqqa", "published": "2015-11-18", "source": "Outlet A",
     "url": "https://news.example.org/raqqa-a",
     "text": "Russian warplanes struck the Syrian city of Raqqa on Tuesday, killing 12 civilians, the Syrian "
             "Observatory for Human Rights said.\n\nThe monitor said the strikes hit the centre of the city."},
    {"id": "raqqa-b", "title": "Raqqa hit again", "published": "2015-11-18", "source": "Outlet B",
     "text": "Russian warplanes struck Raqqa in Syria on Tuesday, killing 14 civilians, activists said.\n\n"
             "Residents fled the city."},
    {"id": "xss", "title": "<img src=x onerror=\"window.__xss='title'\">Clash near Resafa", "published": "2021-01-22",
     "source": "<b>Outlet X</b>", "url": "javascript:window.__xss='url'",
     "text": "Islamic State militants attacked Syrian army positions near Resafa in Raqqa province on Thursday, "
             "killing two soldiers <script>window.__xss='script'</script><img src=x onerror=\"window.__xss='img'\">."
             "\n\nThe army said it repelled the attack."},
    {"id": "paris", "title": "Attacks in Paris", "published": "2015-11-14", "source": "Outlet C",
     "text": "On Friday, gunmen and suicide bombers attacked several places in Paris, France, killing 129 people."},
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(
                    reason=f"Debian's chromium is not installed at {CHROMIUM}: `apt-get install -y chromium` "
                           "(or `make chromium`) to run the browser tests"))


class LiveServer:
    """uvicorn in a thread, bound to 127.0.0.1 on a free port."""

    def __init__(self, db: Path) -> None:
        import uvicorn

        from eventsift.server.app import ServerSettings, create_app

        app = create_app(ServerSettings(db=db, allowed_hosts=("127.0.0.1", "localhost")))
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def article_store(tmp_path_factory) -> Path:
    """The small articles above, through the real pipeline (`eventsift run`)."""
    from click.testing import CliRunner

    from eventsift.cli import cli

    folder = tmp_path_factory.mktemp("page")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "page.duckdb"
    result = CliRunner().invoke(cli, ["run", str(src), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def big_store(tmp_path_factory) -> Path:
    """3,000 events spread over a region and two years, written with the real Store."""
    return build_many_events(tmp_path_factory.mktemp("big") / "big.duckdb", 3000)


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory) -> Path:
    """The bundled sample articles (samples/seeds and its manifest) through the real pipeline."""
    from click.testing import CliRunner

    from eventsift.cli import cli

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = CliRunner().invoke(cli, ["run", str(SEEDS), "--manifest", str(SEEDS / "manifest.jsonl"),
                                      "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def live_url(article_store) -> Iterator[str]:
    with LiveServer(article_store) as url:
        yield url


@pytest.fixture(scope="session")
def seed_url(seed_store) -> Iterator[str]:
    with LiveServer(seed_store) as url:
        yield url


@pytest.fixture(scope="session")
def big_url(big_store) -> Iterator[str]:
    with LiveServer(big_store) as url:
        yield url


@pytest.fixture
def serve_store():
    """``with serve_store(db) as url:`` a live server over another store."""
    return LiveServer


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A fresh browser context (own localStorage) with console errors collected."""

    def __init__(self, browser, *, last_visit: str | None = None) -> None:
        self.context = browser.new_context(viewport={"width": 1400, "height": 860})
        if last_visit is not None:
            # runs in every page of the context: only the first finds no visit recorded
            self.context.add_init_script("if (!localStorage.getItem('eventsift.lastVisit')) "
                                         f"localStorage.setItem('eventsift.lastVisit', {json.dumps(last_visit)});")
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}") if m.type == "error" else None)
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.external: list[str] = []
        self.page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:"))
                     else self.external.append(r.url))

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready='1']", timeout=30_000)
        return self.page

    def shot(self, name: str) -> Path:
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page_factory(browser):
    made: list[Page] = []

    def make(**kw) -> Page:
        p = Page(browser, **kw)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()
