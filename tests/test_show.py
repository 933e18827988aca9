"""kg show without a browser: selection, focus, folding, layout, the page's safety, the CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import NotFoundError
from kg.models import Pinpoint
from kg.viz import ShowOptions, render, select_view
from kg.viz.fetch import sparql_iri, sparql_literal
from kg.viz.layout import layout
from kg.viz.names import parse_article
from kg.viz.page import script_json
from kg.viz.synthetic import PAYLOADS, memory_store, sample_triples, synthetic_triples

REG = "https://w3id.org/kg-disclosure/id/act/政府信息公开条例/2019-04-03"


@pytest.fixture(scope="module")
def store():
    return memory_store(sample_triples(payload=True))


@pytest.fixture(scope="module")
def view(store):
    return select_view(store.select)


def labels(view) -> list[str]:
    return sorted(n.label for n in view.nodes)


# --- SPARQL terms from user text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("政府信息公开条例", '"政府信息公开条例"'),
        ('a" } ; DROP ALL ; #', '"a\\" } ; DROP ALL ; #"'),
        ("back\\slash", '"back\\\\slash"'),
        ("two\nlines\r", '"two\\nlines\\r"'),
    ],
)
def test_sparql_literal_escapes(text, expected):
    assert sparql_literal(text) == expected


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        ("https://x/act/条例/2019", "<https://x/act/条例/2019>"),
        ("https://x/a> } DROP ALL {<b", "<https://x/a%3E%20%7D%20DROP%20ALL%20%7B%3Cb>"),
    ],
)
def test_sparql_iri_cannot_end_early(iri, expected):
    assert sparql_iri(iri) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20", Pinpoint(article=20)),
        ("第20条", Pinpoint(article=20)),
        ("第二十条", Pinpoint(article=20)),
        ("20.3", Pinpoint(article=20, paragraph=3)),
        ("第二十条第二款", Pinpoint(article=20, paragraph=2)),
    ],
)
def test_parse_article(text, expected):
    assert parse_article(text).path()[: len(expected.path())] == expected.path()


def test_parse_article_rejects_words():
    with pytest.raises(NotFoundError):
        parse_article("总则")


# --- what is drawn --------------------------------------------------------------------------


def test_whole_graph_kinds(view):
    kinds = Counter(n.kind for n in view.nodes)
    assert kinds == {"item": 7, "unit": 4, "agency": 2, "act": 3, "article": 3, "point": 2}
    edge_kinds = Counter(e.kind for e in view.edges)
    assert edge_kinds["basis"] == 9
    assert edge_kinds["responsibility"] == 6
    assert edge_kinds["agency"] == 1  # the item without a unit hangs on its agency
    assert edge_kinds["promulgates"] == 1
    assert edge_kinds["part of"] == 5
    assert edge_kinds["unit of"] == 4
    assert not view.notes


def test_old_version_not_cited_is_not_drawn(view):
    assert REG + "/../2007-04-05" not in {n.id for n in view.nodes}
    assert sum(1 for n in view.nodes if n.label == "政府信息公开条例") == 1


def test_short_labels_and_tooltips(view):
    by_label = {n.label: n for n in view.nodes}
    assert {"第19条", "第20条", "(2)", "(9)", "政府信息公开条例", "法规信访股"} <= set(by_label)
    point = dict(by_label["(2)"].info)
    assert point["place"] == "政府信息公开条例 第20条 (2)"
    assert point["statute words"].startswith("机关职能")
    act = dict(by_label["政府信息公开条例"].info)
    assert act["act"] == "中华人民共和国政府信息公开条例"
    assert act["number"] == "国务院令第711号"
    item = dict(next(n for n in view.nodes if n.id.endswith("/item/政府采购")).info)
    assert item["source"] == "hengyang-hrss.txt:9"
    unit = dict(by_label["法规信访股"].info)
    assert unit["also written"] == "审批服务股"


def test_basis_edges_carry_quotes(view):
    edge = next(e for e in view.edges if e.kind == "basis" and e.source.endswith("/item/政府采购"))
    info = dict(edge.info)
    assert info["quoted words"] == "政府采购引用的条文"
    assert info["source"] == "hengyang-hrss.txt:9"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (ShowOptions(focus="国务院令第711号:第二十条", depth=1),
         ["(2)", "(9)", "政府信息公开条例", "政府采购", "机构信息", "第20条", "领导信息", "领导信息"]),
        (ShowOptions(focus="国务院令711号：20", depth=1),
         ["(2)", "(9)", "政府信息公开条例", "政府采购", "机构信息", "第20条", "领导信息", "领导信息"]),
        (ShowOptions(focus="国务院令第711号第十九条", depth=0), ["第19条", "政府信息公开条例"]),
        (ShowOptions(focus="《政府信息公开条例》第二十条第（二）项", depth=1),
         ["(2)", "第20条", "政府信息公开条例", "机构信息", "领导信息", "领导信息"]),
        (ShowOptions(focus="《就业补助资金管理办法》", depth=1),
         ["就业补助资金", "就业补助资金管理办法", "第24条", "关于印发《就业补助资金管理办法》的通知"]),
        (ShowOptions(focus="财社〔2017〕164号", depth=0),
         ["关于印发《就业补助资金管理办法》的通知"]),
        (ShowOptions(agency="湘乡市人力资源和社会保障局"),
         ["(2)", "办公室", "政府信息公开条例", "湘乡市人力资源和社会保障局", "第19条", "第20条", "领导信息"]),
        (ShowOptions(agency="衡阳市人力资源和社会保障局", unit="审批服务股"),
         ["(9)", PAYLOADS[0], "政府信息公开条例", "法规信访股", "衡阳市人力资源和社会保障局",
          "第19条", "第20条", "政府采购"]),
    ],
)
def test_focus_and_filters(store, options, expected):
    assert labels(select_view(store.select, options)) == sorted(expected)


def test_focus_prefers_the_cited_version(store):
    view = select_view(store.select, ShowOptions(focus="政府信息公开条例", depth=0))
    assert view.focus == (REG,)


@pytest.mark.parametrize(
    "options",
    [
        ShowOptions(focus="不存在的条例"),
        ShowOptions(focus="政府信息公开条例:第九十九条"),
        ShowOptions(agency="不存在的局"),
        ShowOptions(unit="不存在的股"),
        ShowOptions(focus='x" } } DELETE WHERE { ?s ?p ?o } #'),
        ShowOptions(agency="\\\" . ?x ?y ?z . FILTER(true) #\n"),
    ],
)
def test_unknown_names(store, options):
    with pytest.raises(NotFoundError):
        select_view(store.select, options)


def test_folds_articles_then_items_and_says_so(store):
    folded = select_view(store.select, ShowOptions(max_nodes=16))
    assert len(folded.nodes) <= 16
    assert not any(n.kind in ("article", "point") for n in folded.nodes)
    act = next(n for n in folded.nodes if n.id == REG)
    assert act.folded == 4 and act.label == "政府信息公开条例 (+4)"
    assert "folded into their 2 acts" in folded.notes[0]
    merged = [e for e in folded.edges if e.target == REG and e.source.endswith("湘乡市人力资源和社会保障局/item/领导信息")]
    assert len(merged) == 1 and merged[0].count == 2
    fewer = select_view(store.select, ShowOptions(max_nodes=10))
    assert len(fewer.nodes) <= 10 and not any(n.kind == "item" for n in fewer.nodes)
    assert "7 items were folded" in fewer.notes[1]


def test_empty_store_says_so():
    from kg.rdf.store import Store

    view = select_view(Store.memory().select)
    assert view.nodes == () and "Nothing to draw" in view.notes[0]
    assert "Nothing to draw" in render(view)


def test_trims_to_the_nearest_when_folding_is_not_enough(store):
    view = select_view(store.select, ShowOptions(focus="政府信息公开条例:20", depth=3, max_nodes=6))
    assert len(view.nodes) == 6
    assert REG + "/art/20" in {n.id for n in view.nodes}
    assert "Showing the 6 nearest the focus" in view.notes[-1]


# --- layout and page -------------------------------------------------------------------------


def test_layout_places_every_node_apart(view):
    pos = layout(list(view.nodes), list(view.edges))
    assert set(pos) == {n.id for n in view.nodes}
    assert all(isinstance(x, int) and isinstance(y, int) for x, y in pos.values())
    assert len(set(pos.values())) == len(pos)


def test_page_is_deterministic_across_processes(tmp_path):
    code = (
        "import sys; from kg.viz import select_view, render; "
        "from kg.viz.synthetic import memory_store, synthetic_triples; "
        "s = memory_store(synthetic_triples(150)); "
        "sys.stdout.write(__import__('hashlib').sha256(render(select_view(s.select)).encode()).hexdigest())"
    )
    digests = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
               for _ in range(2)}
    assert len(digests) == 1


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script" and not dict(attrs).get("type")

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)

    def handle_endtag(self, tag):
        self._in_script = False


@pytest.fixture(scope="module")
def page(view) -> str:
    return render(view)


def test_page_is_self_contained(page):
    parsed = _Tags()
    parsed.feed(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs, tag
        assert tag != "link"
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    assert not re.search(r"""(src|href)\s*=\s*["']?https?:""", page)
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "bootstrap" not in page.lower()


