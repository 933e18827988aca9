"""Random bytes and random tables: read_catalog returns a CatalogRead or raises KgError."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import KgError
from kg.ingest import read_catalog
from kg.ingest.columns import IGNORED, SYNONYMS
from kg.models import CatalogRead

HEADER_WORDS = [n for names in SYNONYMS.values() for n in names] + list(IGNORED)
CELL = st.one_of(
    st.sampled_from(HEADER_WORDS),
    st.text(max_size=12),
    st.sampled_from(["", " ", '"', "<td>", "公开主体：某局", "某局政府信息公开目录", "事项类别 甲"]),
)
ROWS = st.lists(
    st.one_of(st.lists(CELL, max_size=9), st.lists(CELL, min_size=6, max_size=6)), max_size=12
)
# A real header (shuffled, sometimes with a synonym) so that random rows reach the item code.
HEADER = st.one_of(
    st.just([]),
    st.permutations(["事项类别", "事项名称", "公开依据", "条款内容", "公开责任", "序号"]).map(list),
    st.lists(st.sampled_from(HEADER_WORDS), min_size=3, max_size=9).map(lambda h: ["名称", *h]),
)
TITLE = st.sampled_from([[], ["某局政府信息公开目录"], ["公开主体：某局"]])


def _check(data: bytes) -> CatalogRead | None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz"
        path.write_bytes(data)
        try:
            read = read_catalog(path)
        except KgError:
            return None
        assert isinstance(read, CatalogRead)
        assert all(item.ident for item in read.items)
        assert len({item.ident for item in read.items}) == len(read.items)
        return read


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    _check(data)


@settings(max_examples=200, deadline=None)
@given(
    TITLE,
    HEADER,
    ROWS,
    st.sampled_from(["\t", ",", " ", "</td><td>"]),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),
)
def test_random_tables(title, header, rows, sep, encoding, newline, as_html):
    lines = [sep.join(cells) for cells in [title, header, *rows]]
    if as_html:
        lines = ["<table>", *(f"<tr><td>{line}</td></tr>" for line in lines), "</table>"]
    text = newline.join(lines)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates from st.text
        return
    _check(data)
