"""kg show pages opened in a real headless Chromium (Debian's chromium, driven by Playwright).

No browser is downloaded: the tests use /usr/bin/chromium (or $KG_CHROMIUM) and fail with a
clear message when it is missing. Screenshots land in test-artifacts/ (git-ignored).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kg.viz import ShowOptions, select_view, write
from kg.viz.synthetic import PAYLOADS, memory_store, sample_triples

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
INJECTED = """() => ({
  title: document.title,
  imgs: document.querySelectorAll("img").length,
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll("*")].filter(
      e => [...e.attributes].some(a => a.name.startsWith("on"))).length,
})"""


@pytest.fixture(scope="module")
def browser():
    exe = os.environ.get("KG_CHROMIUM") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else shutil.which("chromium") or "/usr/bin/chromium"
    )
    if not Path(exe).is_file():
        pytest.fail(f"the browser tests need headless Chromium at {exe}: run `apt-get install -y "
                    "chromium` (Debian) or point $KG_CHROMIUM at a Chromium binary", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need the Python package playwright (pip install playwright; "
                    "no `playwright install`: the system Chromium is used)", pytrace=False)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """One page opened with every request watched: only the file itself may be loaded."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._seen)
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_function("window.kg && window.kg.firstDrawMs !== null", timeout=60_000)
        self.title = self.page.title()

    def _allowed(self, url: str) -> bool:
        return url == self.url or url.startswith("data:")

    def _seen(self, request) -> None:
        if not self._allowed(request.url):
            self.outside.append(request.url)

    def _route(self, route) -> None:
        if self._allowed(route.request.url):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def search(self, text: str) -> str:
        """Type into the search box, press Enter, return the label of the focused node."""
        self.page.fill("#search", text)
        self.page.press("#search", "Enter")
        return self.js("window.kg.focused === null ? null : JSON.parse("
                       "document.getElementById('kg-data').textContent).nodeInfo[window.kg.focused][1]")

    def hover_node(self, index: int) -> None:
        point = self.js("i => window.kg.network.canvasToDOM(window.kg.network.getPosition(i))", index)
        box = self.page.locator("#graph").bounding_box()
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])

    def screenshot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / name
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory, browser):
    store = memory_store(sample_triples(payload=True))
    view = select_view(store.select)
    path = write(view, tmp_path_factory.mktemp("show") / "sample.html")
    visit = Visit(browser, path)
    yield view, visit
    visit.close()


def index_of(view, label: str) -> int:
    return next(i for i, n in enumerate(view.nodes) if n.label == label)


def test_loads_offline_without_errors(sample):
    view, visit = sample
    assert visit.errors == []
    assert visit.outside == []
    assert visit.js("window.kg.nodes.length") == len(view.nodes)
    assert visit.js("window.kg.edges.length") == len(view.edges)
    assert visit.js("window.kg.firstDrawMs") > 0
    assert visit.screenshot("show-sample.png").stat().st_size > 10_000


@pytest.mark.parametrize("query", ["国务院令第711号", "国务院令711号", "政府信息公开条例", "中华人民共和国政府信息公开条例"])
def test_search_finds_and_focuses_the_regulation(sample, query):
    view, visit = sample
    assert visit.search(query) == "政府信息公开条例"
    assert visit.js("window.kg.network.getSelectedNodes()") == [index_of(view, "政府信息公开条例")]
    assert "国务院令第711号" in visit.js("document.getElementById('panel').textContent")
    assert not visit.js("document.getElementById('panel').hidden")


def test_search_filters_by_kind(sample):
    view, visit = sample
    visit.page.select_option("#search-kind", "unit")
    visit.page.fill("#search", "办公室")
    shown = visit.js("[...document.querySelectorAll('#results .kind')].map(e => e.textContent)")
    assert shown == ["unit", "unit"]
    items = visit.js("window.kg.search('信息', 'item')")
    assert sorted(view.nodes[i].label for i in items) == ["信息公开年报", "机构信息", "领导信息", "领导信息"]
    visit.page.select_option("#search-kind", "")


def test_show_all_zooms_out_again(sample):
    view, visit = sample
    visit.search("国务院令第711号")
    visit.js("() => window.kg.network.moveTo({scale: 3})")
    visit.page.click("#fit")
    assert visit.js("window.kg.network.getScale()") < 3


def test_legend_hides_a_kind(sample):
    view, visit = sample
    items = sum(1 for n in view.nodes if n.kind == "item")
    visit.page.uncheck(".kind-filter[value=item]")
    assert visit.js("window.kg.nodes.get({filter: n => n.hidden === true}).length") == items
    visit.page.check(".kind-filter[value=item]")
    assert visit.js("window.kg.nodes.get({filter: n => n.hidden === true}).length") == 0


def test_tooltip_shows_statute_words_and_source(sample):
    view, visit = sample
    visit.hover_node(index_of(view, "(2)"))
    visit.page.wait_for_selector("#tip:not([hidden])")
    tip = visit.js("document.getElementById('tip').textContent")
    assert "政府信息公开条例 第20条 (2)" in tip and "机关职能" in tip
    visit.hover_node(index_of(view, "政府采购"))
    visit.page.wait_for_function("document.getElementById('tip').textContent.includes('hengyang-hrss.txt:9')")