def test_csp_allows_exactly_the_page_scripts(page):
    parsed = _Tags()
    parsed.feed(page)
    csp = next(a["content"] for t, a in parsed.tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp
    hashes = set(re.findall(r"'sha256-[^']+'", csp))
    assert len(parsed.scripts) == 2
    for script in parsed.scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in hashes


def test_catalog_text_never_becomes_markup(page):
    for payload in PAYLOADS:
        assert payload not in page
    assert "<img" not in page
    parsed = _Tags()
    parsed.feed(page)
    assert [t for t, _ in parsed.tags].count("script") == 3  # vis-network, data, page script
    data = page.split('<script id="kg-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    decoded = json.loads(data)
    texts = json.dumps(decoded, ensure_ascii=False)
    assert all(p in texts for p in PAYLOADS)  # still there as text, for textContent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("</script><script>alert(1)</script>", '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"'),
        ("a&b", '"a\\u0026b"'),
        ("\u2028", '"\\u2028"'),
    ],
)
def test_script_json(value, expected):
    assert script_json(value) == expected
    assert json.loads(script_json(value)) == value


def test_large_view_is_capped():
    store = memory_store(synthetic_triples(3000))
    view = select_view(store.select, ShowOptions(max_nodes=3000))
    assert len(view.nodes) <= 3000
    assert view.notes
    data = json.loads(render(view).split('type="application/json">', 1)[1].split("</script>", 1)[0])
    assert len(data["nodes"]) == len(view.nodes)
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["edges"]["smooth"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    assert data["options"]["interaction"]["hideEdgesOnDrag"] is True


# --- CLI -------------------------------------------------------------------------------------


def test_cli_writes_the_page(tmp_path, monkeypatch, store):
    from kg.cli import show as show_cli
    from kg.cli.main import cli

    monkeypatch.setattr(show_cli, "open_select", lambda path: store.select)
    out = tmp_path / "g.html"
    result = CliRunner().invoke(cli, ["show", "--focus", "政府信息公开条例", "--store", str(tmp_path), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}: ")
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "不存在的条例"], 9, "no act is called"),
        (["--unit", "不存在的股"], 9, "no unit is called"),
    ],
)
def test_cli_errors_are_one_line(tmp_path, monkeypatch, store, args, code, message):
    from kg.cli import show as show_cli
    from kg.cli.main import cli

    monkeypatch.setattr(show_cli, "open_select", lambda path: store.select)
    result = CliRunner().invoke(cli, ["show", *args, "-o", str(tmp_path / "g.html")])
    assert result.exit_code == code
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "g.html").exists()


def test_cli_without_a_store(tmp_path):
    from kg.cli.main import cli

    result = CliRunner().invoke(cli, ["show", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "g.html")])
    assert result.exit_code == 5
    assert "kg build" in result.output


def test_cli_on_the_bundled_build(tmp_path, bundled_store):
    from kg.cli.main import cli

    out = tmp_path / "g.html"
    result = CliRunner().invoke(cli, ["show", "--store", str(bundled_store), "-o", str(out)])
    assert result.exit_code == 0, result.output
    nodes = int(re.search(r": (\d+) nodes", result.output).group(1))
    assert nodes > 100
    again = tmp_path / "again.html"
    CliRunner().invoke(cli, ["show", "--store", str(bundled_store), "-o", str(again)])
    assert out.read_bytes() == again.read_bytes()
    assert "国务院令第711号" in out.read_text(encoding="utf-8")


def test_help_ends_with_an_example():
    from kg.cli.show import command

    assert command.help.rstrip().splitlines()[-1].strip().startswith("Example: kg show")


def test_docs_exist():
    assert (Path(__file__).resolve().parents[1] / "docs" / "show.md").is_file()
