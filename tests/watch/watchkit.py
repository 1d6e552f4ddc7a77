"""Shared test material for the watch tests: article texts, fast fetch settings, helpers."""
from __future__ import annotations

from eventsift.watch import FetchSettings, Source

# Short conflict-news paragraphs written for these tests.
DOUMA_1 = ("Government shelling killed 12 civilians in Douma on Tuesday, activists said. "
           "Residents said the shells hit a crowded market.")
DOUMA_2 = ("Government shelling killed 15 civilians in Douma on Tuesday, the Syrian Observatory for Human Rights "
           "said. Rescue workers were still searching the rubble.")
KANDAHAR = "A roadside bomb killed four soldiers near Kandahar on Monday, officials said."
LAGOS = "Police arrested 30 protesters in Lagos on Saturday, witnesses said."

# Timeouts and backoff scaled down so that no test waits for real minutes.
FAST = FetchSettings(timeout=0.3, retries=1, backoff=0.01, backoff_max=30.0, host_delay=0.0, max_attempts=3)


def feed(site, path: str, **kw) -> Source:
    """A Source for ``path`` on the local site, polled every cycle unless told otherwise."""
    return Source(url=site.url(path), interval=kw.pop("interval", 0.0), **kw)
