/// The asset page: breadcrumb and health, live values with units and quality, the nameplate, the trends of its
/// numeric tags (one chart each, sharing one time range: presets, zoom and pan), and findings when there are any.
enum AssetScript {
    static let js = #"""
import { el, formatValue, formatAge, severity, qualityLabel, getJSON, humanise, tagHealth, worstHealth, assetURL, PRESETS, zoneName } from "/format.js";
import { TimeChart, fetchPlot, COLORS } from "/chart.js";

export function mount(main, { live, params }) {
  const path = params.path;
  document.title = humanise(path.split("/").pop()) + " · Millrace";
  let detail = null, destroyed = false;
  const charts = new Map();      // tag id -> {chart, series}
  const view = { preset: "1h", span: 3600e3, t0: 0, t1: 0, follow: true };
  let fetchTimer = null, fetchController = null;

  const head = el("div", { class: "asset-head" });
  const crumbs = el("nav", { class: "crumbs", "aria-label": "Breadcrumb" });
  const values = el("div", { class: "values", id: "live-values" });
  const side = el("div", { class: "side" });
  const findings = el("section", { class: "panel hidden", id: "findings" });
  const chartBox = el("div", { class: "charts", id: "trends" });
  const presetButtons = el("div", { class: "seg", role: "group", "aria-label": "Time range" });
  const rangeText = el("span", { class: "hint num", id: "range-text" });
  main.append(crumbs, head,
    el("div", { class: "asset-grid" },
      el("div", {}, el("h2", { class: "section", text: "Live values" }), values, findings),
      side),
    el("h2", { class: "section", text: "Trends" }),
    el("div", { class: "toolbar" }, presetButtons,
      el("button", { type: "button", class: "btn", id: "reset-zoom", text: "Reset zoom", onclick: () => setPreset(view.preset) }),
      el("a", { class: "btn", id: "open-explorer", href: "/trends", "data-link": true, text: "Open in trend explorer" }), rangeText),
    el("p", { class: "hint", text: "Wheel or pinch to zoom, drag to select a range, shift-drag or one finger to pan, double-click to reset. Times in " + zoneName() + "." }),
    chartBox);

  for (const [name, span] of PRESETS) {
    presetButtons.append(el("button", { type: "button", "data-preset": name, "aria-pressed": String(name === view.preset), text: name, onclick: () => setPreset(name) }));
  }

  function tags() {
    if (detail && detail.tags) return detail.tags.map(t => live.tags.get(t.id) || t);
    return live.list().filter(t => t.asset === path);
  }

  async function load() {
    await live.ready;
    try {
      detail = await getJSON("/api/v1/assets/" + path.split("/").map(encodeURIComponent).join("/"));
    } catch (e) {
      if (e.code === "unknownAsset") { notFound(); return; }
      detail = null;   // no asset route on this server: build the page from the tags
    }
    if (destroyed) return;
    if (!detail && !tags().length && !childNodes().length) { notFound(); return; }
    if (!tags().length) { drawGroup(); return; }
    drawHead(); drawSide(); drawValues(); buildCharts(); setPreset(view.preset);
  }

  /// The nodes one level down (areas of a site, lines of an area, assets of a line), with their health.
  function childNodes() {
    if (detail && detail.children) return detail.children;
    const below = live.list().filter(t => t.asset && t.asset.startsWith(path + "/"));
    const ids = [...new Set(below.map(t => t.asset.slice(path.length + 1).split("/")[0]))];
    return ids.map(id => {
      const childPath = path + "/" + id;
      const childTags = below.filter(t => t.asset === childPath || t.asset.startsWith(childPath + "/"));
      return { path: childPath, id, name: humanise(id), health: tagHealth(childTags, live.now()), tagCount: childTags.length };
    });
  }

  /// A site, area or line: its children with their health, live.
  function drawGroup() {
    const list = el("ul", { class: "panel attention", id: "children" });
    main.replaceChildren(crumbs, head, el("h2", { class: "section", text: "Contains" }), list);
    const draw = () => {
      const kids = childNodes();
      drawHead(worstHealth(kids.map(k => k.health)));
      list.replaceChildren(...kids.map(k => el("li", {},
        el("span", { class: "health " + k.health, text: k.health }), el("a", { href: assetURL(k.path), "data-link": true, text: k.name }),
        el("span", { class: "muted", text: k.tagCount + " tags" }))));
    };
    draw();
    groupRedraw = draw;
  }
  let groupRedraw = null;

  function notFound() {
    main.replaceChildren(el("h1", { class: "page", text: "No asset at " + path }),
      el("p", {}, el("a", { href: "/", "data-link": true, text: "Back to the plant overview" })));
  }

  function currentHealth() { return tagHealth(tags(), live.now()); }

  function drawHead(groupHealth) {
    const parts = path.split("/");
    crumbs.replaceChildren(el("a", { href: "/", "data-link": true, text: live.enterprise || "Plant" }),
      ...parts.slice(0, -1).flatMap((p, i) => [el("span", { "aria-hidden": "true", text: "›" }),
        el("a", { href: assetURL(parts.slice(0, i + 1).join("/")), "data-link": true, text: humanise(p) })]));
    const h = groupHealth || currentHealth();
    head.replaceChildren(...[el("h1", { text: (detail && detail.name) || humanise(parts[parts.length - 1]) }),
      el("span", { class: "health " + h, id: "asset-health", text: h }),
      detail && detail.type ? el("span", { class: "muted", text: humanise(detail.type) }) : null].filter(Boolean));
    if (detail && detail.name) document.title = detail.name + " · Millrace";
  }

  function drawSide() {
    const blocks = [];
    side.className = "side";
    const plate = detail && detail.nameplate ? Object.entries(detail.nameplate) : [];
    if (detail && detail.description) blocks.push(el("p", { class: "panel notice", text: detail.description }));
    if (plate.length) {
      blocks.push(el("h2", { class: "section", text: "Nameplate" }),
        el("dl", { class: "panel nameplate", id: "nameplate" }, ...plate.flatMap(([k, v]) => [el("dt", { text: humanise(k.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()) }), el("dd", { text: String(v) })])));
    }
    const t = tags();
    const connections = [...new Set(t.map(x => x.connection).filter(Boolean))];
    const facts = [["Path", path], ["Type", detail && detail.type ? humanise(detail.type) : null], ["Tags", String(t.length)],
      ["Connection", connections.join(", ") || null]].filter(([, v]) => v);
    blocks.push(el("h2", { class: "section", text: "Details" }),
      el("dl", { class: "panel nameplate", id: "details" }, ...facts.flatMap(([k, v]) => [el("dt", { text: k }), el("dd", { text: v })])));
    const kids = childNodes();
    if (kids.length) {
      blocks.unshift(el("h2", { class: "section", text: "Contains" }),
        el("ul", { class: "panel attention", id: "children" }, ...kids.map(k => el("li", {},
          el("span", { class: "health " + k.health, text: k.health }), el("a", { href: assetURL(k.path), "data-link": true, text: k.name }),
          el("span", { class: "muted", text: k.tagCount + " tags" })))));
    }
    side.replaceChildren(...blocks);
    const list = detail && detail.findings ? detail.findings : [];
    findings.classList.toggle("hidden", list.length === 0);
    if (list.length) {
      findings.replaceChildren(el("h2", { class: "section", text: "Findings" }),
        el("ul", { class: "findings" }, ...list.map(f => el("li", {},
          el("div", { class: "finding-head" },
            el("span", { class: "severity " + String(f.severity || "").toLowerCase(), text: f.severity || "finding" }),
            el("strong", { text: f.title || f.fault || "Finding" }),
            el("span", { class: "muted", text: (f.asset ? f.asset.split("/").pop() + " · " : "") + (f.time ? new Date(f.time).toLocaleString() : "") +
              (typeof f.confidence === "number" ? " · confidence " + Math.round(f.confidence * 100) + " %" : "") })),
          historyLine(f) ? el("p", { class: "muted", text: historyLine(f) }) : null,
          f.explanation ? el("p", { class: "finding-why", text: f.explanation }) : null,
          f.recommendedAction ? el("p", { class: "finding-action", text: "Recommended: " + f.recommendedAction }) : null))));
    }
  }

  // "raised low at 26/11 08:10, moderate at 11:40, now high" when the finding's severity has moved.
  function historyLine(f) {
    const h = Array.isArray(f.severityHistory) ? f.severityHistory : [];
    if (h.length < 2) return "";
    const at = c => new Date(c.time).toLocaleString();
    const steps = h.slice(1, -1).map(c => c.severity + " at " + at(c));
    return ["raised " + h[0].severity + " at " + at(h[0]), ...steps, "now " + h[h.length - 1].severity + " (since " + at(h[h.length - 1]) + ")"].join(", ");
  }

  function drawValues() {
    const now = live.now();
    const t = tags();
    if (values.children.length !== t.length) {
      values.replaceChildren(...t.map(tag => el("div", { class: "panel value-tile", "data-tag": tag.id },
        el("span", { class: "name", text: tag.name, title: (tag.description ? tag.description + " · " : "") + tag.id }),
        el("span", { class: "reading" }, el("span", { class: "v", "data-tag-value": tag.id }), el("span", { class: "unit", text: tag.unit || "" })),
        el("span", { class: "meta" }, el("span", { class: "q" }), el("span", { class: "age num" })))));
    }
    for (const tag of t) {
      const tile = values.querySelector('[data-tag="' + CSS.escape(tag.id) + '"]');
      if (!tile) continue;
      const v = tile.querySelector(".v"), q = tile.querySelector(".q"), age = tile.querySelector(".age");
      const c = tag.current;
      const text = formatValue(tag);
      if (v.textContent !== text) v.textContent = text;
      if (c && v.dataset.time !== c.time) v.dataset.time = c.time;
      const s = severity(c && c.quality);
      q.className = "q " + s; q.textContent = c ? qualityLabel(c.quality) : "no data";
      tile.classList.toggle("bad", s === "bad");
      age.textContent = c ? formatAge(c.time, now) : "";
    }
    const h = currentHealth();
    const badge = head.querySelector("#asset-health");
    if (badge && badge.textContent !== h) { badge.className = "health " + h; badge.textContent = h; }
  }

  function buildCharts() {
    const numeric = tags().filter(t => t.kind === "double" || t.kind === "integer");
    chartBox.replaceChildren();
    numeric.forEach((tag, i) => {
      const box = el("div", { class: "chart", "data-chart": tag.id });
      chartBox.append(el("section", { class: "panel chart-panel" },
        el("h3", {}, el("span", { text: tag.name + (tag.unit ? " (" + tag.unit + ")" : "") }), el("span", { class: "hint id", text: tag.id })), box));
      const chart = new TimeChart(box, {
        label: tag.name,
        onRangeChange: (t0, t1) => { view.follow = false; setRange(t0, t1, chart); },
        onReset: () => setPreset(view.preset),
      });
      const series = { key: tag.id, label: tag.name, unit: tag.unit, color: COLORS[i % COLORS.length], points: [], step: tag.kind === "bool" };
      chart.setSeries([series]);
      charts.set(tag.id, { chart, series });
    });
    document.getElementById("open-explorer").href = "/trends?tags=" + numeric.slice(0, 4).map(t => encodeURIComponent(t.id)).join(",") + "&range=" + view.preset;
    if (!numeric.length) chartBox.append(el("p", { class: "empty", text: "This asset has no numeric tags to trend." }));
  }

  function setPreset(name) {
    const span = PRESETS.find(p => p[0] === name)[1];
    view.preset = name; view.span = span; view.follow = true;
    for (const b of presetButtons.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.preset === name));
    const now = live.now();
    setRange(now - span, now, null);
  }

