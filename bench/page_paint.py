"""Time to first paint of the web page over a store of many events.

    python bench/page_paint.py [--events 5000] [--loads 3] [--json paint.json]

Builds a store of ``--events`` synthetic events (the generator of the browser tests:
real ``Mention``/``Event`` records written with the real Store), serves it with
``eventsift serve`` (uvicorn) on 127.0.0.1, and loads the page ``--loads`` times in
headless chromium through Playwright, each time in a fresh browser context (empty
cache and localStorage). Per load it reads first paint and first contentful paint
from ``performance.getEntriesByType('paint')``, and, from a check on every animation
frame, when the first marker or cluster is on the map, when the event list has its
rows, and when the page says it is ready (all events loaded). Times are milliseconds
since navigation start; the closing line gives the median of each.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from page_store import build_many_events  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Checked on every frame from the start of the document: the first frame in which each holds.
WATCH = """
window.__paint = {};
(function tick() {
  const t = performance.now(), m = window.__paint;
  if (m.markers === undefined && document.querySelector('.ev-marker, .ev-cluster')) m.markers = t;
  if (m.list === undefined && document.querySelector('#event-list li')) m.list = t;
  if (m.ready === undefined && document.body && document.body.dataset.ready === '1') m.ready = t;
  if (m.ready === undefined || m.markers === undefined || m.list === undefined) requestAnimationFrame(tick);
})();
"""
FIELDS = ["first-paint", "first-contentful-paint", "markers", "list", "ready"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "eventsift", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api/meta", timeout=2).close()
            return proc, url
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit(f"the server did not start (exit {proc.poll()})")
            time.sleep(0.1)


def load_once(browser, url: str, n_events: int) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1400, "height": 860})
    try:
        context.add_init_script(WATCH)
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        page.wait_for_function("() => window.__paint.markers !== undefined && window.__paint.list !== undefined"
                               " && window.__paint.ready !== undefined", timeout=60_000)
        shown = int(page.locator("body").get_attribute("data-markers"))
        if shown != n_events:
            raise SystemExit(f"the page shows {shown} markers, not {n_events}")
        got = page.evaluate("() => ({...window.__paint, paint: Object.fromEntries("
                            "performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]))})")
        return {"first-paint": got["paint"].get("first-paint", float("nan")),
                "first-contentful-paint": got["paint"].get("first-contentful-paint", float("nan")),
                "markers": got["markers"], "list": got["list"], "ready": got["ready"]}
    finally:
        context.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--loads", type=int, default=3)
    ap.add_argument("--json", type=Path, help="write the figures here too")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="page-paint-") as tmp:
        db = Path(tmp) / "events.duckdb"
        t0 = time.monotonic()
        build_many_events(db, args.events)
        print(f"store: {args.events} events built in {time.monotonic() - t0:.1f}s")
        proc, url = serve(db)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    runs = []
                    print(f"{'load':<6}" + "".join(f"{f:>24}" for f in FIELDS) + "   (ms since navigation start)")
                    for i in range(args.loads):
                        runs.append(load_once(browser, url, args.events))
                        print(f"{i + 1:<6}" + "".join(f"{runs[-1][f]:>24.0f}" for f in FIELDS))
                finally:
                    browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    medians = {f: statistics.median(r[f] for r in runs) for f in FIELDS}
    print(f"{'median':<6}" + "".join(f"{medians[f]:>24.0f}" for f in FIELDS))
    if args.json:
        args.json.write_text(json.dumps({"events": args.events, "loads": runs, "median": medians}, indent=2) + "\n")


if __name__ == "__main__":
    main()