def test_edge_tooltip_shows_the_quoted_words(sample):
    view, visit = sample
    edge = next(i for i, e in enumerate(view.edges)
                if e.kind == "basis" and e.source.endswith("/item/政府采购"))
    ends = visit.js("i => { const e = window.kg.edges.get(i), n = window.kg.network;"
                    " return [n.canvasToDOM(n.getPosition(e.from)), n.canvasToDOM(n.getPosition(e.to))]; }", edge)
    box = visit.page.locator("#graph").bounding_box()
    visit.page.mouse.move(box["x"] + 1, box["y"] + 1)
    visit.page.mouse.move(box["x"] + (ends[0]["x"] + ends[1]["x"]) / 2, box["y"] + (ends[0]["y"] + ends[1]["y"]) / 2)
    visit.page.wait_for_function("document.getElementById('tip').textContent.includes('quoted words')")
    tip = visit.js("document.getElementById('tip').textContent")
    assert "政府采购引用的条文" in tip and "hengyang-hrss.txt:9" in tip and "basis" in tip


def test_payloads_stay_text(sample):
    view, visit = sample
    before = visit.js(INJECTED)
    payload = index_of(view, PAYLOADS[0])
    visit.hover_node(payload)
    visit.page.wait_for_selector("#tip:not([hidden])")
    assert PAYLOADS[1] in visit.js("document.getElementById('tip').textContent")
    visit.js("i => window.kg.focusNode(i)", payload)
    assert PAYLOADS[0] in visit.js("document.getElementById('panel').textContent")
    visit.page.fill("#search", "onerror")
    assert PAYLOADS[0] in visit.js("document.getElementById('results').textContent")
    visit.page.wait_for_timeout(200)  # an injected onerror would fire by now
    after = visit.js(INJECTED)
    assert after == before == {"title": "kg show", "imgs": 0, "scripts": 3, "handlers": 0}
    assert visit.errors == [] and visit.outside == []
    visit.screenshot("show-payload.png")


def test_payload_catalog_through_the_pipeline(tmp_path, browser):
    from kg.pipeline import build

    rows = [
        "测试局 政府信息公开事项目录",
        "公开主体：测试局",
        "事项类别\t事项名称\t公开内容\t公开依据\t条款内容\t公开渠道\t公开时限\t公开方式\t公开责任",
        f"机构职能信息\t{PAYLOADS[0]}\t{PAYLOADS[1]}\t《中华人民共和国政府信息公开条例》（国务院令711号）\t"
        "第二十条（二）\t政府网站\t20个工作日\t主动公开\t办公室",
        f"机构职能信息\t{PAYLOADS[1]}\t{PAYLOADS[0]}\t《中华人民共和国政府信息公开条例》（国务院令711号）\t"
        "\t政府网站\t20个工作日\t主动公开\t办公室",
    ]
    catalog = tmp_path / "payload.tsv"
    catalog.write_text("\n".join(rows) + "\n", encoding="utf-8")
    build([catalog], store=tmp_path / "store")
    from kg.rdf.store import Store

    view = select_view(Store.open(tmp_path / "store").select)
    names = {n.label for n in view.nodes if n.kind == "item"}
    assert set(PAYLOADS) <= names  # the payloads reached the page as item names
    visit = Visit(browser, write(view, tmp_path / "payload.html"))
    try:
        for i, node in enumerate(view.nodes):
            if node.kind == "item":
                visit.hover_node(i)
                visit.js("i => window.kg.focusNode(i)", i)
        visit.page.wait_for_timeout(200)
        assert visit.js(INJECTED) == {"title": "kg show", "imgs": 0, "scripts": 3, "handlers": 0}
        assert visit.errors == [] and visit.outside == []
    finally:
        visit.close()


def test_bundled_graph(tmp_path, browser, bundled_store_with_statutes):
    from click.testing import CliRunner

    from kg.cli.main import cli

    out = tmp_path / "graph.html"
    result = CliRunner().invoke(cli, ["show", "--store", str(bundled_store_with_statutes), "-o", str(out)])
    assert result.exit_code == 0, result.output
    drawn = int(result.output.split(": ", 1)[1].split(" nodes")[0])
    visit = Visit(browser, out)
    try:
        assert visit.errors == [] and visit.outside == []
        assert visit.js("window.kg.nodes.length") == drawn
        assert visit.search("国务院令第711号") == "政府信息公开条例"
        visit.screenshot("show-bundled.png")
    finally:
        visit.close()


def test_focus_page(tmp_path, browser):
    store = memory_store(sample_triples())
    view = select_view(store.select, ShowOptions(focus="国务院令第711号:20", depth=1))
    visit = Visit(browser, write(view, tmp_path / "focus.html"))
    try:
        focus = index_of(view, "第20条")
        assert visit.js("window.kg.network.getSelectedNodes()") == [focus]
        assert visit.js("window.kg.nodes.length") == len(view.nodes)
    finally:
        visit.close()


def test_folded_page_says_what_was_folded(tmp_path, browser):
    store = memory_store(sample_triples())
    view = select_view(store.select, ShowOptions(max_nodes=12))
    visit = Visit(browser, write(view, tmp_path / "folded.html"))
    try:
        assert visit.js("window.kg.nodes.length") == len(view.nodes) <= 12
        notes = visit.js("document.getElementById('notes').textContent")
        assert "were folded into their 2 acts" in notes and "items were folded" in notes
        assert visit.js("window.kg.nodes.get().map(n => n.label)").count("政府信息公开条例 (+4)") == 1
        assert visit.errors == []
    finally:
        visit.close()
