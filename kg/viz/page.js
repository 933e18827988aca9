// kg show page script. Catalog and statute text reaches the DOM only through textContent:
// never innerHTML, never vis-network's `title` (which vis renders as HTML).
(function () {
  "use strict";
  var timing = { scriptStart: performance.now() }; // ms since navigation start
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  timing.dataParsed = performance.now();
  var KIND_ORDER = ["act", "article", "paragraph", "point", "section", "unit", "agency", "item"];
  var TIP_LIMIT = 240; // characters of one field shown in a hover tooltip; the panel has all

  var container = document.getElementById("graph");
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  timing.dataSets = performance.now();
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  timing.network = performance.now();
  window.kg = { network: network, nodes: nodes, edges: edges, focused: null, firstDrawMs: null,
                timing: timing };
  network.once("afterDrawing", function () {
    window.kg.firstDrawMs = timing.firstDraw = performance.now();
    document.documentElement.setAttribute("data-drawn", "true");
  });
  if (DATA.focus.length) network.selectNodes(DATA.focus);

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function clip(text, limit) {
    return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
  }

  function details(info, limit) {
    var dl = el("dl");
    info.forEach(function (pair) {
      dl.appendChild(el("dt", pair[0]));
      dl.appendChild(el("dd", limit ? clip(pair[1], limit) : pair[1]));
    });
    return dl;
  }

  function nodeHeading(i) {
    var n = DATA.nodeInfo[i];
    return n[1] + "  (" + n[0] + ")";
  }

  function edgeHeading(i) {
    var e = DATA.edgeInfo[i], edge = DATA.edges[i];
    return DATA.nodeInfo[edge.from][1] + " → " + DATA.nodeInfo[edge.to][1] + "  (" + e[0] +
      (e[1] > 1 ? " ×" + e[1] : "") + ")";
  }

  // --- hover tooltip ---------------------------------------------------------------------
  var tip = document.getElementById("tip");
  function showTip(heading, info, pointer) {
    tip.replaceChildren(el("strong", heading), details(info, TIP_LIMIT));
    var box = container.getBoundingClientRect();
    tip.style.left = Math.min(box.left + pointer.x + 14, window.innerWidth - 360) + "px";
    tip.style.top = Math.min(box.top + pointer.y + 14, window.innerHeight - 120) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) { showTip(nodeHeading(p.node), DATA.nodeInfo[p.node][2], p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTip(edgeHeading(p.edge), DATA.edgeInfo[p.edge][2], p.pointer.DOM); });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("zoom", function () { tip.hidden = true; });

  // --- side panel: everything about the selected node, and its neighbours to walk to ------
  var panel = document.getElementById("panel");
  function closePanel() { panel.hidden = true; }
  function showNodePanel(i) {
    var close = el("button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", closePanel);
    var parts = [close, el("h2", nodeHeading(i)), details(DATA.nodeInfo[i][2], 0)];
    var linked = network.getConnectedNodes(i).slice().sort(function (a, b) { return a - b; });
    if (linked.length) {
      parts.push(el("h2", "Linked (" + linked.length + ")"));
      var list = el("ul");
      linked.slice(0, 80).forEach(function (j) {
        var b = el("button", DATA.nodeInfo[j][1] + " · " + DATA.nodeInfo[j][0]);
        b.type = "button";
        b.addEventListener("click", function () { focusNode(j); });
        var li = el("li");
        li.appendChild(b);
        list.appendChild(li);
      });
      parts.push(list);
    }
    panel.replaceChildren.apply(panel, parts);
    panel.hidden = false;
  }
  function showEdgePanel(i) {
    var close = el("button", "×", "close");
    close.type = "button";
    close.addEventListener("click", closePanel);
    panel.replaceChildren(close, el("h2", edgeHeading(i)), details(DATA.edgeInfo[i][2], 0));
    panel.hidden = false;
  }
  network.on("click", function (p) {
    if (p.nodes.length) showNodePanel(p.nodes[0]);
    else if (p.edges.length) showEdgePanel(p.edges[0]);
    else closePanel();
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closePanel(); });

  // --- kind filter -------------------------------------------------------------------------
  var hiddenKinds = {};
  function setKindVisible(kind, visible) {
    hiddenKinds[kind] = !visible;
    var updates = [];
    DATA.nodeInfo.forEach(function (n, i) { if (n[0] === kind) updates.push({ id: i, hidden: !visible }); });
    nodes.update(updates);
    document.querySelectorAll(".kind-filter").forEach(function (box) {
      if (box.value === kind) box.checked = visible;
    });
  }
  document.querySelectorAll(".kind-filter").forEach(function (box) {
    box.addEventListener("change", function () { setKindVisible(box.value, box.checked); });
  });

  // --- search --------------------------------------------------------------------------------
  // Spaces, title marks and 第 are ignored, so 国务院令711号 finds 国务院令第711号.
  function norm(text) {
    return String(text).toLowerCase().replace(/[\s《》〈〉“”"'「」()（）第]/g, "");
  }
  var haystacks = DATA.nodeInfo.map(function (n) {
    return [n[1]].concat(n[3]).map(norm);
  });

  function search(query, kind) {
    var q = norm(query);
    if (!q) return [];
    var found = [];
    haystacks.forEach(function (terms, i) {
      var info = DATA.nodeInfo[i];
      if (kind && info[0] !== kind) return;
      var best = 3;
      terms.forEach(function (t) {
        if (t === q) best = 0;
        else if (best > 1 && t.indexOf(q) === 0) best = 1;
        else if (best > 2 && t.indexOf(q) > 0) best = 2;
      });
      if (best < 3) found.push([best, KIND_ORDER.indexOf(info[0]), info[1].length, i]);
    });
    found.sort(function (a, b) {
      for (var k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
      return 0;
    });
    return found.map(function (f) { return f[3]; });
  }

  function focusNode(i) {
    var kind = DATA.nodeInfo[i][0];
    if (hiddenKinds[kind]) setKindVisible(kind, true);
    network.selectNodes([i]);
    network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: false });
    window.kg.focused = i;
    showNodePanel(i);
  }
  document.getElementById("fit").addEventListener("click", function () {
    network.fit({ animation: false });
  });
  window.kg.search = search;
  window.kg.focusNode = focusNode;

  var input = document.getElementById("search");
  var kindSelect = document.getElementById("search-kind");
  var results = document.getElementById("results");
  function showResults() {
    var found = search(input.value, kindSelect.value);
    results.replaceChildren();
    if (!input.value.trim()) { results.hidden = true; return found; }
    if (!found.length) results.appendChild(el("li", "No match"));
    found.slice(0, 30).forEach(function (i) {
      var b = el("button", DATA.nodeInfo[i][1]);
      b.type = "button";
      b.appendChild(el("span", DATA.nodeInfo[i][0], "kind"));
      b.addEventListener("click", function () { results.hidden = true; focusNode(i); });
      var li = el("li");
      li.appendChild(b);
      results.appendChild(li);
    });
    if (found.length > 30) results.appendChild(el("li", "… " + (found.length - 30) + " more"));
    results.hidden = false;
    return found;
  }
  input.addEventListener("input", showResults);
  kindSelect.addEventListener("change", showResults);
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var found = showResults();
    if (found.length) { results.hidden = true; focusNode(found[0]); }
  });
})();
