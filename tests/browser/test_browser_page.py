"""The page in a real browser, against a live server on 127.0.0.1."""
from __future__ import annotations

import time

from playwright.sync_api import expect


def _assert_clean(p) -> None:
    assert p.errors == [], p.errors
    assert p.dialogs == [], p.dialogs
    assert p.external == [], f"the page reached outside this server: {p.external}"


def test_browser_map_markers_open_the_event_panel_with_evidence(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    assert page.locator("body").get_attribute("data-markers") == "3"
    expect(page.locator("#event-list li")).to_have_count(3)
    # the offline basemap is drawn (a canvas of country borders) and the page says when data changed
    expect(page.locator("#map canvas")).to_have_count(1)
    expect(page.locator("#updated")).to_contain_text("Data updated 20")
    expect(page.locator("#updated")).to_contain_text("3 events from 4 articles")

    marker = page.locator(".ev-marker[title*='Paris']")
    expect(marker).to_have_count(1)
    marker.click()
    panel = page.locator("#event-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_contain_text("Suicide bomb")
    expect(panel).to_contain_text("Paris")
    mark = panel.locator(".article-text mark.evidence")
    expect(mark).to_have_count(1)
    expect(mark).to_have_text("On Friday, gunmen and suicide bombers attacked several places in Paris, France, "
                              "killing 129 people.")
    assert mark.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 224, 102)"
    p.shot("event-panel.png")
    _assert_clean(p)


def test_browser_sources_that_disagree_show_a_badge(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    page.locator("#event-list li", has_text="Raqqah").click()
    badge = page.locator("#conflict-badge")
    expect(badge).to_be_visible()
    expect(badge).to_have_text("Sources disagree")
    expect(page.locator(".conflict")).to_contain_text("fatalities")
    expect(page.locator(".conflict")).to_contain_text("12")
    expect(page.locator(".conflict")).to_contain_text("14")
    expect(page.locator(".article-text mark.evidence")).to_have_count(2)    # one per article
    expect(page.locator(".sources a[href='https://news.example.org/raqqa-a']")).to_have_count(1)
    p.shot("conflict.png")
    _assert_clean(p)


def test_browser_markup_from_articles_is_shown_as_text(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    row = page.locator("#event-list li", has_text="Resafa")
    row.click()
    mark = page.locator(".article-text mark.evidence")
    expect(mark).to_have_count(1)
    expect(mark).to_contain_text("<script>window.__xss='script'</script>")
    expect(mark).to_contain_text("<img src=x onerror=\"window.__xss='img'\">")
    head = page.locator(".article-head")
    expect(head).to_have_text("<img src=x onerror=\"window.__xss='title'\">Clash near Resafa")
    expect(page.locator("#event-panel .sources")).to_contain_text("<b>Outlet X</b>")
    expect(page.locator("#event-panel .mention")).to_contain_text("<script>")
    page.wait_for_timeout(300)
    # nothing ran, nothing was parsed into elements, the javascript: URL is not a link
    assert page.evaluate("window.__xss") is None
    assert page.locator("#event-panel img, #event-panel script, #event-panel b").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    p.shot("xss-as-text.png")
    _assert_clean(p)


def test_browser_timeline_brush_filters_map_and_list(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    # the first tenth of the timeline covers late 2015 only: Paris and Raqqa, not Resafa (2021)
    page.mouse.move(box["x"] + 30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 30 + box["width"] * 0.05, y, steps=5)
    page.mouse.move(box["x"] + 30 + box["width"] * 0.1, y, steps=5)
    page.mouse.up()
    expect(page.locator("#event-list li")).to_have_count(2)
    expect(page.locator("body")).to_have_attribute("data-markers", "2")
    expect(page.locator("#brush-label")).to_contain_text("2015-11")
    assert "date_to=2016" in page.locator("#export-csv").get_attribute("href")
    expect(page.locator("#event-list")).not_to_contain_text("Resafa")
    p.shot("timeline-brush.png")
    page.locator("#brush-clear").click()
    expect(page.locator("#event-list li")).to_have_count(3)
    expect(page.locator("body")).to_have_attribute("data-markers", "3")
    _assert_clean(p)


def test_browser_filter_panel_asks_the_server(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    page.locator("#types input[value='battles']").check()
    expect(page.locator("#event-list li")).to_have_count(1)
    expect(page.locator("#event-list")).to_contain_text("Resafa")
    page.locator("#types input[value='battles']").uncheck()
    expect(page.locator("#event-list li")).to_have_count(3)
    page.fill("input[name=min_fatalities]", "100")
    page.click("#filters button[type=submit]")
    expect(page.locator("#event-list li")).to_have_count(1)
    expect(page.locator("#event-list")).to_contain_text("Paris")
    page.fill("input[name=min_fatalities]", "")
    page.fill("input[name=q]", "<script>")
    page.click("#filters button[type=submit]")
    expect(page.locator("#event-list li")).to_have_count(1)
    expect(page.locator("#event-list")).to_contain_text("Resafa")
    _assert_clean(p)


def test_browser_highlights_events_new_since_the_last_visit(live_url, page_factory):
    # a visitor who last came long ago sees everything as new ...
    p = page_factory(last_visit="2000-01-01T00:00:00Z")
    page = p.open(live_url)
    badge = page.locator("#new-badge")
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("3 new")
    expect(page.locator(".ev-marker.is-new")).not_to_have_count(0)
    expect(page.locator("#event-list .badge-new")).to_have_count(3)
    stored = page.evaluate("localStorage.getItem('eventsift.lastVisit')")
    assert stored > "2000-01-01"
    # ... and on the next visit (a new tab), nothing is new any more
    page2 = p.context.new_page()
    page2.goto(live_url)
    page2.wait_for_selector("body[data-ready='1']")
    expect(page2.locator("#new-badge")).to_be_hidden()
    expect(page2.locator("#event-list .badge-new")).to_have_count(0)
    _assert_clean(p)


def test_browser_first_visit_marks_nothing_new(live_url, page_factory):
    p = page_factory()
    page = p.open(live_url)
    expect(page.locator("#new-badge")).to_be_hidden()
    assert page.locator(".ev-marker.is-new").count() == 0
    _assert_clean(p)


def test_browser_thousands_of_events_stay_responsive(big_url, page_factory):
    p = page_factory()
    t0 = time.monotonic()
    page = p.open(big_url)
    loaded = time.monotonic() - t0
    assert page.locator("body").get_attribute("data-markers") == "3000"
    assert loaded < 20, f"3,000 events took {loaded:.1f}s to load"
    expect(page.locator("#list-title")).to_have_text("Events (3000)")
    assert page.locator("#event-list li").count() == 200      # the list renders in steps
    assert page.locator(".ev-marker, .ev-cluster").count() < 400  # clustered, not 3,000 nodes
    # the main thread answers quickly after loading: a brush re-filters in well under a second
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    t1 = time.monotonic()
    page.mouse.move(box["x"] + 40, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, y, steps=4)
    page.mouse.up()
    expect(page.locator("#brush-label")).to_contain_text("Period")
    count = int(page.locator("body").get_attribute("data-markers"))
    assert 0 < count < 3000
    assert time.monotonic() - t1 < 5
    page.locator(".ev-cluster").first.click()
    page.locator("#more").click()
    assert page.locator("#event-list li").count() == min(count, 400)
    p.shot("many-events.png")
    _assert_clean(p)


def test_browser_event_added_after_a_visit_is_marked_new(article_store, tmp_path, page_factory, serve_store):
    from datetime import date

    from eventsift.model import Article, Event, EventType, Evidence, Mention, Place, SubEventType, TimeSpan
    from eventsift.store import Store

    db = tmp_path / "copy.duckdb"
    db.write_bytes(article_store.read_bytes())
    with serve_store(db) as url:
        p = page_factory()
        page = p.open(url)                      # first visit: nothing is new
        expect(page.locator("#new-badge")).to_be_hidden()
        page.wait_for_timeout(50)
        text = "Protesters gathered in Idlib on Friday."
        art = Article(id="later", text=text, title="Idlib", source="Outlet L", published=date(2021, 2, 6),
                      content_hash="later")
        place = Place(name="Idlib", country="SY", lat=35.93, lon=36.63)
        m = Mention(article_id="later", event_type=EventType.PROTESTS, sub_event_type=SubEventType.PEACEFUL_PROTEST,
                    evidence=Evidence(sentence=text, start=0, end=len(text)),
                    date=TimeSpan(start=date(2021, 2, 5), end=date(2021, 2, 5)), location=place)
        with Store.open(db) as store:           # a run adds an event while the page is up
            store.add_article_results([(art, [m])])
            store.replace_events([Event(event_id="ev-later", event_type=m.event_type,
                                        sub_event_type=m.sub_event_type, mentions=(m,), date=m.date,
                                        location=place, sources=("Outlet L",))])
        page2 = p.context.new_page()            # the next visit
        page2.goto(url)
        page2.wait_for_selector("body[data-ready='1']")
        expect(page2.locator("#new-badge")).to_contain_text("1 new")
        expect(page2.locator("#event-list li")).to_have_count(4)
        expect(page2.locator("#event-list li", has_text="Idlib").locator(".badge-new")).to_have_count(1)
        expect(page2.locator("#event-list .badge-new")).to_have_count(1)
        # on the map: its own marker, or the cluster holding it, is highlighted, and nothing else
        expect(page2.locator(".ev-marker.is-new, .ev-cluster.has-new")).to_have_count(1)
        _assert_clean(p)


def test_browser_seed_articles_map_brush_and_evidence(seed_url, page_factory):
    """The bundled sample articles through the real pipeline, as `make demo` stores them."""
    p = page_factory()
    page = p.open(seed_url)
    total = page.locator("#event-list li").count()
    assert total >= 10, f"the samples gave only {total} events"
    markers = int(page.locator("body").get_attribute("data-markers"))
    assert 0 < markers <= total
    expect(page.locator(".ev-marker, .ev-cluster")).not_to_have_count(0)
    expect(page.locator("#list-title")).to_have_text(f"Events ({total})")

    # the samples run from September 2015 to January 2021: brushing the first tenth keeps 2015 only
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 30 + box["width"] * 0.05, y, steps=5)
    page.mouse.move(box["x"] + 30 + box["width"] * 0.1, y, steps=5)
    page.mouse.up()
    expect(page.locator("#brush-label")).to_contain_text("2015-")
    brushed = page.locator("#event-list li").count()
    assert 0 < brushed < total, (brushed, total)
    expect(page.locator("#event-list")).not_to_contain_text("2021")
    expect(page.locator("#list-title")).to_have_text(f"Events ({brushed})")
    assert int(page.locator("body").get_attribute("data-markers")) <= brushed
    page.locator("#brush-clear").click()
    expect(page.locator("#event-list li")).to_have_count(total)

    # opening the Paris attack shows its evidence highlighted in the article text
    page.locator("#event-list li", has_text="Paris").first.click()
    panel = page.locator("#event-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_contain_text("Suicide bomb")
    marks = panel.locator(".article-text mark.evidence")
    expect(marks).not_to_have_count(0)
    # every article of the event is loaded, and its evidence sits inside its text
    expect(panel.locator(".article-text", has_text="loading")).to_have_count(0)
    article = panel.locator(".article-text").filter(has=page.locator("mark.evidence")).first
    evidence = article.locator("mark.evidence").first.inner_text()
    assert len(evidence) > 20 and "Paris" in article.inner_text()
    assert evidence in article.inner_text() and article.inner_text() != evidence
    assert marks.first.evaluate("m => getComputedStyle(m).backgroundColor") == "rgb(255, 224, 102)"
    marks.first.scroll_into_view_if_needed()
    p.shot("seed-page.png")
    _assert_clean(p)
