"""Property: a reader given arbitrary bytes yields Articles or IngestErrors, never raises."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventsift.errors import IngestError
from eventsift.ingest import read_file
from eventsift.model import Article

SHAPES = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda s: s.encode("utf-8")),
    st.lists(st.sampled_from(['{"id": 1, "text": "a"}', '{"text": 5}', "[", "{}", "a,b\n1", '"x"\t"y"',
                              "<html><p>hi</p>", "Reply", "Comments (3)", "", "ok.", "[1,2]"]),
             max_size=8).map(lambda xs: "\n".join(xs).encode("utf-8")),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=SHAPES, ext=st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv", ".tsv", ""]))
def test_ingest_readers_never_raise_on_arbitrary_bytes(data, ext):
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / f"f{ext}"
        p.write_bytes(data)
        for item in read_file(p):
            assert isinstance(item, (Article, IngestError))
            if isinstance(item, Article):
                assert item.text.strip() and item.id
