/* Dossier: the interactive relationship graphs.
 *
 * Fills each <div class="dossier-graph-live" data-graph="assets/graph/data/….json"> with a
 * Cytoscape.js drawing (vendored in assets/graph/vendor/: no request leaves the site). The library
 * and the data load only on a page that has such a container; addresses are taken from the site's
 * root, read from this script's own address, so the site works at any path. If the data cannot be
 * loaded, the static drawing of the <noscript> after the container is put in its place.
 *
 * Labels stay LABEL_PX on screen at every zoom (never smaller when zoomed out) and are placed
 * from the strongest node down, skipping any that would overlap one already placed: zooming in
 * shows more of them. Pointing at a line (or tapping it) shows the sentences that state the
 * relationship and their articles; clicking a node opens its page. On a touch screen the first
 * tap on a node shows it (with a link to its page) and a second tap opens it.
 * Article text is only ever set as text (textContent), never as markup.
 */
(function () {
  "use strict";

  var LABEL_PX = 12;
  var LABEL_MAX_PX = 150;
  var STRONGEST_NAMED = 6;
  var NODE_MIN_PX = 12; // a node stays big enough to see and to tap when zoomed out
  var MAX_START_ZOOM = 1.5;
  var SCRIPT = document.currentScript;
  var ROOT =
    SCRIPT && SCRIPT.src
      ? SCRIPT.src.replace(/assets\/graph\/graph\.js([?#].*)?$/, "")
      : document.baseURI;
  var LIBRARY = ROOT + "assets/graph/vendor/cytoscape.min.js";

  var TYPES = ["person", "country", "forum", "issue", "organization"];
  var SHAPES = {
    person: "ellipse",
    country: "diamond",
    forum: "hexagon",
    issue: "triangle",
    organization: "round-rectangle",
  };
  // Light and dark palettes: each colour keeps 3:1 against the page it is drawn on.
  var COLOURS = {
    light: {
      person: "#3949ab",
      country: "#00796b",
      forum: "#8e24aa",
      issue: "#d84315",
      organization: "#546e7a",
      accent: "#c2185b",
    },
    dark: {
      person: "#8c9eff",
      country: "#4db6ac",
      forum: "#ce93d8",
      issue: "#ffab40",
      organization: "#b0bec5",
      accent: "#ff80ab",
    },
  };
  // Each relationship: the colour of the type it leads to, a line style, and whether it points.
  var KINDS = {
    met: { colour: "person", line: "solid", arrow: false },
    "spoke on": { colour: "issue", line: "dashed", arrow: true },
    "belongs to": { colour: "organization", line: "dotted", arrow: true },
    attended: { colour: "forum", line: "solid", arrow: true },
  };
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(url, text) {
    return el("a", { href: ROOT + url }, text);
  }

  // --- colours ---------------------------------------------------------------------------------

  function rgb(value) {
    var m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    var p = m[1].split(/[ ,/]+/).filter(Boolean).map(parseFloat);
    return p.length >= 3 ? p : null;
  }

  function background(node) {
    for (; node && node.nodeType === 1; node = node.parentElement) {
      var p = rgb(getComputedStyle(node).backgroundColor);
      if (p && (p.length < 4 || p[3] > 0.5)) return p;
    }
    return [255, 255, 255];
  }

  function palette(box) {
    var bg = background(box);
    var dark = 0.2126 * bg[0] + 0.7152 * bg[1] + 0.0722 * bg[2] < 128;
    var style = getComputedStyle(box);
    return {
      dark: dark,
      colours: dark ? COLOURS.dark : COLOURS.light,
      text: style.color,
      bg: "rgb(" + bg.slice(0, 3).join(",") + ")",
      font: style.fontFamily,
    };
  }

  function stylesheet(P) {
    var C = P.colours;
    function kind(e) {
      return KINDS[e.data("kind")] || KINDS.met;
    }
    return [
      {
        selector: "node",
        style: {
          "background-color": function (n) {
            return C[n.data("type")] || C.organization;
          },
          shape: function (n) {
            return SHAPES[n.data("type")] || "ellipse";
          },
          width: "data(size)",
          height: "data(size)",
          label: "data(name)",
          color: P.text,
          "font-family": P.font,
          "font-size": LABEL_PX,
          "text-valign": "bottom",
          "text-halign": "center",
          "text-margin-y": 3,
          "text-wrap": "ellipsis",
          "text-max-width": LABEL_MAX_PX,
          "text-background-color": P.bg,
          "text-background-opacity": 0.85,
          "text-background-padding": 1,
          "border-width": 1.5,
          "border-color": P.bg,
        },
      },
      { selector: "node.dg-centre", style: { "border-width": 3, "border-color": P.text } },
      {
        selector: "node:selected, node.dg-pointed",
        style: { "border-width": 3, "border-color": C.accent },
      },
      {
        selector: "edge",
        style: {
          width: "data(width)",
          "line-color": function (e) {
            return C[kind(e).colour];
          },
          "line-style": function (e) {
            return kind(e).line;
          },
          "target-arrow-shape": function (e) {
            return kind(e).arrow ? "triangle" : "none";
          },
          "target-arrow-color": function (e) {
            return C[kind(e).colour];
          },
          "arrow-scale": 0.9,
          "curve-style": "bezier",
          opacity: 0.7,
        },
      },
      {
        selector: "edge:selected, edge.dg-pointed",
        style: {
          opacity: 1,
          "underlay-color": C.accent,
          "underlay-opacity": 0.35,
          "underlay-padding": 4,
        },
      },
      { selector: "node.dg-above", style: { "text-valign": "top" } },
      { selector: "node.dg-quiet", style: { "text-opacity": 0, "text-background-opacity": 0 } },
      { selector: ".dg-faded", style: { opacity: 0.15 } },
      { selector: ".dg-hidden", style: { display: "none" } },
    ];
  }

  // --- the drawing ------------------------------------------------------------------------------

  function elements(data) {
    var n = data.nodes.length;
    var nodes = data.nodes.map(function (node, i) {
      var size = Math.min(44, 14 + 4 * Math.sqrt(node.degree || 1));
      if (node.id === data.centre) size = Math.max(size, 34);
      var angle = (2 * Math.PI * i) / Math.max(n, 1);
      return {
        group: "nodes",
        data: {
          id: node.id,
          name: node.name,
          type: node.type,
          url: node.url,
          degree: node.degree || 0,
          hop: node.hop || 0,
          size: size,
        },
        // a fixed start, so the layout is the same on every visit
        position: { x: 400 * Math.cos(angle), y: 400 * Math.sin(angle) },
        classes: node.id === data.centre ? "dg-centre" : "",
      };
    });
    var edges = data.edges.map(function (edge) {
      return {
        group: "edges",
        data: {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          kind: edge.kind,
          articles: edge.articles,
          evidence: edge.evidence,
          width: 1.5 + Math.min(edge.articles, 4) * 0.75,
        },
      };
    });
    return nodes.concat(edges);
  }

  function layout(data) {
    var spread = data.centre ? 110 : 70;
    return {
      name: "cose",
      randomize: false,
      animate: false,
      nodeRepulsion: function () {
        return 12000;
      },
      idealEdgeLength: function () {
        return spread;
      },
      componentSpacing: 80,
      nodeDimensionsIncludeLabels: false,
    };
  }

  function swatch(kind, colour, value) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "dg-swatch");
    svg.setAttribute("viewBox", "0 0 20 12");
    svg.setAttribute("aria-hidden", "true");
    var shape;
    if (kind === "node") {
      var shapes = {
        ellipse: ["circle", { cx: 10, cy: 6, r: 5 }],
        diamond: ["polygon", { points: "10,0 16,6 10,12 4,6" }],
        hexagon: ["polygon", { points: "6,1 14,1 17,6 14,11 6,11 3,6" }],
        triangle: ["polygon", { points: "10,1 16,11 4,11" }],
        "round-rectangle": ["rect", { x: 4, y: 1, width: 12, height: 10, rx: 2 }],
      };
      var spec = shapes[SHAPES[value]];
      shape = document.createElementNS(SVG, spec[0]);
      Object.keys(spec[1]).forEach(function (k) {
        shape.setAttribute(k, spec[1][k]);
      });
      shape.setAttribute("fill", colour);
    } else {
      shape = document.createElementNS(SVG, "line");
      [["x1", 1], ["y1", 6], ["x2", 19], ["y2", 6], ["stroke-width", 2.5]].forEach(function (a) {
        shape.setAttribute(a[0], a[1]);
      });
      shape.setAttribute("stroke", colour);
      var dash = { dashed: "5 3", dotted: "1.5 2.5" }[KINDS[value] ? KINDS[value].line : ""];
      if (dash) shape.setAttribute("stroke-dasharray", dash);
    }
    svg.appendChild(shape);
    return svg;
  }

  function draw(box, data) {
    var P = palette(box);
    var present = { node: {}, edge: {} };
    data.nodes.forEach(function (n) {
      present.node[n.type] = (present.node[n.type] || 0) + 1;
    });
    data.edges.forEach(function (e) {
      present.edge[e.kind] = (present.edge[e.kind] || 0) + 1;
    });

    // controls: filters (the legend too), fit; then the canvas; then what is pointed at
    var controls = el("div", { class: "dg-controls" });
    var filters = { node: {}, edge: {} };
    var swatches = [];
    [
      ["node", "Entity types", TYPES],
      ["edge", "Relationships", Object.keys(KINDS)],
    ].forEach(function (group) {
      var set = el("fieldset", { class: "dg-filter" });
      set.appendChild(el("legend", {}, group[1]));
      group[2].forEach(function (value) {
        if (!present[group[0]][value]) return;
        var label = el("label");
        var box_ = el("input", { type: "checkbox", value: value });
        box_.checked = true;
        filters[group[0]][value] = box_;
        label.appendChild(box_);
        var colourKey = group[0] === "node" ? value : KINDS[value].colour;
        var sw = swatch(group[0], P.colours[colourKey], value);
        swatches.push([sw, colourKey, group[0]]);
        label.appendChild(sw);
        label.appendChild(document.createTextNode(value + " (" + present[group[0]][value] + ")"));
        set.appendChild(label);
      });
      controls.appendChild(set);
    });
    var fit = el("button", { type: "button", class: "dg-fit" }, "Fit to view");
    controls.appendChild(fit);

    var canvas = el("div", {
      class: "dg-canvas",
      role: "img",
      "aria-label": (box.getAttribute("data-label") || "Relationship graph") +
        "; the table of relationships below gives the same facts",
    });
    var info = el("div", { class: "dg-info", "aria-live": "polite" });
    var coarse = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
    var hint = coarse
      ? "Tap a line to read the sentence that states it. Tap a name to show it; tap it again to open its page."
      : "Point at a line to read the sentence that states it. Click a name to open its page.";
    var count =
      !data.centre && data.nodes.length < data.total_nodes
        ? "The " + data.nodes.length + " most connected of " + data.total_nodes + " entities. "
        : "";
    box.replaceChildren(controls, canvas, info);
    box.classList.add("dg-ready");

    var cy = window.cytoscape({
      container: canvas,
      elements: elements(data),
      style: stylesheet(P),
      layout: { name: "preset" },
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
    box.cy = cy; // for the browser tests and the curious
    var byWeight = cy.nodes().sort(function (a, b) {
      return b.data("degree") - a.data("degree") || (a.id() < b.id() ? -1 : 1);
    });
    var widths = {};
    var measure = document.createElement("canvas").getContext("2d");

    function textWidth(name) {
      if (!(name in widths)) {
        measure.font = LABEL_PX + "px " + P.font;
        widths[name] = measure.measureText(name).width;
      }
      return Math.min(widths[name], LABEL_MAX_PX);
    }

    // Labels: LABEL_PX on screen whatever the zoom, then placed strongest first, below the node
    // or else above it, over no other label and no other node; the others wait for a closer zoom.
    function overlaps(a, b) {
      return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }
    function placeLabels() {
      var zoom = cy.zoom();
      var model = 1 / Math.min(zoom, 1);
      var px = LABEL_PX * Math.max(zoom, 1);
      var w = cy.width();
      var h = cy.height();
      var shown = cy.nodes().not(".dg-hidden");
      var discs = shown.map(function (n) {
        var p = n.renderedPosition();
        var r = n.renderedOuterWidth() / 2;
        return [p.x - r, p.y - r, p.x + r, p.y + r, n.id()];
      });
      var taken = [];
      var pinned = cy.$(":selected, .dg-pointed, .dg-centre, .dg-near");
      var order = pinned.nodes().union(byWeight);
      cy.batch(function () {
        cy.nodes().style({
          "font-size": LABEL_PX * model,
          "text-max-width": LABEL_MAX_PX * model,
        });
        var rank = 0;
        order.forEach(function (n) {
          if (n.hasClass("dg-hidden")) return;
          // the strongest few are named even over a crowd of nodes (never over another label)
          var overNodes = rank++ < STRONGEST_NAMED;
          var p = n.renderedPosition();
          var r = n.renderedOuterHeight() / 2 + 2;
          var half = (textWidth(n.data("name")) * Math.max(zoom, 1)) / 2 + 3;
          var tall = px * 1.3;
          var spots = [
            [p.x - half, p.y + r, p.x + half, p.y + r + tall],
            [p.x - half, p.y - r - tall, p.x + half, p.y - r],
          ];
          var free = function (rect) {
            return (
              !taken.some(function (t) {
                return overlaps(rect, t);
              }) &&
              (overNodes ||
                !discs.some(function (d) {
                  return d[4] !== n.id() && overlaps(rect, d);
                }))
            );
          };
          var spot = spots.filter(free)[0];
          var must = pinned.contains(n);
          if (!spot && must) spot = spots[0];
          var onScreen = spot && spot[2] > 0 && spot[0] < w && spot[3] > 0 && spot[1] < h;
          if (spot && onScreen) taken.push(spot);
          n.toggleClass("dg-quiet", !(spot && (onScreen || must)));
          n.toggleClass("dg-above", !!spot && spot === spots[1]);
        });
        cy.nodes().forEach(function (n) {
          var size = Math.max(n.data("size"), NODE_MIN_PX / zoom);
          n.style({
            width: size,
            height: size,
            "text-margin-y": (n.hasClass("dg-above") ? -3 : 3) * model,
          });
        });
      });
    }
    var queued = false;
    function schedule() {
      if (queued) return;
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        placeLabels();
      });
    }

    // A small graph laid out tight would sit in the middle at the largest zoom: spread it over
    // the box instead, so its labels (a fixed size on screen) have room between the nodes.
    function spread() {
      var bb = cy.nodes().boundingBox({ includeLabels: false });
      var k = Math.min(
        (cy.width() - 120) / Math.max(bb.w, 1),
        (cy.height() - 60) / Math.max(bb.h, 1)
      );
      if (!(k > 1)) return;
      var mx = (bb.x1 + bb.x2) / 2;
      var my = (bb.y1 + bb.y2) / 2;
      cy.nodes().positions(function (n) {
        var p = n.position();
        return { x: mx + (p.x - mx) * k, y: my + (p.y - my) * k };
      });
    }

    function fitView() {
      cy.fit(cy.elements(":visible"), 24);
      if (cy.zoom() > MAX_START_ZOOM) {
        cy.zoom(MAX_START_ZOOM);
        cy.center(cy.elements(":visible"));
      }
      placeLabels();
    }

    // what is pointed at or selected, as text and links
    var selected = null;
    function show(target) {
      info.replaceChildren();
      if (!target) {
        info.appendChild(el("p", {}, count + hint));
        return;
      }
      if (target.isNode()) {
        var p = el("p");
        var name = el("strong");
        name.appendChild(link(target.data("url"), target.data("name")));
        p.appendChild(name);
        var degree = target.connectedEdges(":visible").length;
        p.appendChild(
          document.createTextNode(
            " (" + target.data("type") + "): " + degree + " relationship" +
              (degree === 1 ? "" : "s") + " drawn here." +
              (coarse ? " Tap again, or follow the link, to open its page." : "")
          )
        );
        info.appendChild(p);
        return;
      }
      var source = target.source();
      var dest = target.target();
      var head = el("p");
      head.appendChild(link(source.data("url"), source.data("name")));
      head.appendChild(document.createTextNode(" " + target.data("kind") + " "));
      head.appendChild(link(dest.data("url"), dest.data("name")));
      var n = target.data("articles");
      head.appendChild(
        document.createTextNode(" · in " + n + " article" + (n === 1 ? "" : "s") + ":")
      );
      info.appendChild(head);
      var list = el("ul", { class: "dg-evidence" });
      target.data("evidence").slice(0, 3).forEach(function (claim) {
        var item = el("li");
        item.appendChild(el("q", {}, claim.sentence));
        var article = data.articles[claim.article] || { title: claim.article, url: "" };
        item.appendChild(document.createTextNode(" — "));
        item.appendChild(link(article.url, article.title));
        if (article.date) item.appendChild(document.createTextNode(", " + article.date));
        list.appendChild(item);
      });
      info.appendChild(list);
    }

    function point(target) {
      cy.$(".dg-pointed").removeClass("dg-pointed");
      cy.$(".dg-faded, .dg-near").removeClass("dg-faded dg-near");
      if (target) {
        target.addClass("dg-pointed");
        var near = target.isNode() ? target.closedNeighborhood() : target.connectedNodes().union(target);
        cy.elements().not(near).addClass("dg-faded");
        near.nodes().addClass("dg-near");
      }
      show(target || selected);
      schedule();
    }

    function open(node) {
      window.location.href = ROOT + node.data("url");
    }

    cy.on("mouseover", "node, edge", function (e) {
      point(e.target);
    });
    cy.on("mouseout", "node, edge", function () {
      point(null);
    });
    cy.on("tap", function (e) {
      var target = e.target;
      var ev = e.originalEvent;
      var touch = !!ev && (/^touch/.test(ev.type) || ev.pointerType === "touch");
      if (target === cy) {
        selected = null;
        point(null);
        return;
      }
      if (target.isNode() && (!touch || selected === target)) {
        open(target);
        return;
      }
      selected = target;
      // a tap selects it; the pointing look shows its neighbours until the next tap
      point(target);
    });
    cy.on("zoom pan resize", schedule);

    function filter() {
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var f = filters.node[n.data("type")];
          n.toggleClass("dg-hidden", !!f && !f.checked);
        });
        cy.edges().forEach(function (e) {
          var f = filters.edge[e.data("kind")];
          var hidden = (f && !f.checked) || e.source().hasClass("dg-hidden") ||
            e.target().hasClass("dg-hidden");
          e.toggleClass("dg-hidden", !!hidden);
        });
      });
      if (selected && selected.hasClass("dg-hidden")) selected = null;
      point(null);
    }
    controls.addEventListener("change", filter);
    fit.addEventListener("click", fitView);

    // follow the page's light or dark palette when the reader switches it
    function repaint() {
      var next = palette(box);
      if (next.dark === P.dark && next.text === P.text && next.bg === P.bg) return;
      P = next;
      cy.style(stylesheet(P));
      swatches.forEach(function (s) {
        var shape = s[0].firstChild;
        shape.setAttribute(s[2] === "node" ? "fill" : "stroke", P.colours[s[1]]);
      });
      placeLabels();
    }
    var watch = new MutationObserver(repaint);
    [document.documentElement, document.body].forEach(function (node) {
      watch.observe(node, { attributes: true });
    });
    if (window.matchMedia) {
      var media = window.matchMedia("(prefers-color-scheme: dark)");
      if (media.addEventListener) media.addEventListener("change", repaint);
    }

    var run = cy.layout(layout(data));
    run.one("layoutstop", function () {
      spread();
      fitView();
      show(null);
      box.setAttribute("data-ready", "true");
    });
    run.run();
  }

  // --- loading ----------------------------------------------------------------------------------

  function fallback(box) {
    var still = box.nextElementSibling;
    if (still && still.tagName === "NOSCRIPT") {
      var holder = el("div", { class: "dg-static" });
      holder.innerHTML = still.textContent; // the build's own SVG, escaped at build time
      box.replaceChildren(holder);
    }
    box.setAttribute("data-ready", "failed");
  }

  function loadLibrary() {
    if (window.cytoscape) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      var tag = el("script", { src: LIBRARY });
      tag.onload = resolve;
      tag.onerror = reject;
      document.head.appendChild(tag);
    });
  }

  function start() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".dossier-graph-live"));
    if (!boxes.length) return;
    var library = loadLibrary();
    boxes.forEach(function (box) {
      Promise.all([
        library,
        fetch(ROOT + box.getAttribute("data-graph")).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }),
      ])
        .then(function (loaded) {
          draw(box, loaded[1]);
        })
        .catch(function () {
          fallback(box);
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
