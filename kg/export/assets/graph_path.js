/* kg graph page: paths between two entities, the most certain first.
   Why not the shortest: "coalition -> OTAN" through an expected membership is shorter than
   through the asserted launch at a meeting, but a reader wants the path the articles state.
   Each fact costs one step plus a penalty for its modality (DATA.pathCost, from Python), so
   asserted facts win; alternatives are found by leaving out, in turn, each fact of the best
   path (a light form of Yen's k-shortest paths) and are ranked the same way. Pure functions:
   graph.js passes the page's indexes in. */
(function () {
  "use strict";
  // Dijkstra over the facts `usable(edgeId)` allows, without the facts in `banned`.
  function cheapest(a, b, incident, edgeById, usable, cost, banned) {
    var dist = Object.create(null), prev = Object.create(null), done = Object.create(null);
    var open = [a];
    dist[a] = 0;
    prev[a] = null;
    while (open.length) {
      open.sort(function (x, y) { return dist[x] - dist[y] || (x < y ? -1 : x > y ? 1 : 0); });
      var cur = open.shift();
      if (done[cur]) continue;
      done[cur] = true;
      if (cur === b) break;
      incident[cur].forEach(function (eid) {
        if (!usable(eid) || banned[eid]) return;
        var e = edgeById[eid], nxt = e.from === cur ? e.to : e.from;
        var d = dist[cur] + cost(e);
        if (!(nxt in dist) || d < dist[nxt]) { dist[nxt] = d; prev[nxt] = { node: cur, edge: eid }; open.push(nxt); }
      });
    }
    if (!(b in prev)) return null;
    var nodes = [b], edges = [];
    for (var at = b; prev[at]; at = prev[at].node) { edges.unshift(prev[at].edge); nodes.unshift(prev[at].node); }
    return { nodes: nodes, edges: edges, cost: dist[b] };
  }
  // Up to `k` paths from a to b, cheapest (most certain) first; [] when not connected.
  function rank(a, b, incident, edgeById, usable, cost, k) {
    var best = cheapest(a, b, incident, edgeById, usable, cost, Object.create(null));
    if (!best) return [];
    var found = [best], seen = Object.create(null);
    seen[best.edges.join(" ")] = true;
    best.edges.forEach(function (eid) {
      var banned = Object.create(null);
      banned[eid] = true;
      var alt = cheapest(a, b, incident, edgeById, usable, cost, banned);
      if (alt && !seen[alt.edges.join(" ")]) { seen[alt.edges.join(" ")] = true; found.push(alt); }
    });
    found.sort(function (x, y) { return x.cost - y.cost || x.edges.length - y.edges.length; });
    return found.slice(0, k);
  }
  window.kgPaths = { rank: rank };
})();
