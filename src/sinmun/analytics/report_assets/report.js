/* sinmun report: draws each chart into SVG from the page's inline JSON data block (the element with id "data"). No libraries, no
   network. Inlined into the page by sinmun.analytics.report. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var FONT = getComputedStyle(document.documentElement).fontFamily || "sans-serif";
  var WIDTH = 1000;

  var KIND_ORDER = ["news", "photo", "column", "editorial", "notice", "continuation", "ad"];
  var KIND_LABEL = {
    news: "기사", photo: "사진", column: "칼럼", editorial: "사설", notice: "알림", continuation: "이어짐", ad: "광고"
  };
  var KIND_COLOR = {
    news: "#3a6ea5", photo: "#f28e2b", column: "#59a14f", editorial: "#e15759", notice: "#76b7b2",
    continuation: "#edc948", ad: "#b7aea8"
  };
  var TYPE_ORDER = ["PERSON", "ORG", "LOCATION"];
  var TYPE_LABEL = { PERSON: "인물 people", ORG: "기관 organizations", LOCATION: "장소 places" };
  var TYPE_COLOR = { PERSON: "#3a6ea5", ORG: "#e0762b", LOCATION: "#3f8f4f" };
  var PALETTE = ["#3a6ea5", "#e0762b", "#3f8f4f", "#c44e52", "#7b5ea7", "#8c6d31", "#d16ba5", "#5f8f9f",
    "#9c9c3a", "#6b6b6b", "#2f9e8f", "#b55d2f", "#5a5fb8", "#8f3f5f", "#4f7f3a", "#a07ac0", "#3f6f8f"];
  var WEEKDAY_KO = ["일", "월", "화", "수", "목", "금", "토"];

  // ---- small helpers -------------------------------------------------------------------------------------------

  function el(tag, attrs, parent) {
    var node = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function label(parent, x, y, content, attrs) {
    var node = el("text", Object.assign({ x: round(x), y: round(y) }, attrs || {}), parent);
    node.textContent = content;
    return node;
  }

  function tooltip(node, content) {
    el("title", {}, node).textContent = content;
    return node;
  }

  function newSvg(container, height, description, width) {
    width = width || WIDTH;
    var svg = el("svg", {
      viewBox: "0 0 " + round(width) + " " + round(height), width: round(width), height: round(height), role: "img",
      "aria-label": description
    });
    if (width > WIDTH) {  // wider than the card: drawn at full size, the card scrolls sideways
      svg.setAttribute("class", "wide");
      container.classList.add("scrolls");
    }
    container.appendChild(svg);
    return svg;
  }

  function noData(container, message) {
    var box = document.createElement("div");
    box.className = "no-data";
    box.textContent = "표시할 데이터가 없습니다 · no data" + (message ? " — " + message : "");
    container.appendChild(box);
  }

  function note(container, content) {
    var para = document.createElement("p");
    para.className = "note";
    para.textContent = content;
    container.appendChild(para);
  }

  function round(value) { return Math.round(value * 10) / 10; }

  function fmt(value) { return Number(value || 0).toLocaleString("en-US"); }

  function sum(values) { return values.reduce(function (a, b) { return a + b; }, 0); }

  var measureContext = null;
  function textWidth(content, size, weight) {
    if (!measureContext) measureContext = document.createElement("canvas").getContext("2d");
    measureContext.font = (weight || "normal") + " " + size + "px " + FONT;
    return measureContext.measureText(String(content)).width;
  }

  function niceTicks(max, count) {
    if (!(max > 0)) return [0, 1];
    var rough = max / count;
    var magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    var step = [1, 2, 2.5, 5, 10].map(function (m) { return m * magnitude; })
      .find(function (s) { return s >= rough; });
    step = Math.max(step, 1);
    var ticks = [];
    for (var value = 0; value < max + step - 1e-9; value += step) ticks.push(value);
    return ticks;
  }

  function parseDay(iso) {
    var parts = String(iso).split("-").map(Number);
    return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  }

  function periodLabel(iso, grain) {
    var day = parseDay(iso);
    if (grain === "month") return iso.slice(0, 7);
    var text = (day.getUTCMonth() + 1) + "/" + day.getUTCDate();
    return grain === "week" ? text + "~" : text;
  }

  function periodTitle(iso, grain) {
    if (grain === "week") return "week of " + iso;
    if (grain === "month") return iso.slice(0, 7);
    return iso + " (" + WEEKDAY_KO[parseDay(iso).getUTCDay()] + ")";
  }

  function kindOrder(kinds) {
    var known = KIND_ORDER.filter(function (k) { return kinds.indexOf(k) >= 0; });
    var other = kinds.filter(function (k) { return KIND_ORDER.indexOf(k) < 0; }).sort();
    return known.concat(other);
  }

  function kindColor(kind, index) { return KIND_COLOR[kind] || PALETTE[(index + 7) % PALETTE.length]; }

  function kindName(kind) { return KIND_LABEL[kind] ? KIND_LABEL[kind] + " " + kind : kind; }

  function swatchLegend(svg, items, x, y, maxWidth) {
    var group = el("g", { class: "legend" }, svg);
    var cx = x, cy = y;
    items.forEach(function (item) {
      var markW = item.color ? 17 : 0, width = markW + textWidth(item.label, 12) + 18;
      if (cx + width > x + maxWidth && cx > x) { cx = x; cy += 18; }
      if (item.color) {
        tooltip(item.shape === "circle"
          ? el("circle", { cx: cx + 6, cy: cy - 4, r: 6, fill: item.color }, group)
          : el("rect", { x: cx, y: cy - 10, width: 12, height: 12, rx: 2, fill: item.color }, group), item.label);
      }
      label(group, cx + markW, cy, item.label, { "font-size": 12, class: item.color ? "" : "tick-label" });
      cx += width;
    });
    return cy;
  }

  function periodsOf(data) {
    if (Array.isArray(data.periods) && data.periods.length) return data.periods.slice();
    var seen = {};
    (data.articles_by_period || []).forEach(function (row) { seen[row.period_start] = true; });
    return Object.keys(seen).sort();
  }

  // The date axis: the report's periods in order, with a break before a period that follows a long run of periods
  // without articles ({gap: how many periods, before: the period after the break}).
  function axisOf(data) {
    var gaps = {};
    (data.gaps || []).forEach(function (g) { gaps[g.before] = g.periods; });
    var columns = [];
    periodsOf(data).forEach(function (p) {
      if (gaps[p]) columns.push({ gap: gaps[p], before: p });
      columns.push({ period: p });
    });
    return columns;
  }

  var GRAIN_KO = { day: "일", week: "주", month: "개월" };

  // A dashed line from y1 to y2 where periods without articles were left out, labelled at labelY (under the line
  // when not given) with how many.
  function drawBreak(svg, x, y1, y2, column, grain, labelY) {
    var group = el("g", { class: "axis-break" }, svg);
    el("line", { x1: round(x), x2: round(x), y1: round(y1), y2: round(y2), stroke: "#9aa5b1",
      "stroke-dasharray": "3 3" }, group);
    var text = "⋯ " + column.gap + GRAIN_KO[grain || "day"];
    label(group, x, labelY === undefined ? y2 + 16 : labelY, text, { "text-anchor": "middle", class: "tick-label" });
    tooltip(group, column.gap + " " + (grain || "day") + (column.gap === 1 ? "" : "s") + " without articles");
    return group;
  }

  // ---- 1. articles per period by kind: stacked bars ------------------------------------------------------------

  function renderArticles(container, data) {
    var rows = (data.articles_by_period || []).filter(function (r) { return r.articles > 0; });
    var periods = periodsOf(data);
    if (!rows.length || !periods.length) return noData(container, "no dated articles");
    var grain = data.grain || "day";
    var kinds = kindOrder(Array.from(new Set(rows.map(function (r) { return r.kind; }))));
    var counts = {};
    rows.forEach(function (r) { (counts[r.period_start] = counts[r.period_start] || {})[r.kind] = r.articles; });
    var totals = periods.map(function (p) { return sum(Object.values(counts[p] || {})); });

    var margin = { top: 48, right: 16, bottom: 58, left: 58 };
    var height = 380, plotW = WIDTH - margin.left - margin.right, plotH = height - margin.top - margin.bottom;
    var svg = newSvg(container, height, "Articles per period by kind");
    swatchLegend(svg, kinds.map(function (k, i) {
      return { label: kindName(k), color: kindColor(k, i) };
    }), margin.left, 16, plotW);

    var ticks = niceTicks(Math.max.apply(null, totals), 5);
    var top = ticks[ticks.length - 1];
    var y = function (v) { return margin.top + plotH - (v / top) * plotH; };
    var grid = el("g", { class: "grid axis" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: margin.left, x2: WIDTH - margin.right, y1: round(y(t)), y2: round(y(t)) }, grid);
      label(grid, margin.left - 8, y(t) + 4, fmt(t), { "text-anchor": "end" });
    });
    label(svg, 16, margin.top + plotH / 2, "기사 수 (articles)", {
      class: "axis-title", "text-anchor": "middle", transform: "rotate(-90 16 " + round(margin.top + plotH / 2) + ")"
    });

    var axis = axisOf(data);
    var step = plotW / axis.length, barW = Math.max(1, step * 0.72);
    var labelEvery = Math.ceil(axis.length / Math.max(1, Math.floor(plotW / 46)));
    var bars = el("g", { class: "bars" }, svg);
    var xAxis = el("g", { class: "axis" }, svg);
    var periodIndex = -1;
    axis.forEach(function (column, i) {
      if (column.gap) return drawBreak(svg, margin.left + i * step + step / 2, margin.top, margin.top + plotH, column, grain);
      var p = column.period;
      periodIndex += 1;
      var x = margin.left + i * step + (step - barW) / 2, base = 0, total = totals[periodIndex];
      kinds.forEach(function (k, ki) {
        var n = (counts[p] || {})[k] || 0;
        if (!n) return;
        var rect = el("rect", {
          x: round(x), y: round(y(base + n)), width: round(barW), height: round(y(base) - y(base + n)),
          fill: kindColor(k, ki)
        }, bars);
        tooltip(rect, periodTitle(p, grain) + " · " + kindName(k) + ": " + fmt(n));
        base += n;
      });
      if (total && step >= 16) {
        label(bars, x + barW / 2, y(total) - 4, fmt(total), { "text-anchor": "middle", "font-size": 11 });
      }
      if (i % labelEvery === 0) {
        label(xAxis, x + barW / 2, margin.top + plotH + 16, periodLabel(p, grain), { "text-anchor": "middle" });
        if (grain === "day") {
          label(xAxis, x + barW / 2, margin.top + plotH + 30, WEEKDAY_KO[parseDay(p).getUTCDay()],
            { "text-anchor": "middle" });
        }
      }
    });
    el("line", {
      x1: margin.left, x2: WIDTH - margin.right, y1: margin.top + plotH, y2: margin.top + plotH, stroke: "#9aa5b1"
    }, svg);
    label(svg, margin.left + plotW / 2, height - 8,
      grain === "week" ? "주 시작일 (week starting)" : grain === "month" ? "월 (month)" : "날짜 (date)",
      { class: "axis-title", "text-anchor": "middle" });
  }

  // ---- 2. top entities over time: heat map, one block of rows per type -----------------------------------------

  function renderEntities(container, data) {
    var rows = data.top_entities || [];
    var periods = periodsOf(data);
    if (!rows.length || !periods.length) return noData(container, "no entity mentions on dated articles");
    var grain = data.grain || "day";
    var entities = {};
    rows.forEach(function (r) {
      var key = r.entity_type + "\u0000" + r.canonical_name;
      var entity = entities[key] || (entities[key] = {
        type: r.entity_type, name: r.canonical_name, rank: r.rank_in_type, total: r.total_mentions,
        articles: r.total_articles, byPeriod: {}
      });
      entity.byPeriod[r.period_start] = r.mentions;
    });
    var types = TYPE_ORDER.filter(function (t) { return rows.some(function (r) { return r.entity_type === t; }); });
    var blocks = types.map(function (t) {
      return Object.values(entities).filter(function (e) { return e.type === t; })
        .sort(function (a, b) { return a.rank - b.rank; });
    });

    var rowH = 20, headerH = 26, gap = 10, top = 40;
    var names = Object.values(entities).map(function (e) { return e.name; });
    var labelW = Math.min(230, 16 + Math.max.apply(null, names.map(function (n) { return textWidth(n, 12); })));
    var totalW = 150;
    var axis = axisOf(data);
    // A cell is wide enough for its number (MIN_CELL); when the axis needs more room than the card has, the chart
    // is drawn wider and the card scrolls sideways.
    var MIN_CELL = 28;
    var left = labelW + 8, gridW = WIDTH - left - totalW - 16;
    var cellW = Math.max(MIN_CELL, Math.min(54, gridW / axis.length));
    var chartW = Math.max(WIDTH, left + axis.length * cellW + totalW + 16);
    var height = top + sum(blocks.map(function (b) { return headerH + b.length * rowH + gap; })) + 30;
    var svg = newSvg(container, height, "Top entities over time", chartW);
    var columnOf = {};
    axis.forEach(function (column, i) { if (!column.gap) columnOf[column.period] = i; });

    var columns = el("g", { class: "axis" }, svg);
    var labelEvery = Math.ceil(axis.length / Math.max(1, Math.floor((cellW * axis.length) / 40)));
    axis.forEach(function (column, i) {
      if (column.gap) {
        drawBreak(svg, left + i * cellW + cellW / 2, top - 4, height - 30, column, grain, top - 10);
        return;
      }
      if (i % labelEvery) return;
      label(columns, left + i * cellW + cellW / 2, top - 10, periodLabel(column.period, grain),
        { "text-anchor": "middle" });
    });
    label(svg, left + axis.length * cellW + 14, top - 10, "합계 mentions", { class: "axis-title" });

    var cy = top;
    blocks.forEach(function (block, bi) {
      var type = types[bi], color = TYPE_COLOR[type];
      // Each type is its own panel on its own scale: the darkest cell and the longest bar are this type's largest.
      var maxInType = Math.max.apply(null, block.map(function (e) {
        return Math.max.apply(null, Object.values(e.byPeriod));
      }));
      var maxTotal = Math.max.apply(null, block.map(function (e) { return e.total; }));
      el("rect", { x: 0, y: cy + 6, width: 4, height: 14, fill: color }, svg);
      var heading = label(svg, 10, cy + 18, TYPE_LABEL[type] || type, { "font-size": 13, "font-weight": 700 });
      label(svg, 18 + textWidth(heading.textContent, 13, 700), cy + 18,
        "가장 진한 칸 darkest = " + fmt(maxInType) + " · 막대 최대 longest bar = " + fmt(maxTotal),
        { class: "tick-label panel-scale" });
      cy += headerH;
      block.forEach(function (entity) {
        var name = label(svg, labelW, cy + rowH / 2 + 4, entity.name, { "text-anchor": "end", "font-size": 12 });
        tooltip(name, entity.name + ": " + fmt(entity.total) + " mentions in " + fmt(entity.articles) + " articles");
        periods.forEach(function (p) {
          var i = columnOf[p], n = entity.byPeriod[p] || 0, strength = n / maxInType;
          var cell = el("rect", {
            x: round(left + i * cellW + 1), y: cy + 1, width: round(Math.max(1, cellW - 2)), height: rowH - 2, rx: 2,
            fill: n ? color : "#eef1f5", "fill-opacity": n ? round(0.18 + 0.82 * strength) : 1
          }, svg);
          tooltip(cell, entity.name + " · " + periodTitle(p, grain) + ": " + fmt(n) + " mentions");
          if (n) {
            label(svg, left + i * cellW + cellW / 2, cy + rowH / 2 + 4, fmt(n), {
              "text-anchor": "middle", "font-size": 11, class: "cell-value",
              style: "fill:" + (strength > 0.5 ? "#ffffff" : "#1f2933")
            });
          }
        });
        var barX = left + axis.length * cellW + 14, barMax = totalW - 40;
        var bar = el("rect", {
          x: round(barX), y: cy + 4, width: round(Math.max(1, (entity.total / maxTotal) * barMax)), height: rowH - 8,
          fill: color, "fill-opacity": 0.55
        }, svg);
        tooltip(bar, entity.name + ": " + fmt(entity.total) + " mentions");
        label(svg, barX + (entity.total / maxTotal) * barMax + 4, cy + rowH / 2 + 4, fmt(entity.total),
          { "font-size": 11, class: "tick-label" });
        cy += rowH;
      });
      cy += gap;
    });
    label(svg, left, height - 8, "칸의 숫자와 진하기: 기간별 언급 수 (cell: mentions in the period; darker = more, " +
      "relative to the busiest cell of the type; each type on its own scale)", { class: "axis-title" });
  }

  // ---- 3. co-occurrence network: deterministic force layout ----------------------------------------------------

  function layoutNetwork(nodes, edges, width, height) {
    var n = nodes.length, cx = width / 2, cy = height / 2;
    var pos = nodes.map(function (_, i) {
      var angle = (2 * Math.PI * i) / Math.max(1, n) - Math.PI / 2;
      return { x: cx + Math.cos(angle) * width * 0.3, y: cy + Math.sin(angle) * height * 0.3 };
    });
    if (n < 2) return pos.map(function () { return { x: cx, y: cy }; });
    var k = Math.sqrt((width * height) / n) * 0.55;
    var iterations = 400;
    for (var iter = 0; iter < iterations; iter++) {
      var disp = pos.map(function () { return { x: 0, y: 0 }; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          var dist = Math.max(0.01, Math.sqrt(dx * dx + dy * dy)), force = (k * k) / dist;
          disp[i].x += (dx / dist) * force; disp[i].y += (dy / dist) * force;
          disp[j].x -= (dx / dist) * force; disp[j].y -= (dy / dist) * force;
        }
      }
      edges.forEach(function (edge) {
        var a = edge.source, b = edge.target;
        var dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        var dist = Math.max(0.01, Math.sqrt(dx * dx + dy * dy));
        var force = ((dist * dist) / k) * 0.25 * (1 + Math.log(edge.weight));
        disp[a].x -= (dx / dist) * force; disp[a].y -= (dy / dist) * force;
        disp[b].x += (dx / dist) * force; disp[b].y += (dy / dist) * force;
      });
      var temperature = (width / 8) * (1 - iter / iterations) + 0.5;
      for (var m = 0; m < n; m++) {
        // gravity keeps nodes without edges from drifting off
        disp[m].x -= (pos[m].x - cx) * 0.3; disp[m].y -= (pos[m].y - cy) * 0.3 * (width / height);
        var length = Math.max(0.01, Math.sqrt(disp[m].x * disp[m].x + disp[m].y * disp[m].y));
        pos[m].x += (disp[m].x / length) * Math.min(length, temperature);
        pos[m].y += (disp[m].y / length) * Math.min(length, temperature);
      }
    }
    return pos;
  }

  function fitInto(pos, x0, y0, x1, y1) {
    var xs = pos.map(function (p) { return p.x; }), ys = pos.map(function (p) { return p.y; });
    var minX = Math.min.apply(null, xs), maxX = Math.max.apply(null, xs);
    var minY = Math.min.apply(null, ys), maxY = Math.max.apply(null, ys);
    var sx = maxX > minX ? (x1 - x0) / (maxX - minX) : 0, sy = maxY > minY ? (y1 - y0) / (maxY - minY) : 0;
    return pos.map(function (p) {
      return {
        x: sx ? x0 + (p.x - minX) * sx : (x0 + x1) / 2,
        y: sy ? y0 + (p.y - minY) * sy : (y0 + y1) / 2
      };
    });
  }

  // Push apart nodes whose circle-and-label boxes overlap (a label sits right of its circle), keeping them inside.
  function separate(pos, boxes, x0, y0, x1, y1) {
    for (var pass = 0; pass < 200; pass++) {
      var moved = false;
      for (var i = 0; i < pos.length; i++) {
        for (var j = i + 1; j < pos.length; j++) {
          var dx = pos[j].x - pos[i].x, dy = pos[j].y - pos[i].y;
          var needX = dx >= 0 ? boxes[i].right + boxes[j].left : boxes[j].right + boxes[i].left;
          var needY = boxes[i].half + boxes[j].half;
          var overlapX = needX - Math.abs(dx), overlapY = needY - Math.abs(dy);
          if (overlapX <= 0 || overlapY <= 0) continue;
          moved = true;
          if (overlapY <= overlapX) {
            var sy = dy > 0 || (dy === 0 && i < j) ? 1 : -1;
            pos[i].y -= (sy * overlapY) / 2 + sy * 0.5; pos[j].y += (sy * overlapY) / 2 + sy * 0.5;
          } else {
            var sx = dx >= 0 ? 1 : -1;
            pos[i].x -= (sx * overlapX) / 2 + sx * 0.5; pos[j].x += (sx * overlapX) / 2 + sx * 0.5;
          }
        }
      }
      pos.forEach(function (p, n) {
        p.x = Math.min(x1 - boxes[n].right, Math.max(x0 + boxes[n].left, p.x));
        p.y = Math.min(y1 - boxes[n].half, Math.max(y0 + boxes[n].half, p.y));
      });
      if (!moved) break;
    }
    return pos;
  }

  function renderNetwork(container, data) {
    var network = data.network || {};
    var nodes = (network.nodes || []).slice();
    if (!nodes.length) return noData(container, "no people or organizations mentioned");
    var index = {};
    nodes.forEach(function (node, i) { index[node.entity_type + "\u0000" + node.canonical_name] = i; });
    var edges = (network.edges || []).map(function (e) {
      return {
        source: index[e.type_a + "\u0000" + e.entity_a], target: index[e.type_b + "\u0000" + e.entity_b],
        weight: e.articles
      };
    }).filter(function (e) { return e.source !== undefined && e.target !== undefined; });
    var degree = nodes.map(function () { return 0; });
    edges.forEach(function (e) { degree[e.source] += 1; degree[e.target] += 1; });

    var height = 560, legendH = 34;
    var svg = newSvg(container, height, "Co-occurrence network of people and organizations");
    swatchLegend(svg, [
      { label: "인물 person", color: TYPE_COLOR.PERSON, shape: "circle" },
      { label: "기관 organization", color: TYPE_COLOR.ORG, shape: "circle" },
      { label: "원 크기 = 기사 수 (circle: articles) · 선 굵기 = 함께 나온 기사 수 (line: articles together)" }
    ], 8, 18, WIDTH - 16);

    var maxWeight = Math.max.apply(null, edges.map(function (e) { return e.weight; }).concat([1]));
    var maxArticles = Math.max.apply(null, nodes.map(function (n) { return n.articles; }).concat([1]));
    var radii = nodes.map(function (n) { return 5 + 13 * Math.sqrt(n.articles / maxArticles); });
    var maxLabel = Math.max.apply(null, nodes.map(function (n) { return textWidth(n.canonical_name, 12, 600); }));
    var pos = fitInto(layoutNetwork(nodes, edges, WIDTH, height - legendH),
      30 + maxLabel, legendH + 30, WIDTH - 30 - maxLabel, height - 30);
    // Each label goes on the side away from the node's neighbours, so that its edges do not cross it.
    var pull = nodes.map(function () { return 0; });
    edges.forEach(function (e) {
      pull[e.source] += pos[e.target].x - pos[e.source].x;
      pull[e.target] += pos[e.source].x - pos[e.target].x;
    });
    var labelLeft = pull.map(function (p) { return p > 0; });
    var boxes = nodes.map(function (n, i) {
      var near = radii[i] + 4, far = radii[i] + 10 + textWidth(n.canonical_name, 12, 600);
      return { left: labelLeft[i] ? far : near, right: labelLeft[i] ? near : far, half: radii[i] + 8 };
    });
    separate(pos, boxes, 4, legendH + 8, WIDTH - 4, height - 4);

    var edgeGroup = el("g", { class: "edges" }, svg);
    edges.forEach(function (e) {
      var line = el("line", {
        x1: round(pos[e.source].x), y1: round(pos[e.source].y), x2: round(pos[e.target].x), y2: round(pos[e.target].y),
        stroke: "#7b8794", "stroke-opacity": round(0.35 + 0.45 * (e.weight / maxWeight)),
        "stroke-width": round(1.2 + 5 * (e.weight / maxWeight)), "stroke-linecap": "round"
      }, edgeGroup);
      tooltip(line, nodes[e.source].canonical_name + " — " + nodes[e.target].canonical_name + ": " +
        fmt(e.weight) + " article" + (e.weight === 1 ? "" : "s") + " together");
    });
    var nodeGroup = el("g", { class: "nodes" }, svg);
    nodes.forEach(function (node, i) {
      var radius = radii[i];
      var group = el("g", {}, nodeGroup);
      el("circle", {
        cx: round(pos[i].x), cy: round(pos[i].y), r: round(radius), fill: TYPE_COLOR[node.entity_type] || "#888",
        "fill-opacity": degree[i] ? 1 : 0.45, stroke: "#ffffff", "stroke-width": 1.5
      }, group);
      label(group, pos[i].x + (labelLeft[i] ? -1 : 1) * (radius + 4), pos[i].y + 4, node.canonical_name, {
        class: "halo", "font-size": 12, "font-weight": degree[i] ? 600 : 400,
        "text-anchor": labelLeft[i] ? "end" : "start"
      });
      tooltip(group, node.canonical_name + " (" + node.entity_type + "): " + fmt(node.articles) + " articles, " +
        fmt(node.mentions) + " mentions; named with " + degree[i] + " of the others");
    });
    if (!edges.length) note(container, "None of these people and organizations are named in the same article.");
    else if (degree.some(function (d) { return d === 0; })) {
      note(container, "Faded circles: named in no article with another of those shown.");
    }
  }

  // ---- 4. reporters and their beats: stacked bars by kind, and a table -----------------------------------------

  function reporterLabel(r) {
    return (r.reporter_name || "?") + " · " + (r.publication_name || "?") + (r.email ? "" : " *");
  }

  function renderReporters(container, data) {
    var reporters = data.reporters || [];
    if (!reporters.length) return noData(container, "no bylines naming a reporter");
    var kinds = kindOrder(Array.from(new Set([].concat.apply([], reporters.map(function (r) {
      return (r.kinds || []).map(function (k) { return k.kind; });
    })))));
    var labels = reporters.map(reporterLabel);
    var labelW = Math.min(280, 12 + Math.max.apply(null, labels.map(function (l) { return textWidth(l, 12); })));
    var rowH = 22, top = 40, left = labelW + 8, right = 40, bottom = 44;
    var height = top + reporters.length * rowH + bottom;
    var svg = newSvg(container, height, "Articles per reporter by kind");
    swatchLegend(svg, kinds.map(function (k, i) { return { label: kindName(k), color: kindColor(k, i) }; }),
      left, 16, WIDTH - left - right);
    var ticks = niceTicks(Math.max.apply(null, reporters.map(function (r) { return r.articles; })), 6);
    var maxTick = ticks[ticks.length - 1], plotW = WIDTH - left - right;
    var x = function (v) { return left + (v / maxTick) * plotW; };
    var grid = el("g", { class: "grid axis" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: round(x(t)), x2: round(x(t)), y1: top - 4, y2: top + reporters.length * rowH }, grid);
      label(grid, x(t), top + reporters.length * rowH + 16, fmt(t), { "text-anchor": "middle" });
    });
    label(svg, left + plotW / 2, height - 8, "기사 수 (articles)", { class: "axis-title", "text-anchor": "middle" });
    reporters.forEach(function (r, i) {
      var y = top + i * rowH, base = 0;
      var name = label(svg, labelW, y + rowH / 2 + 4, labels[i], { "text-anchor": "end", "font-size": 12 });
      tooltip(name, (r.reporter_name || "?") + (r.email ? " <" + r.email + ">" : " (byline without e-mail)"));
      kinds.forEach(function (k, ki) {
        var entry = (r.kinds || []).find(function (e) { return e.kind === k; });
        if (!entry) return;
        var rect = el("rect", {
          x: round(x(base)), y: y + 3, width: round(x(base + entry.articles) - x(base)), height: rowH - 6,
          fill: kindColor(k, ki)
        }, svg);
        tooltip(rect, reporterLabel(r) + " · " + kindName(k) + ": " + fmt(entry.articles));
        base += entry.articles;
      });
      label(svg, x(base) + 4, y + rowH / 2 + 4, fmt(r.articles), { class: "tick-label" });
    });
    if (reporters.some(function (r) { return !r.email; })) {
      note(container, "* a byline without an e-mail address: counted apart from a byline of the same name with one.");
    }
    container.appendChild(beatsTable(reporters));
  }

  // ---- reprinted stories per paper ------------------------------------------------------------------------------

  function renderReprints(container, data) {
    var papers = data.reprints || [];
    if (!papers.length) return noData(container, "no stories long enough to compare");
    var parts = [
      { key: "printed_first", label: "먼저 실은 기사 printed first", color: "#3a6ea5" },
      { key: "printed_after", label: "다른 지면을 뒤따른 기사 printed after another", color: "#e0762b" }
    ];
    var labelW = Math.min(240, 12 + Math.max.apply(null, papers.map(function (p) {
      return textWidth(p.publication_name, 12);
    })));
    var rowH = 26, top = 40, left = labelW + 8, right = 170, bottom = 44, plotW = WIDTH - left - right;
    var height = top + papers.length * rowH + bottom;
    var svg = newSvg(container, height, "Share of reprinted stories per paper");
    swatchLegend(svg, parts, left, 16, plotW);
    var x = function (share) { return left + share * plotW; };
    var grid = el("g", { class: "grid axis" }, svg);
    [0, 0.25, 0.5, 0.75, 1].forEach(function (t) {
      el("line", { x1: round(x(t)), x2: round(x(t)), y1: top - 4, y2: top + papers.length * rowH }, grid);
      label(grid, x(t), top + papers.length * rowH + 16, Math.round(t * 100) + "%", { "text-anchor": "middle" });
    });
    label(svg, left + plotW / 2, height - 8, "재게재 기사 비율 (share of the paper's stories)",
      { class: "axis-title", "text-anchor": "middle" });
    var bars = el("g", { class: "reprint-bars" }, svg);
    papers.forEach(function (p, i) {
      var y = top + i * rowH, base = 0;
      label(svg, labelW, y + rowH / 2 + 4, p.publication_name, { "text-anchor": "end", "font-size": 12 });
      parts.forEach(function (part) {
        var share = p.stories ? p[part.key] / p.stories : 0;
        var rect = el("rect", {
          x: round(x(base)), y: y + 4, width: round(x(base + share) - x(base)), height: rowH - 8, fill: part.color
        }, bars);
        tooltip(rect, p.publication_name + " · " + part.label + ": " + fmt(p[part.key]) + " of " + fmt(p.stories));
        base += share;
      });
      label(svg, x(base) + 6, y + rowH / 2 + 4, Math.round(p.reprinted_share * 1000) / 10 + "% (" + fmt(p.reprinted) +
        " of " + fmt(p.stories) + ")", { class: "tick-label reprint-share" });
    });
  }

  function beatsTable(reporters) {
    var table = document.createElement("table");
    table.className = "beats";
    var head = table.createTHead().insertRow();
    ["기자 reporter", "신문 paper", "기사 articles", "주요 인물·기관 people & organizations", "주요 장소 places"]
      .forEach(function (title) {
        var th = document.createElement("th");
        th.textContent = title;
        head.appendChild(th);
      });
    var body = table.createTBody();
    reporters.forEach(function (r) {
      var row = body.insertRow();
      var who = row.insertCell();
      who.textContent = r.reporter_name || "?";
      var email = document.createElement("div");
      email.className = "email";
      email.textContent = r.email || "(byline without e-mail)";
      who.appendChild(email);
      var paper = row.insertCell();
      paper.className = "paper";
      paper.textContent = r.publication_name || "?";
      var count = row.insertCell();
      count.className = "num";
      count.textContent = fmt(r.articles);
      row.insertCell().appendChild(chips(r.top_entities || []));
      row.insertCell().appendChild(chips((r.top_places || []).map(function (p) {
        return { name: p.name, type: "LOCATION", articles: p.articles };
      })));
    });
    return table;
  }

  function chips(entities) {
    var box = document.createDocumentFragment();
    if (!entities.length) box.appendChild(document.createTextNode("—"));
    entities.forEach(function (e) {
      var chip = document.createElement("span");
      chip.className = "chip";
      chip.style.setProperty("--chip", TYPE_COLOR[e.type] || "#999");
      chip.title = e.name + " (" + e.type + "): " + fmt(e.articles) + " of the reporter's articles";
      chip.textContent = e.name;
      var count = document.createElement("small");
      count.textContent = fmt(e.articles);
      chip.appendChild(count);
      box.appendChild(chip);
    });
    return box;
  }

  // ---- 5. mentions by region: squarified treemap, provinces holding their cities -------------------------------

  function squarify(items, x, y, width, height) {
    var total = sum(items.map(function (it) { return it.value; }));
    var out = [];
    if (!(total > 0) || width <= 0 || height <= 0) return out;
    var scale = (width * height) / total, row = [], queue = items.slice();
    function worst(cells, side) {
      var s = sum(cells.map(function (c) { return c.area; }));
      var hi = Math.max.apply(null, cells.map(function (c) { return c.area; }));
      var lo = Math.min.apply(null, cells.map(function (c) { return c.area; }));
      return Math.max((side * side * hi) / (s * s), (s * s) / (side * side * lo));
    }
    function place(cells) {
      var s = sum(cells.map(function (c) { return c.area; })), offset = 0;
      if (width >= height) {
        var columnW = s / height;
        cells.forEach(function (c) {
          var h = c.area / columnW;
          out.push({ item: c.item, x: x, y: y + offset, w: columnW, h: h });
          offset += h;
        });
        x += columnW; width -= columnW;
      } else {
        var rowH = s / width;
        cells.forEach(function (c) {
          var w = c.area / rowH;
          out.push({ item: c.item, x: x + offset, y: y, w: w, h: rowH });
          offset += w;
        });
        y += rowH; height -= rowH;
      }
    }
    while (queue.length) {
      var cell = { item: queue[0], area: queue[0].value * scale }, side = Math.min(width, height);
      if (!row.length || worst(row.concat([cell]), side) <= worst(row, side)) {
        row.push(cell);
        queue.shift();
      } else {
        place(row);
        row = [];
      }
    }
    if (row.length) place(row);
    return out;
  }

  function shortCity(city, province) {
    return city.indexOf(province + " ") === 0 ? city.slice(province.length + 1) : city;
  }

  function fitText(group, x, y, w, content, size, attrs) {
    if (textWidth(content, size, attrs && attrs["font-weight"]) > w) return null;
    return label(group, x, y, content, Object.assign({ "font-size": size }, attrs || {}));
  }

  function renderRegions(container, data) {
    var rows = (data.regions || []).filter(function (r) { return r.mentions > 0; });
    if (!rows.length) return noData(container, "no place mentions within a province");
    var provinces = {};
    rows.forEach(function (r) {
      var p = provinces[r.province] || (provinces[r.province] = { name: r.province, value: 0, cities: [] });
      p.value += r.mentions;
      p.cities.push({ name: r.city_county_district, value: r.mentions, articles: r.articles });
    });
    var list = Object.values(provinces).sort(function (a, b) { return b.value - a.value || (a.name < b.name ? -1 : 1); });
    list.forEach(function (p, i) {
      p.color = PALETTE[i % PALETTE.length];
      p.cities.sort(function (a, b) { return b.value - a.value || (a.name < b.name ? -1 : 1); });
    });

    var mapH = 460, legendTop = mapH + 26;
    var legendRows = 1, cursor = 0;
    list.forEach(function (p) {
      var w = 26 + textWidth(p.name + " " + fmt(p.value), 12);
      if (cursor + w > WIDTH && cursor > 0) { legendRows += 1; cursor = 0; }
      cursor += w;
    });
    var height = legendTop + legendRows * 18 + 4;
    var svg = newSvg(container, height, "Mentions by region");
    var map = el("g", { class: "treemap" }, svg);
    var keyed = [];
    squarify(list, 0, 0, WIDTH, mapH).forEach(function (block) {
      var p = block.item, headerH = block.h > 48 && block.w > 60 ? 20 : 0;
      var frame = el("rect", {
        x: round(block.x + 1), y: round(block.y + 1), width: round(Math.max(0, block.w - 2)),
        height: round(Math.max(0, block.h - 2)), fill: p.color, "fill-opacity": 0.16, stroke: p.color,
        "stroke-width": 1
      }, map);
      tooltip(frame, p.name + ": " + fmt(p.value) + " mentions");
      if (headerH) {
        fitText(map, block.x + 6, block.y + 15, block.w - 10, p.name + " " + fmt(p.value), 12,
          { "font-weight": 700 }) || fitText(map, block.x + 6, block.y + 15, block.w - 10, p.name, 12,
          { "font-weight": 700 });
      }
      var maxCity = p.cities[0].value;
      squarify(p.cities, block.x + 3, block.y + headerH + 3, block.w - 6, block.h - headerH - 6)
        .forEach(function (cell) {
          var c = cell.item, name = shortCity(c.name, p.name);
          var rect = el("rect", {
            x: round(cell.x + 1), y: round(cell.y + 1), width: round(Math.max(0, cell.w - 2)),
            height: round(Math.max(0, cell.h - 2)), rx: 2, fill: p.color,
            "fill-opacity": round(0.45 + 0.5 * (c.value / maxCity))
          }, map);
          tooltip(rect, c.name + " (" + p.name + "): " + fmt(c.value) + " mentions in " + fmt(c.articles) +
            " articles");
          rect.setAttribute("class", "tile");
          rect.setAttribute("data-name", c.name);
          // Every tile is labelled: its name inside when it fits (down to 9 px), else a number inside and the name
          // in the key under the map.
          var white = { style: "fill:#ffffff", "pointer-events": "none", class: "tile-label", "data-name": c.name };
          var named = null;
          if (cell.h >= 36 && (named = fitText(map, cell.x + 6, cell.y + 17, cell.w - 10, name, 12, white))) {
            fitText(map, cell.x + 6, cell.y + 32, cell.w - 10, fmt(c.value), 11, white);
          } else if (cell.h >= 13) {
            named = fitText(map, cell.x + 5, cell.y + Math.min(14, cell.h - 3), cell.w - 8, name + " " + fmt(c.value),
              11, white) || fitText(map, cell.x + 3, cell.y + Math.min(12, cell.h - 2), cell.w - 4, name, 9, white);
          }
          if (!named) {
            keyed.push({
              number: keyed.length + 1, name: c.name, value: c.value,
              label: c.name.indexOf(p.name) === 0 ? c.name : p.name + " " + c.name
            });
            fitText(map, cell.x + cell.w / 2, cell.y + cell.h / 2 + 3, cell.w, String(keyed.length), 9,
              { style: "fill:#ffffff", "pointer-events": "none", "text-anchor": "middle", class: "tile-number" });
          }
        });
    });
    swatchLegend(svg, list.map(function (p) {
      return { label: p.name + " " + fmt(p.value), color: p.color };
    }), 0, legendTop, WIDTH);
    if (keyed.length) {
      var key = document.createElement("p");
      key.className = "note treemap-key";
      key.appendChild(document.createTextNode("작은 칸 small tiles: "));
      keyed.forEach(function (k, i) {
        var item = document.createElement("span");
        item.setAttribute("data-name", k.name);
        item.textContent = (i ? " · " : "") + k.number + " " + k.label + " " + fmt(k.value);
        key.appendChild(item);
      });
      container.appendChild(key);
    }
  }

  // ---- who said what: speakers by quotes, each with a sample quote ---------------------------------------------

  function speakerLabel(s) { return s.speaker + (s.title ? " " + s.title : ""); }

  function renderSpeakers(container, data) {
    var speakers = data.speakers || [];
    if (!speakers.length) return noData(container, "no direct quotes with a named speaker");
    var labels = speakers.map(speakerLabel);
    var labelW = Math.min(300, 12 + Math.max.apply(null, labels.map(function (l) { return textWidth(l, 12); })));
    var rowH = 22, top = 12, left = labelW + 8, right = 40, bottom = 44;
    var height = top + speakers.length * rowH + bottom;
    var svg = newSvg(container, height, "Direct quotes per speaker");
    var ticks = niceTicks(Math.max.apply(null, speakers.map(function (s) { return s.quotes; })), 6);
    var maxTick = ticks[ticks.length - 1], plotW = WIDTH - left - right;
    var x = function (v) { return left + (v / maxTick) * plotW; };
    var grid = el("g", { class: "grid axis" }, svg);
    ticks.forEach(function (t) {
      el("line", { x1: round(x(t)), x2: round(x(t)), y1: top - 4, y2: top + speakers.length * rowH }, grid);
      label(grid, x(t), top + speakers.length * rowH + 16, fmt(t), { "text-anchor": "middle" });
    });
    label(svg, left + plotW / 2, height - 8, "인용 수 (quotes)", { class: "axis-title", "text-anchor": "middle" });
    var bars = el("g", { class: "bars" }, svg);
    speakers.forEach(function (s, i) {
      var y = top + i * rowH;
      label(svg, labelW, y + rowH / 2 + 4, labels[i], { "text-anchor": "end", "font-size": 12 });
      var rect = el("rect", {
        x: round(x(0)), y: y + 3, width: round(x(s.quotes) - x(0)), height: rowH - 6,
        fill: s.entity_type === "PERSON" ? PALETTE[0] : PALETTE[1]
      }, bars);
      tooltip(rect, speakerLabel(s) + ": " + fmt(s.quotes) + " quotes in " + fmt(s.articles) + " articles");
      label(svg, x(s.quotes) + 4, y + rowH / 2 + 4, fmt(s.quotes), { class: "tick-label" });
    });
    container.appendChild(quotesTable(speakers));
  }

  function quotesTable(speakers) {
    var table = document.createElement("table");
    table.className = "quotes";
    var head = table.createTHead().insertRow();
    ["화자 speaker", "인용 quotes", "최근 인용 latest quote"].forEach(function (title) {
      var th = document.createElement("th");
      th.textContent = title;
      head.appendChild(th);
    });
    var body = table.createTBody();
    speakers.forEach(function (s) {
      var row = body.insertRow();
      var who = row.insertCell();
      who.textContent = s.speaker;
      var role = document.createElement("div");
      role.className = "email";
      role.textContent = s.title || (s.entity_type === "PERSON" ? "" : "기관 organization");
      who.appendChild(role);
      var count = row.insertCell();
      count.className = "num";
      count.textContent = fmt(s.quotes);
      var said = row.insertCell();
      var quote = document.createElement("q");
      quote.textContent = s.sample_quote;
      said.appendChild(quote);
      var source = document.createElement("div");
      source.className = "email";
      source.textContent = [s.sample_verb, s.sample_date, s.sample_publication, s.sample_headline]
        .filter(function (part) { return part; }).join(" · ");
      said.appendChild(source);
    });
    return table;
  }

  // ---- draw every chart ----------------------------------------------------------------------------------------

  var RENDERERS = {
    "chart-articles": renderArticles,
    "chart-entities": renderEntities,
    "chart-network": renderNetwork,
    "chart-reporters": renderReporters,
    "chart-speakers": renderSpeakers,
    "chart-regions": renderRegions,
    "chart-reprints": renderReprints
  };

  var data = {};
  try {
    data = JSON.parse(document.getElementById("data").textContent || "{}") || {};
  } catch (err) {
    console.error("sinmun report: the embedded data is not valid JSON: " + err.message);
  }
  document.querySelectorAll("[data-chart]").forEach(function (container) {
    var render = RENDERERS[container.getAttribute("data-chart")];
    try {
      if (!render) throw new Error("no renderer for " + container.getAttribute("data-chart"));
      render(container, data);
    } catch (err) {
      console.error("sinmun report: " + container.getAttribute("data-chart") + ": " + err.stack);
      var box = document.createElement("div");
      box.className = "chart-error";
      box.textContent = "This chart could not be drawn: " + err.message;
      container.appendChild(box);
    }
  });
})();