  function setRange(t0, t1, source) {
    view.t0 = t0; view.t1 = t1;
    for (const { chart } of charts.values()) if (chart !== source) chart.setRange(t0, t1);
    rangeText.textContent = (view.follow ? "Last " + view.preset + ", live" : new Date(t0).toLocaleString() + " – " + new Date(t1).toLocaleString());
    if (!view.follow) for (const b of presetButtons.querySelectorAll("button")) b.setAttribute("aria-pressed", "false");
    clearTimeout(fetchTimer);
    fetchTimer = setTimeout(fetchAll, source ? 180 : 0);
  }

  async function fetchAll() {
    if (fetchController) fetchController.abort();
    const controller = new AbortController();
    fetchController = controller;
    const { t0, t1 } = view;
    await Promise.all([...charts.entries()].map(async ([id, { chart, series }]) => {
      chart.setLoading("loading…");
      try {
        series.points = await fetchPlot(id, t0, t1, chart.width, controller.signal);
        const tag = live.tags.get(id);
        series.holdUntil = tag && tag.current && severity(tag.current.quality) !== "bad" ? live.now() : null;
        chart.setLoading("");
        chart.draw();
        chart.container.dataset.loadedPoints = String(series.points.length);
        chart.container.dataset.range = t0 + "," + t1;
      } catch (e) {
        if (e.name !== "AbortError") chart.setLoading("could not load: " + e.message);
      }
    }));
  }

