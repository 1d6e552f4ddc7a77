"""Web pages through trafilatura: main text, metadata, no comments, any encoding."""
from __future__ import annotations

from datetime import date

from eventsift.ingest import read_file
from eventsift.model import Article

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Strike hits Raqqa - Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2015-11-17T09:00:00Z">
<link rel="canonical" href="https://news.example.com/raqqa-strike"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Strike hits Raqqa</h1>
<p>Russian jets struck Raqqa on Tuesday, killing twelve people, the Syrian Observatory for Human Rights said in a statement.</p>
<p>The monitor said the strikes hit several buildings in the city centre and on the outskirts, and that the toll was likely to rise.</p>
</article>
<section id="comments" class="comments"><h3>2 Comments</h3>
<div class="comment"><span class="author">troll99</span><p>lol fake news, you guys believe anything</p></div>
</section><footer>Copyright 2015 Example News</footer></body></html>"""


def one(path) -> Article:
    (item,) = list(read_file(path))
    assert isinstance(item, Article), item
    return item


def test_ingest_html_main_text_and_metadata(tmp_path):
    p = tmp_path / "raqqa.html"
    p.write_text(PAGE, encoding="utf-8")
    a = one(p)
    assert a.id == "raqqa"
    assert a.title == "Strike hits Raqqa"
    assert a.text.startswith("Russian jets struck Raqqa on Tuesday")
    assert "the toll was likely to rise" in a.text
    assert "lol" not in a.text and "Home" not in a.text and "Copyright" not in a.text
    assert a.source == "Example News"
    assert a.url == "https://news.example.com/raqqa-strike"
    assert a.published == date(2015, 11, 17)


def test_ingest_html_windows_1256_arabic(tmp_path):
    sentence = "قصفت طائرات حربية مدينة الرقة يوم الثلاثاء وقتلت اثني عشر شخصا حسب المرصد السوري. "
    page = (f'<html lang="ar"><head><title>غارات على الرقة</title></head><body><article>'
            f"<p>{sentence * 3}</p><p>{sentence * 2}</p></article></body></html>")
    p = tmp_path / "ar.htm"
    p.write_bytes(page.encode("windows-1256"))  # no charset declared: must be detected
    a = one(p)
    assert "الرقة" in a.text
    assert a.language == "ar"


def test_ingest_html_saved_as_txt_is_read_as_html(tmp_path):
    p = tmp_path / "saved.txt"
    p.write_text(PAGE, encoding="utf-8")
    a = one(p)
    assert a.title == "Strike hits Raqqa" and "<p>" not in a.text
