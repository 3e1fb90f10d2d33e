// The explorer: the paper's three figures redrawn from the JSON API with Cytoscape.js.
//   levels   — each level with its lens, its mechanisms and its paths
//   paths    — the path tree with the company cases of each path
//   policies — policies by horizon, with the mechanisms each addresses
// A document filter keeps what that document states; clicking a node opens its page.
(function () {
  var graph = document.getElementById("graph");
  var status = document.getElementById("status");
  var documentSelect = document.getElementById("document");
  var state = { figure: "levels", document: "" };
  var HORIZONS = [
    { id: "short", label: { zh: "短期", en: "short term" } },
    { id: "medium", label: { zh: "中期", en: "medium term" } },
    { id: "long", label: { zh: "长期", en: "long term" } }
  ];
  var COLORS = { level: "#1d2433", lens: "#7b5ea7", mechanism: "#b0302a", path: "#1f7a4d", organization: "#c98a00", policy: "#1f5fa8", horizon: "#5b6478" };

  var cy = cytoscape({
    container: graph,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "label": "data(name)", "font-size": 11, "text-valign": "center", "text-halign": "right", "text-margin-x": 4,
          "background-color": "data(color)", "width": 14, "height": 14 } },
      { selector: "node[kind = 'level'], node[kind = 'horizon']", style: { "width": 26, "height": 26, "font-size": 14, "font-weight": "bold", "shape": "round-rectangle" } },
      { selector: "node[kind = 'lens']", style: { "shape": "diamond", "width": 26, "height": 26 } },
      { selector: "node[kind = 'organization']", style: { "shape": "square" } },
      { selector: "edge", style: { "width": 1.2, "line-color": "#c3cad8", "target-arrow-color": "#c3cad8", "target-arrow-shape": "triangle",
          "curve-style": "bezier" } },
      { selector: "edge:selected, edge.hover", style: { "label": "data(rel)", "font-size": 9, "color": "#5b6478", "line-color": "#8a93a6" } }
    ]
  });
  window.kgExplorer = cy; // for tests and for the curious, in the console

  function pageOf(iri) { var i = iri.indexOf("/id/"); return i < 0 ? null : "/page/" + iri.substring(i + 4); }
  function kindOf(iri) { var rest = iri.substring(iri.indexOf("/id/") + 4); return rest.substring(0, rest.indexOf("/")); }

  // Every page of a list: the API caps a page at 1000 items.
  function all(path) {
    var sep = path.indexOf("?") < 0 ? "?" : "&";
    var items = [];
    function page(offset) {
      return fetch(path + sep + "limit=1000&offset=" + offset, { headers: { Accept: "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error(path + " answered " + r.status); return r.json(); })
        .then(function (body) {
          items = items.concat(body.items);
          return items.length < body.total && body.items.length > 0 ? page(offset + body.items.length) : items;
        });
    }
    return page(0);
  }
  function filtered(path) { return state.document ? path + "?document=" + encodeURIComponent(state.document) : path; }

  function Builder() { this.nodes = {}; this.edges = {}; }
  Builder.prototype.node = function (ref, kind) {
    if (!ref || !ref.iri) return null;
    kind = kind || kindOf(ref.iri);
    if (!this.nodes[ref.iri]) this.nodes[ref.iri] = { data: { id: ref.iri, label: ref.label, kind: kind, color: COLORS[kind] || "#888", page: pageOf(ref.iri) } };
    return ref.iri;
  };
  Builder.prototype.horizon = function (id) {
    var h = HORIZONS.filter(function (x) { return x.id === id; })[0] || { id: id, label: { zh: id, en: id } };
    var iri = "horizon:" + id;
    if (!this.nodes[iri]) this.nodes[iri] = { data: { id: iri, label: h.label, kind: "horizon", color: COLORS.horizon, page: null } };
    return iri;
  };
  Builder.prototype.edge = function (from, to, rel) {
    if (!from || !to) return;
    var id = from + " " + rel + " " + to;
    if (!this.edges[id]) this.edges[id] = { data: { id: id, source: from, target: to, rel: rel } };
  };
  Builder.prototype.elements = function () {
    var self = this;
    return Object.keys(this.nodes).map(function (k) { return self.nodes[k]; })
      .concat(Object.keys(this.edges).map(function (k) { return self.edges[k]; }));
  };

  var figures = {
    levels: function () {
      return Promise.all([all("/api/levels"), all(filtered("/api/mechanisms")), all(filtered("/api/paths"))]).then(function (r) {
        var b = new Builder();
        r[0].forEach(function (level) { var l = b.node(level, "level"); b.edge(l, b.node(level.lens, "lens"), "lens"); });
        r[1].forEach(function (m) {
          var id = b.node(m, "mechanism");
          b.edge(id, b.node(m.level, "level"), "level");
          (m.paths || []).forEach(function (p) { b.edge(id, b.node(p, "path"), "viaPath"); });
        });
        r[2].forEach(function (p) {
          var id = b.node(p, "path");
          if (!p.parent) b.edge(id, b.node(p.level, "level"), "level");
          else b.edge(id, b.node(p.parent, "path"), "parent");
        });
        return { elements: b.elements(), roots: "node[kind = 'level']" };
      });
    },
    paths: function () {
      return all(filtered("/api/paths")).then(function (paths) {
        var b = new Builder();
        paths.forEach(function (p) {
          var id = b.node(p, "path");
          if (p.parent) b.edge(b.node(p.parent, "path"), id, "child");
          else b.edge(b.node(p.level, "level"), id, "path");
          (p.cases || []).forEach(function (c) { b.edge(id, b.node(c, "organization"), "case"); });
        });
        return { elements: b.elements(), roots: "node[kind = 'level']" };
      });
    },
    policies: function () {
      return all(filtered("/api/policies")).then(function (policies) {
        var b = new Builder();
        HORIZONS.forEach(function (h) { b.horizon(h.id); });
        policies.forEach(function (p) {
          var id = b.node(p, "policy");
          b.edge(b.horizon(p.horizon), id, "policy");
          (p.mechanisms || []).forEach(function (m) { b.edge(id, b.node(m, "mechanism"), "addresses"); });
        });
        return { elements: b.elements(), roots: "node[kind = 'horizon']" };
      });
    }
  };

  function relabel() { cy.nodes().forEach(function (n) { n.data("name", window.kgLabel(n.data("label")) || n.id()); }); }

  // Columns read left to right, by distance from the figure's roots (levels, or horizons); labels sit beside their
  // nodes, since Chinese labels have no spaces to wrap at. The graph is as tall as its longest column needs.
  var COLUMN = 250, ROW = 30;
  function columns(roots) {
    var depth = {}, order = [];
    cy.elements().bfs({ roots: roots, directed: false, visit: function (v, e, u, i, d) {
      if (depth[v.id()] == null) { depth[v.id()] = d; order.push(v); }
    } });
    cy.nodes().forEach(function (n) { if (depth[n.id()] == null) { depth[n.id()] = 0; order.push(n); } });
    var rows = {};
    order.forEach(function (n) { var d = depth[n.id()]; rows[d] = (rows[d] || 0) + 1; });
    var longest = Math.max.apply(null, Object.keys(rows).map(function (k) { return rows[k]; }));
    var placed = {};
    order.forEach(function (n) {
      var d = depth[n.id()];
      var r = placed[d] = (placed[d] || 0) + 1;
      // Spread evenly over the height, so a level or horizon stands beside the things it leads to.
      n.position({ x: d * COLUMN, y: (r - 0.5) * (longest / rows[d]) * ROW });
    });
    graph.style.height = Math.max(420, longest * ROW + 80) + "px";
    cy.resize();
    cy.fit(undefined, 30);
    if (cy.zoom() > 1.3) { cy.zoom(1.3); cy.center(); }
  }

  function draw() {
    status.textContent = "loading…";
    graph.setAttribute("data-ready", "false");
    figures[state.figure]().then(function (fig) {
      cy.elements().remove();
      cy.add(fig.elements);
      relabel();
      columns(cy.nodes(fig.roots));
      status.textContent = cy.nodes().length + " nodes, " + cy.edges().length + " links";
      graph.setAttribute("data-figure", state.figure);
      graph.setAttribute("data-ready", "true");
    }).catch(function (e) {
      status.textContent = "could not load the graph: " + e.message;
    });
  }

  cy.on("tap", "node", function (e) { var page = e.target.data("page"); if (page) location.href = page; });
  cy.on("mouseover", "node", function (e) { graph.style.cursor = e.target.data("page") ? "pointer" : "default"; });
  cy.on("mouseout", "node", function () { graph.style.cursor = "default"; });
  cy.on("mouseover", "edge", function (e) { e.target.addClass("hover"); });
  cy.on("mouseout", "edge", function (e) { e.target.removeClass("hover"); });
  document.addEventListener("kg-lang", relabel);

  Array.prototype.forEach.call(document.querySelectorAll("[data-figure]"), function (button) {
    if (button.tagName !== "BUTTON") return;
    button.addEventListener("click", function () {
      Array.prototype.forEach.call(document.querySelectorAll("button[data-figure]"), function (x) { x.classList.remove("active"); });
      button.classList.add("active");
      state.figure = button.getAttribute("data-figure");
      draw();
    });
  });
  documentSelect.addEventListener("change", function () { state.document = documentSelect.value; draw(); });
  all("/api/documents").then(function (docs) {
    docs.forEach(function (d) {
      var o = document.createElement("option");
      o.value = d.id;
      o.textContent = d.title || d.id;
      documentSelect.appendChild(o);
    });
  }).catch(function () { /* the filter stays at "all documents" */ });
  draw();
})();
