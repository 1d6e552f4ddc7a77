"""Reader comment sections are cut by their shape; articles with short lines are not."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventsift.ingest import find_comment_section, read_file, strip_comments
from eventsift.model import Article

FIXTURES = Path(__file__).parent.parent / "fixtures" / "ingest"

# fixture -> the last words the article body must end with
COMMENT_PAGES = {
    "comments_header_count.txt": "did not respond to a request for comment.",
    "comments_stamp_reply.txt": "according to a local monitoring group.",
    "comments_disqus.txt": "has not commented publicly on the loss of the villages.",
    "comments_bare_names.txt": "according to local media reports.",
}
ARTICLES = ["article_captions.txt", "article_subheads.txt", "article_liveblog.txt", "article_short_quotes.txt"]


def article(name: str) -> Article:
    (a,) = read_file(FIXTURES / name)
    assert isinstance(a, Article), a
    return a


@pytest.mark.parametrize("name, ending", COMMENT_PAGES.items())
def test_ingest_comments_section_is_cut(name, ending):
    a = article(name)
    assert a.text.endswith(ending), a.text[-200:]


@pytest.mark.parametrize("name", ARTICLES)
def test_ingest_comments_article_with_short_lines_is_kept(name):
    raw = (FIXTURES / name).read_text(encoding="utf-8")
    a = article(name)
    last_line = raw.strip().splitlines()[-1]
    assert a.text.endswith(last_line)
    assert find_comment_section(a.text) is None


def test_ingest_comments_can_be_kept(tmp_path):
    (a,) = read_file(FIXTURES / "comments_disqus.txt", remove_comments=False)
    assert a.text.endswith("Load more comments")


def test_ingest_comments_short_or_plain_text_is_untouched():
    assert strip_comments("") == ""
    assert strip_comments("One line.\n\nComments") == "One line.\n\nComments"
    text = "Para one is here.\n\nReply\n\nPara two."
    assert strip_comments(text) == text
