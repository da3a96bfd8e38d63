/* kg graph page: search, neighbourhood, shortest path, filters, time range, timeline.
   Article text is untrusted: it is only ever written with textContent / value, never
   innerHTML, so a name holding an HTML tag with an onerror handler is shown as text and runs nothing.
   Every word shown comes from the page's data (DATA.i18n, filled from kg/lang/<lang>/ui.json
   with the keys this file asks for as T("key"); DATA.months from times.json). */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var net = window.network, nodesDS = window.nodes, edgesDS = window.edges;
  var $ = function (id) { return document.getElementById(id); };
  // Maps keyed by ids, names and types have no prototype: an id such as "__proto__" or
  // "constructor" (from the data or a crafted #node= fragment) is just a missing key.
  var dict = function () { return Object.create(null); };

  // ---- indexes -------------------------------------------------------------------
  var nodeById = dict(), edgeById = dict(), incident = dict(), rowsByFact = dict();
  DATA.nodes.forEach(function (n) { nodeById[n.id] = n; incident[n.id] = []; });
  DATA.edges.forEach(function (e) {
    edgeById[e.id] = e;
    incident[e.from].push(e.id);
    if (e.to !== e.from) incident[e.to].push(e.id);
  });
  DATA.timeline.forEach(function (r, i) {
    r.facts.forEach(function (f) { (rowsByFact[f] = rowsByFact[f] || []).push(i); });
  });
  var orig = { nodes: dict(), edges: dict() };
  nodesDS.get().forEach(function (n) { orig.nodes[n.id] = { color: n.color, font: n.font, borderWidth: n.borderWidth, label: n.label }; });
  edgesDS.get().forEach(function (e) { orig.edges[e.id] = { color: e.color, font: e.font, width: e.width, label: e.label, full: e.fullLabel }; });

  // ---- helpers -------------------------------------------------------------------
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function fold(s) { return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  // The UI string `key` with its {name} fields filled from `values` (inserted as text).
  function T(key, values) {
    var s = DATA.i18n[key];
    if (s === undefined) { console.error("kg: no UI string " + key); return key; }
    if (!values) return s;
    return s.replace(/\{(\w+)\}/g, function (m, name) { return name in values ? String(values[name]) : m; });
  }
  function field(label, value) { return T("common.label_value", { label: label, value: value }); }
  // A fact's source: the article's title, a link to its page (http/https only), its outlets.
  function sourceLine(docId) {
    var info = (DATA.docs || {})[docId] || {};
    var parts = field(T("common.source"), "\u0000").split("\u0000");
    var line = el("div", "kg-meta kg-doc", parts[0]);
    var name = el(info.url ? "a" : "span", "kg-src", info.title || docId);
    if (info.fullTitle && info.fullTitle !== info.title) name.title = info.fullTitle;
    if (info.url && /^https?:\/\//i.test(info.url)) {
      name.href = info.url;
      name.rel = "noopener noreferrer";
      name.target = "_blank";
    }
    line.appendChild(name);
    var outlets = (info.publishers || []).join(", ");
    line.appendChild(document.createTextNode((outlets ? " (" + outlets + ")" : "") + (parts[1] || "")));
    return line;
  }
  function modalityLabel(m) { return DATA.modalityLabels[m] || m; }
  function isUncertain(m) { return DATA.uncertain.indexOf(m) >= 0; }
  function range(start, end) { return T("common.range", { start: start, end: end }); }
  // Dates come in words from Python (kg.lang.terms.when_words): never a TIMEX code here.
  function dateText(x) { return x.when || T("common.undated"); }
  function typeLabel(t) { return DATA.typeLabels[t] || t; }
  function predicateLabel(p) { return DATA.predicateLabels[p] || p; }
  function docTitle(d) { return DATA.docs[d] ? DATA.docs[d].title : d; }
  function evidenceBlock(box, ev) {
    box.appendChild(el("blockquote", null, ev.text));
    (ev.details || []).forEach(function (p) { box.appendChild(el("div", "kg-meta", field(p[0], p[1]))); });
    box.appendChild(sourceLine(ev.doc));
  }
  function badge(modality) {
    var b = el("span", "kg-badge", modalityLabel(modality));
    if (modality === "negated") b.className += " kg-badge-negated";
    else if (isUncertain(modality)) b.className += " kg-badge-uncertain";
    return b;
  }

  // ---- filters ---------------------------------------------------------------------
  var F = { types: dict(), predicates: dict(), modalities: dict(), from: "", to: "", undated: true };
  // Entities no fact links are folded away when some are linked (counted in the status
  // line, brought back by the checkbox, or one by one when a search picks them).
  var isolated = DATA.nodes.filter(function (n) { return !incident[n.id].length; });
  F.isolated = isolated.length === DATA.nodes.length;
  var unfolded = dict();
  $("kg-isolated").checked = F.isolated;
  $("kg-isolated-count").textContent = String(isolated.length);
  $("kg-isolated").addEventListener("change", function () { F.isolated = this.checked; apply(); net.fit({ animation: false }); });
  function checkboxes(containerId, values, state, labelOf, countOf, decorate) {
    var box = $(containerId);
    values.forEach(function (v) {
      state[v] = true;
      var label = el("label");
      var input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.dataset.value = v;
      input.addEventListener("change", function () { state[v] = input.checked; apply(); });
      label.appendChild(input);
      if (decorate) label.appendChild(decorate(v));
      label.appendChild(el("span", "kg-name", labelOf(v)));
      label.appendChild(el("span", "kg-count", countOf(v)));
      box.appendChild(label);
    });
  }
  function counter(list, key) {
    var c = dict();
    list.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
    return function (v) { return c[v] || 0; };
  }
  // Coloured by community, a type's swatch is grey: its shape, not its colour, is the type.
  var byCommunity = DATA.colorBy === "community";
  function typeFill(type) { return byCommunity ? "#777777" : DATA.styles[type][0]; }
  function shapeSwatch(type) {
    var s = el("span", "kg-shape kg-shape-" + DATA.styles[type][1]);
    s.dataset.type = type;
    s.style.backgroundColor = typeFill(type);
    return s;
  }
  checkboxes("kg-filter-types", DATA.types, F.types, typeLabel, counter(DATA.nodes, "type"), shapeSwatch);
  checkboxes("kg-filter-predicates", DATA.predicates, F.predicates, predicateLabel, counter(DATA.edges, "predicate"));
  checkboxes("kg-filter-modalities", DATA.modalities, F.modalities, modalityLabel, counter(DATA.edges, "modality"));
  var dates = [];
  DATA.edges.forEach(function (e) { if (e.start) { dates.push(e.start); dates.push(e.end); } });
  dates.sort();
  // Months in words ("février 2024"), not the browser's locale date picker (mm/dd/yyyy):
  // "from" starts on the month's first day, "to" ends on its last. Facts spread over more
  // than three years are chosen by year instead (a list of 200 months cannot be read).
  (function months() {
    var from = $("kg-date-from"), to = $("kg-date-to");
    [from, to].forEach(function (box) { box.appendChild(el("option", null, "—")).value = ""; });
    if (!dates.length) return;
    var y = Number(dates[0].slice(0, 4)), m = Number(dates[0].slice(5, 7));
    var lastY = Number(dates[dates.length - 1].slice(0, 4)), lastM = Number(dates[dates.length - 1].slice(5, 7));
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    if ((lastY - y) * 12 + lastM - m >= 36) {
      for (; y <= lastY; y++) {
        from.appendChild(el("option", null, String(y))).value = y + "-01-01";
        to.appendChild(el("option", null, String(y))).value = y + "-12-31";
      }
      return;
    }
    for (; y < lastY || (y === lastY && m <= lastM); m = m === 12 ? 1 : m + 1, y = m === 1 ? y + 1 : y) {
      var name = T("common.month_year", { month: DATA.months[m - 1], year: y });
      from.appendChild(el("option", null, name)).value = y + "-" + pad(m) + "-01";
      to.appendChild(el("option", null, name)).value = y + "-" + pad(m) + "-" + pad(new Date(Date.UTC(y, m, 0)).getUTCDate());
    }
  })();
  $("kg-date-from").addEventListener("change", function () { F.from = this.value; apply(); });
  $("kg-date-to").addEventListener("change", function () { F.to = this.value; apply(); });
  $("kg-undated").addEventListener("change", function () { F.undated = this.checked; apply(); });

  function inRange(x) {
    if (!x.start) return F.undated;
    if (F.from && x.end < F.from) return false;
    if (F.to && x.start > F.to) return false;
    return true;
  }
  function factVisible(e) {
    return F.predicates[e.predicate] && F.modalities[e.modality] &&
      F.types[nodeById[e.from].type] && F.types[nodeById[e.to].type] && inRange(e);
  }

  // ---- legend ----------------------------------------------------------------------
  (function legend() {
    var box = $("kg-legend");
    [["kg-line", modalityLabel("asserted")], ["kg-line kg-line-dashed",
      ["expected", "planned", "pending", "possible", "reported"].map(modalityLabel).join(", ")],
     ["kg-line kg-line-negated", modalityLabel("negated") + " (✗)"]].forEach(function (item) {
      var row = el("div", "kg-legend-row");
      row.appendChild(el("span", item[0]));
      row.appendChild(el("span", null, item[1]));
      box.appendChild(row);
    });
    var size = el("div", "kg-legend-row", T("graph.legend_size"));
    box.appendChild(size);
  })();

  // ---- communities (computed in Python: kg/export/communities.py) ---------------------
  function nodeColor(c) {
    return { background: c, border: "#333333", highlight: { background: c, border: "#000000" }, hover: { background: c, border: "#000000" } };
  }
  function fillOf(n) {
    if (!byCommunity) return DATA.styles[n.type][0];
    return n.community === null || n.community === undefined ? DATA.otherColor : DATA.communities[n.community].color;
  }
  function recolor() {
    DATA.nodes.forEach(function (n) { orig.nodes[n.id].color = nodeColor(fillOf(n)); styleNow.nodes[n.id] = ""; });
    document.querySelectorAll("#kg-filter-types .kg-shape").forEach(function (s) {
      s.style.backgroundColor = typeFill(s.dataset.type);
    });
    apply();
  }
  $("kg-color-communities").checked = byCommunity;
  $("kg-color-communities").addEventListener("change", function () { byCommunity = this.checked; recolor(); });
  (function communities() {
    var box = $("kg-communities"), small = 0;
    DATA.communities.forEach(function (c, i) {
      if (c.color === DATA.otherColor) { small++; return; }
      var row = el("button", "kg-community");
      row.type = "button";
      row.dataset.index = String(i);
      var dot = el("span", "kg-swatch");
      dot.style.backgroundColor = c.color;
      row.appendChild(dot);
      row.appendChild(el("span", "kg-name", c.name));
      row.appendChild(el("span", "kg-count", c.members.length));
      row.title = c.name;
      row.addEventListener("click", function () { showCommunity(i); });
      box.appendChild(row);
    });
    if (small) box.appendChild(el("div", "kg-hint", T("graph.community_more", { count: small })));
  })();
  function showCommunity(i) {
    var c = DATA.communities[i], inside = dict();
    c.members.forEach(function (id) { inside[id] = true; });
    var ids = DATA.edges.filter(function (e) { return inside[e.from] && inside[e.to] && visibleEdges[e.id]; })
      .map(function (e) { return e.id; });
    setFocus(c.members, ids);
    clearPanel();
    var title = el("h2");
    var dot = el("span", "kg-swatch");
    dot.style.backgroundColor = c.color;
    title.appendChild(dot);
    title.appendChild(document.createTextNode(c.name));
    panel.appendChild(title);
    panel.appendChild(el("p", "kg-hint", T("graph.community_hint")));
    panel.appendChild(el("h3", null, T("graph.community_members", { count: c.members.length })));
    var names = c.members.map(function (id) { return nodeById[id]; })
      .sort(function (a, b) { return b.degree - a.degree || (a.label < b.label ? -1 : 1); })
      .map(function (n) { return n.label; });
    panel.appendChild(el("div", "kg-meta", names.join(" · ")));
    panel.appendChild(el("h3", null, T("graph.facts", { count: ids.length })));
    ids.forEach(function (eid) { panel.appendChild(factItem(edgeById[eid])); });
    net.fit({ nodes: c.members.filter(function (id) { return visibleNodes[id]; }), animation: false });
  }

  // ---- drawing state -----------------------------------------------------------------
  var focus = null;           // {nodes: {id: true}, edges: {id: true}} or null
  // What vis-network currently shows, so that only changes are sent: each update costs
  // vis-network real work (label measuring), and 5,000 of them take seconds.
  var hiddenNow = { nodes: dict(), edges: dict() }, styleNow = { nodes: dict(), edges: dict() };
  // Big graphs: highlight the focus without dimming the rest (dimming restyles every item).
  var DIM = DATA.nodes.length <= 1500;
  var DIM_NODE = { background: "#ECECEC", border: "#D4D4D4",
    highlight: { background: "#ECECEC", border: "#888888" }, hover: { background: "#ECECEC", border: "#888888" } };
  var DIM_FONT = { color: "#BDBDBD", strokeWidth: 0 };
  var visibleNodes = dict(), visibleEdges = dict();
  DATA.nodes.forEach(function (n) { hiddenNow.nodes[n.id] = false; styleNow.nodes[n.id] = "normal"; });
  DATA.edges.forEach(function (e) { hiddenNow.edges[e.id] = false; styleNow.edges[e.id] = "normal"; });

  function styleOf(kind, id) {
    if (!focus) return "normal";
    if (focus[kind][id]) return "hit";
    return DIM ? "dim" : "normal";
  }
  function nodeStyle(id, style) {
    var o = orig.nodes[id], u = { id: id, color: o.color, font: o.font, borderWidth: o.borderWidth, label: o.label };
    if (style === "dim") { u.color = DIM_NODE; u.font = DIM_FONT; }
    // A corpus labels only its hubs; an entity brought into focus always shows its name.
    if (style === "hit") { u.borderWidth = 3; u.label = nodeById[id].label; }
    return u;
  }
  function edgeStyle(id, style) {
    var o = orig.edges[id], u = { id: id, color: o.color, font: o.font, width: o.width, label: o.label };
    if (style === "dim") { u.color = { color: "#E3E3E3" }; u.font = DIM_FONT; }
    // A label too long for its edge is drawn only while the fact is in focus.
    if (style === "hit") { u.width = 3.5; u.label = o.full; }
    return u;
  }
  function sync(kind, items, visible, restyle, ds) {
    var updates = [];
    items.forEach(function (x) {
      var id = x.id, hide = !visible[id], u = null;
      if (!hide) {
        var style = styleOf(kind, id);
        if (styleNow[kind][id] !== style) { styleNow[kind][id] = style; u = restyle(id, style); }
      }
      if (hiddenNow[kind][id] !== hide) { hiddenNow[kind][id] = hide; u = u || { id: id }; u.hidden = hide; }
      if (u) updates.push(u);
    });
    if (updates.length) ds.update(updates);
  }

  function apply() {
    visibleEdges = dict();
    visibleNodes = dict();
    DATA.edges.forEach(function (e) { if (factVisible(e)) visibleEdges[e.id] = true; });
    DATA.nodes.forEach(function (n) {
      if (!F.types[n.type]) return;
      var ids = incident[n.id];
      if (!ids.length) { if (F.isolated || unfolded[n.id]) visibleNodes[n.id] = true; return; }
      for (var i = 0; i < ids.length; i++) if (visibleEdges[ids[i]]) { visibleNodes[n.id] = true; return; }
    });
    sync("nodes", DATA.nodes, visibleNodes, nodeStyle, nodesDS);
    sync("edges", DATA.edges, visibleEdges, edgeStyle, edgesDS);
    filterRows();
    status();
  }
  function count(obj) { return Object.keys(obj).length; }
  function status() {
    var text = T("graph.status", { nodes: count(visibleNodes), all_nodes: DATA.nodes.length,
      edges: count(visibleEdges), all_edges: DATA.edges.length });
    var folded = isolated.filter(function (n) { return !visibleNodes[n.id]; }).length;
    if (folded) text += " · " + T("graph.status_folded", { count: folded });
    $("kg-status").textContent = text;
  }

  function setFocus(nodeIds, edgeIds) {
    focus = { nodes: dict(), edges: dict() };
    nodeIds.forEach(function (id) { focus.nodes[id] = true; });
    edgeIds.forEach(function (id) {
      focus.edges[id] = true;
      focus.nodes[edgeById[id].from] = true;
      focus.nodes[edgeById[id].to] = true;
    });
    apply();
  }
  function clearFocus() {
    focus = null;
    markRows([]);
    apply();
  }

  // ---- side panel --------------------------------------------------------------------
  var panel = $("kg-panel-body");
  function clearPanel() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
  function factItem(e, fromNode) {
    var item = el("div", "kg-fact");
    var head = el("div", "kg-what", e.sentence);
    head.appendChild(badge(e.modality));
    item.appendChild(head);
    var meta = [dateText(e)];
    e.details.forEach(function (p) { meta.push(field(p[0], p[1])); });
    item.appendChild(el("div", "kg-meta", meta.join(" · ")));
    e.evidence.slice(0, 2).forEach(function (ev) { evidenceBlock(item, ev); });
    if (e.evidence.length > 2) item.appendChild(el("div", "kg-meta", T("graph.more_sentences", { count: e.evidence.length - 2 })));
    item.addEventListener("click", function (ev) { ev.stopPropagation(); showEdge(e.id); });
    return item;
  }
  function dl(pairs) {
    var list = el("dl");
    pairs.forEach(function (p) {
      if (p[1] === null || p[1] === undefined || p[1] === "") return;
      list.appendChild(el("dt", null, p[0]));
      list.appendChild(el("dd", null, p[1]));
    });
    return list;
  }
  function showNode(id) {
    var n = nodeById[id];
    if (!n) return;
    var ids = incident[id].filter(function (e) { return visibleEdges[e]; });
    setFocus([id], ids);
    clearPanel();
    var title = el("h2");
    var sw = el("span", "kg-swatch");
    sw.style.backgroundColor = fillOf(n);  // the colour the node has on the graph
    title.appendChild(sw);
    title.appendChild(document.createTextNode(n.label));
    panel.appendChild(title);
    panel.appendChild(dl([[T("common.type"), typeLabel(n.type)], [T("common.wikidata"), n.wikidata],
      [T("common.aliases"), n.aliases.join(", ")], [T("common.documents"), n.docs.map(docTitle).join(", ")]]));
    panel.appendChild(el("h3", null, T("graph.facts", { count: ids.length })));
    ids.forEach(function (eid) { panel.appendChild(factItem(edgeById[eid], id)); });
    var rows = [];
    ids.forEach(function (eid) { rows = rows.concat(rowsByFact[eid] || []); });
    markRows(rows);
    net.selectNodes([id]);
  }
  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    setFocus([], [id]);
    clearPanel();
    panel.appendChild(el("h2", null, e.sentence));
    panel.appendChild(dl([[T("graph.subject"), nodeById[e.from].label], [T("graph.object"), nodeById[e.to].label],
      [T("common.modality"), modalityLabel(e.modality)], [T("common.date"), dateText(e)]].concat(e.details)));
    panel.appendChild(el("h3", null, T("graph.sentences", { count: e.evidence.length })));
    e.evidence.forEach(function (ev) { evidenceBlock(panel, ev); });
    markRows(rowsByFact[id] || []);
    net.selectEdges([id]);
  }

  // ---- search ----------------------------------------------------------------------
  var results = $("kg-search-results"), search = $("kg-search");
  var folded = DATA.nodes.map(function (n) { return fold([n.label].concat(n.aliases).join(" | ")); });
  function matches(q) {
    q = fold(q.trim());
    if (!q) return [];
    var hits = [];
    DATA.nodes.forEach(function (n, i) { if (folded[i].indexOf(q) >= 0) hits.push(n); });
    hits.sort(function (a, b) {
      var pa = fold(a.label).indexOf(q) === 0 ? 0 : 1, pb = fold(b.label).indexOf(q) === 0 ? 0 : 1;
      return pa - pb || b.degree - a.degree || (a.label < b.label ? -1 : 1);
    });
    return hits.slice(0, 30);
  }
  function focusNode(id) {
    if (!incident[id] || !nodeById[id]) return;
    if (!incident[id].length && !visibleNodes[id] && F.types[nodeById[id].type]) { unfolded[id] = true; apply(); }
    if (!visibleNodes[id]) return;
    showNode(id);
    net.focus(id, { scale: Math.max(net.getScale(), 1.0), animation: false });
  }
  search.addEventListener("input", function () {
    while (results.firstChild) results.removeChild(results.firstChild);
    var hits = matches(search.value);
    hits.forEach(function (n) {
      var li = el("li", null, n.label);
      li.dataset.id = n.id;
      li.appendChild(el("span", "kg-type", typeLabel(n.type)));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); focusNode(n.id); results.hidden = true; });
      results.appendChild(li);
    });
    if (!hits.length && search.value.trim()) results.appendChild(el("li", "kg-type", T("graph.no_results")));
    results.hidden = !search.value.trim();
    if (hits.length) setFocus(hits.map(function (n) { return n.id; }), []);
    else if (!search.value.trim()) clearFocus();
    else setFocus([], []);
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var hits = matches(search.value);
      if (hits.length) focusNode(hits[0].id);
      results.hidden = true;
    } else if (ev.key === "Escape") { results.hidden = true; }
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // ---- shortest path -----------------------------------------------------------------
  var byName = dict(), datalist = $("kg-names"), seen = dict();
  DATA.nodes.forEach(function (n) { seen[n.label] = (seen[n.label] || 0) + 1; });
  DATA.nodes.forEach(function (n) {
    var name = seen[n.label] > 1 ? n.label + " [" + n.id + "]" : n.label;
    byName[name] = n.id;
    var opt = el("option");
    opt.value = name;
    datalist.appendChild(opt);
  });
  function resolve(text) {
    if (byName[text]) return byName[text];
    var hits = matches(text);
    return hits.length ? hits[0].id : null;
  }
  function pathCost(e) { return 1 + (DATA.pathCost[e.modality] || 0); }
  function showPath(paths, chosen) {
    var path = paths[chosen];
    setFocus(path.nodes, path.edges);
    clearPanel();
    panel.appendChild(el("h2", null, T("graph.path")));
    panel.appendChild(el("p", "kg-hint", T("graph.path_length", { count: path.edges.length })));
    path.edges.forEach(function (eid) { panel.appendChild(factItem(edgeById[eid])); });
    var others = paths.filter(function (p, i) { return i !== chosen; });
    if (others.length) {
      panel.appendChild(el("h3", null, T("graph.path_others")));
      paths.forEach(function (p, i) {
        if (i === chosen) return;
        var names = p.nodes.map(function (id) { return nodeById[id].label; }).join(" → ");
        var b = el("button", "kg-path-alt", T("graph.path_option", { count: p.edges.length, names: names }));
        b.type = "button";
        b.addEventListener("click", function () { showPath(paths, i); });
        panel.appendChild(b);
      });
    }
    var rows = [];
    path.edges.forEach(function (eid) { rows = rows.concat(rowsByFact[eid] || []); });
    markRows(rows);
    net.fit({ nodes: path.nodes, animation: false });
    lastPaths = paths;
  }
  var lastPaths = [];
  $("kg-path-go").addEventListener("click", function () {
    var a = resolve($("kg-path-from").value), b = resolve($("kg-path-to").value);
    clearPanel();
    panel.appendChild(el("h2", null, T("graph.path")));
    if (!a || !b) { panel.appendChild(el("p", "kg-hint", T("graph.path_unknown"))); return; }
    var paths = window.kgPaths.rank(a, b, incident, edgeById, function (eid) { return visibleEdges[eid]; }, pathCost, 4);
    if (!paths.length) {
      setFocus([a, b], []);
      panel.appendChild(el("p", "kg-hint", T("graph.path_none", { from: nodeById[a].label, to: nodeById[b].label })));
      return;
    }
    showPath(paths, 0);
  });

  // ---- timeline panel -----------------------------------------------------------------
  var rowEls = [];
  (function timeline() {
    var box = $("kg-timeline-rows"), group = null, groupKey = null;
    if (!DATA.timeline.length) {
      // No row: the timeline keeps one line and the drawing gets the height (labels included).
      box.appendChild(el("p", "kg-hint", T("graph.timeline_empty")));
      $("kg-app").classList.add("kg-no-timeline");
      net.setSize("100%", "100%");
    }
    DATA.timeline.forEach(function (r, i) {
      var key = !r.start ? T("common.undated") : r.start.slice(0, 7) === (r.end || r.start).slice(0, 7)
        ? T("common.month_year", { month: DATA.months[Number(r.start.slice(5, 7)) - 1], year: r.start.slice(0, 4) })
        : r.when || range(r.start, r.end);
      if (key !== groupKey) {
        group = el("div", "kg-group");
        group.appendChild(el("h3", null, key));
        box.appendChild(group);
        groupKey = key;
      }
      var row = el("div", "kg-row");
      row.dataset.index = String(i);
      var when = el("div", "kg-when", dateText(r));
      if (r.start !== r.end) when.className += " kg-span";
      row.appendChild(when);
      var body = el("div");
      body.appendChild(el("div", "kg-headline", r.headline));
      body.appendChild(el("div", "kg-sentence", r.sentence));
      if (r.entities.length) body.appendChild(el("div", "kg-entities", r.entities.join(" · ")));
      row.appendChild(body);
      row.appendChild(el("div", "kg-doc", docTitle(r.doc)));
      if (r.facts.length) {
        row.className += " kg-linked";
        row.title = T("graph.open_in_graph");
        row.addEventListener("click", function () { selectRow(i); });
      }
      group.appendChild(row);
      rowEls.push(row);
    });
  })();
  function selectRow(i) {
    var r = DATA.timeline[i];
    if (!r || !r.facts.length) return;
    setFocus([], r.facts);
    clearPanel();
    panel.appendChild(el("h2", null, r.headline || r.value));
    panel.appendChild(el("div", "kg-meta", dateText(r) + " · " + docTitle(r.doc)));
    panel.appendChild(el("blockquote", null, r.sentence));
    panel.appendChild(el("h3", null, T("graph.facts", { count: r.facts.length })));
    r.facts.forEach(function (f) { panel.appendChild(factItem(edgeById[f])); });
    markRows([i]);
    var ends = [];
    r.facts.forEach(function (f) { ends.push(edgeById[f].from, edgeById[f].to); });
    net.fit({ nodes: ends.filter(function (id) { return visibleNodes[id]; }), animation: false });
    if (net.getScale() > 1.3) net.moveTo({ scale: 1.3, animation: false });
  }
  function markRows(indices) {
    rowEls.forEach(function (row) { row.classList.remove("kg-hit"); });
    var first = null;
    indices.forEach(function (i) { rowEls[i].classList.add("kg-hit"); if (first === null || i < first) first = i; });
    if (first !== null) rowEls[first].scrollIntoView({ block: "nearest" });
  }
  function filterRows() {
    DATA.timeline.forEach(function (r, i) {
      var visible = inRange(r) && (!r.facts.length || r.facts.some(function (f) { return visibleEdges[f]; }));
      rowEls[i].classList.toggle("kg-hidden", !visible);
    });
  }

  // ---- wiring ------------------------------------------------------------------------
  net.on("click", function (params) {
    // vis-network keeps its hover tooltip up after a click; the panel now says more.
    var tip = document.querySelector("div.vis-tooltip");
    if (tip) tip.style.visibility = "hidden";
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else { clearFocus(); net.unselectAll(); }
  });
  $("kg-reset").addEventListener("click", function () {
    document.querySelectorAll("#kg-filters input[type=checkbox]").forEach(function (c) { c.checked = true; });
    Object.keys(F.types).forEach(function (k) { F.types[k] = true; });
    Object.keys(F.predicates).forEach(function (k) { F.predicates[k] = true; });
    Object.keys(F.modalities).forEach(function (k) { F.modalities[k] = true; });
    F.from = F.to = ""; F.undated = true;
    F.isolated = isolated.length === DATA.nodes.length; $("kg-isolated").checked = F.isolated; unfolded = dict();
    $("kg-date-from").value = $("kg-date-to").value = search.value = "";
    clearPanel();
    clearFocus();
    fitAll();
  });
  // Fit what is shown, then leave a margin: vis-network fits node centres and boxes, and a
  // label at the edge (a capital city on the right) would otherwise be cut.
  function fitAll() {
    net.fit({ nodes: Object.keys(visibleNodes), animation: false });
    net.moveTo({ scale: net.getScale() * 0.9, animation: false });
  }
  function fromHash() {
    var m = /^#(node|fact|row)=(.*)$/.exec(location.hash);
    if (!m) return;
    var id;
    try { id = decodeURIComponent(m[2]); } catch (err) { return; }  // a bad %-escape: ignore
    if (m[1] === "node") focusNode(id);
    else if (m[1] === "fact") showEdge(id);
    else {
      for (var i = 0; i < DATA.timeline.length; i++) if (DATA.timeline[i].id === id) { selectRow(i); return; }
    }
  }
  window.addEventListener("hashchange", fromHash);

  apply();
  fitAll();
  fromHash();

  // For tests and for readers' own scripts (read-only views of the page state).
  window.kgView = {
    visibleNodeIds: function () { return Object.keys(visibleNodes).sort(); },
    visibleEdgeIds: function () { return Object.keys(visibleEdges).sort(); },
    focusedNodeIds: function () { return focus ? Object.keys(focus.nodes).sort() : []; },
    focusedEdgeIds: function () { return focus ? Object.keys(focus.edges).sort() : []; },
    hitRows: function () { return rowEls.filter(function (r) { return r.classList.contains("kg-hit"); }).map(function (r) { return Number(r.dataset.index); }); },
    focusNode: focusNode, showEdge: showEdge, selectRow: selectRow, showCommunity: showCommunity,
    colorOf: function (id) { return orig.nodes[id].color.background; },
    paths: function () { return lastPaths.map(function (p) { return p.edges.slice(); }); },
    position: function (id) { var p = net.getPositions([id])[id]; return net.canvasToDOM(p); }
  };
  window.kgReady = performance.now();
})();