  // Live: values update in place; while following "now", new values extend the trends and the window slides.
  let lastSlide = 0, lastRefetch = Date.now();
  const unsubscribe = live.subscribe(changed => {
    if (groupRedraw && !detail) groupRedraw();
    if (!values.children.length) return;
    drawValues();
    if (!view.follow) return;
    for (const id of changed) {
      const entry = charts.get(id);
      const tag = live.tags.get(id);
      if (!entry || !tag || !tag.current) continue;
      const t = Date.parse(tag.current.time), pts = entry.series.points;
      if (pts.length && pts[pts.length - 1][0] >= t) continue;
      const v = typeof tag.current.value === "number" ? tag.current.value : typeof tag.current.value === "boolean" ? (tag.current.value ? 1 : 0) : null;
      pts.push([t, severity(tag.current.quality) === "bad" ? null : v, tag.current.quality]);
    }
    for (const [id, entry] of charts) {
      const tag = live.tags.get(id);
      entry.series.holdUntil = tag && tag.current && severity(tag.current.quality) !== "bad" ? live.now() : null;
    }
    const now = live.now();
    if (now - lastSlide > 1000) {
      lastSlide = now;
      view.t0 = now - view.span; view.t1 = now;
      for (const { chart } of charts.values()) chart.setRange(view.t0, view.t1);
    }
    if (Date.now() - lastRefetch > 60000) { lastRefetch = Date.now(); fetchAll(); }
  });
  const ageTimer = setInterval(() => { if (values.children.length) drawValues(); }, 1000);
  load();
  return () => {
    destroyed = true; unsubscribe(); clearInterval(ageTimer); clearTimeout(fetchTimer);
    if (fetchController) fetchController.abort();
    for (const { chart } of charts.values()) chart.destroy();
  };
}
"""#
}
