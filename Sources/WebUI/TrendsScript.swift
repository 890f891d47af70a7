/// The trend explorer: search and pick tags, overlay them on separate y-axes or normalised, compare the range
/// with an earlier one (dashed), zoom and pan, export CSV through the API. The state lives in the URL
/// (`/trends?tags=a,b&range=24h&mode=axes&compare=1d`) so a view can be shared.
enum TrendsScript {
    static let js = #"""
import { el, PRESETS, zoneName, humanise, severity } from "/format.js";
import { TimeChart, fetchPlot, COLORS } from "/chart.js";

const COMPARE = [["", "No comparison"], ["previous", "Previous period"], ["1d", "Same time yesterday"], ["7d", "Same time last week"]];
const EXPORT_INTERVALS = [[1e3, "1s"], [5e3, "5s"], [10e3, "10s"], [30e3, "30s"], [60e3, "1m"], [300e3, "5m"], [900e3, "15m"], [3600e3, "1h"], [6 * 3600e3, "6h"], [86400e3, "1d"]];

export function mount(main, { live, query, navigate }) {
  document.title = "Trend explorer · Millrace";
  const state = {
    tags: (query.get("tags") || "").split(",").filter(Boolean),
    preset: PRESETS.some(p => p[0] === query.get("range")) ? query.get("range") : "8h",
    mode: query.get("mode") === "normalised" ? "normalised" : "axes",
    compare: COMPARE.some(c => c[0] === query.get("compare")) ? query.get("compare") || "" : "",
    follow: true, t0: 0, t1: 0,
  };
  const search = el("input", { type: "search", id: "tag-search", placeholder: "Search tags…", "aria-label": "Search tags", autocomplete: "off" });
  const list = el("ul", { id: "tag-list", "aria-label": "Tags" });
  const chips = el("div", { class: "chips", id: "selected-tags", "aria-label": "Selected tags" });
  const presets = el("div", { class: "seg", role: "group", "aria-label": "Time range" });
  const modes = el("div", { class: "seg", role: "group", "aria-label": "Y axes" });
  const compare = el("select", { id: "compare", "aria-label": "Compare with" }, ...COMPARE.map(([v, label]) => el("option", { value: v, text: label })));
  const exportBox = el("div", { class: "export", id: "export" });
  const box = el("div", { class: "chart tall", id: "explorer-chart" });
  const rangeText = el("span", { class: "hint num" });
  const emptyHint = el("p", { class: "empty", text: "Pick one or more tags on the left to plot them." });
  const legend = el("div", { class: "legend", id: "legend", "aria-label": "Legend" });
  compare.value = state.compare;

  main.append(el("h1", { class: "page", text: "Trend explorer" }),
    el("div", { class: "explorer" },
      el("aside", { class: "panel picker" }, search, chips, list),
      el("div", {},
        el("div", { class: "toolbar" }, presets, modes, compare,
          el("button", { type: "button", class: "btn", text: "Reset zoom", onclick: () => setPreset(state.preset) }), rangeText),
        el("section", { class: "panel chart-panel" }, box, emptyHint, legend),
        el("p", { class: "hint", text: "Wheel or pinch to zoom, drag to select, shift-drag to pan. Times in " + zoneName() + "." }),
        el("h2", { class: "section", text: "Export CSV" }), exportBox)));

  for (const [name] of PRESETS) presets.append(el("button", { type: "button", "data-preset": name, "aria-pressed": "false", text: name, onclick: () => setPreset(name) }));
  for (const [value, label] of [["axes", "Separate axes"], ["normalised", "Normalised"]]) {
    modes.append(el("button", { type: "button", "data-mode": value, "aria-pressed": String(state.mode === value), text: label, onclick: () => {
      state.mode = value;
      for (const b of modes.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.mode === value));
      chart.setMode(value); save();
    } }));
  }
  compare.addEventListener("change", () => { state.compare = compare.value; save(); load(); });

  const chart = new TimeChart(box, {
    label: "Selected tags",
    onRangeChange: (t0, t1) => { state.follow = false; state.t0 = t0; state.t1 = t1; showRange(); schedule(); },
    onReset: () => setPreset(state.preset),
  });
  chart.setMode(state.mode);
  let series = [], controller = null, timer = null;

  function save() {
    const q = new URLSearchParams();
    if (state.tags.length) q.set("tags", state.tags.join(","));
    q.set("range", state.preset);
    if (state.mode !== "axes") q.set("mode", state.mode);
    if (state.compare) q.set("compare", state.compare);
    history.replaceState(null, "", "/trends?" + q.toString().replace(/%2C/g, ","));
  }

  function drawList() {
    const text = search.value.trim().toLowerCase();
    const all = live.list().filter(t => t.kind !== "string");
    const matches = all.filter(t => !text || (t.id + " " + t.name + " " + (t.description || "") + " " + (t.asset || "")).toLowerCase().includes(text)).slice(0, 200);
    list.replaceChildren(...matches.map(t => {
      const box = el("input", { type: "checkbox", value: t.id, checked: state.tags.includes(t.id) });
      box.addEventListener("change", () => toggle(t.id, box.checked));
      return el("li", {}, el("label", { title: t.id }, box, el("span", {}, el("span", { text: t.name + (t.unit ? " (" + t.unit + ")" : "") }), el("span", { class: "id", text: assetLabel(t) }))));
    }));
    if (!matches.length) list.append(el("li", { class: "hint", text: all.length ? "No tag matches “" + search.value + "”." : "Loading tags…" }));
  }

  function assetLabel(t) { return t.asset ? t.asset.split("/").map(humanise).reverse().join(" · ") : t.id; }

  function colour(id) { return COLORS[state.tags.indexOf(id) % COLORS.length]; }

  function drawChips() {
    chips.replaceChildren(...state.tags.map(id => {
      const t = live.tags.get(id);
      const sw = el("span", { class: "sw" }); sw.style.background = colour(id);
      return el("span", { class: "chip", "data-selected": id, title: id }, sw, el("span", { text: t ? (t.asset ? humanise(t.asset.split("/").pop()) + " · " : "") + t.name : id }),
        el("button", { type: "button", "aria-label": "Remove " + (t ? t.name : id), text: "×", onclick: () => toggle(id, false) }));
    }));
  }

  function toggle(id, on) {
    state.tags = state.tags.filter(x => x !== id);
    if (on) state.tags.push(id);
    save(); drawChips(); drawList(); load();
  }

  function setPreset(name) {
    state.preset = name; state.follow = true;
    const span = PRESETS.find(p => p[0] === name)[1], now = live.now();
    state.t0 = now - span; state.t1 = now;
    for (const b of presets.querySelectorAll("button")) b.setAttribute("aria-pressed", String(b.dataset.preset === name));
    chart.setRange(state.t0, state.t1);
    showRange(); save(); load();
  }

  function showRange() {
    rangeText.textContent = state.follow ? "Last " + state.preset : new Date(state.t0).toLocaleString() + " – " + new Date(state.t1).toLocaleString();
    if (!state.follow) for (const b of presets.querySelectorAll("button")) b.setAttribute("aria-pressed", "false");
    drawExport();
  }

  function compareOffset() {
    if (state.compare === "previous") return state.t1 - state.t0;
    if (state.compare === "1d") return 86400e3;
    if (state.compare === "7d") return 7 * 86400e3;
    return 0;
  }

  function schedule() { clearTimeout(timer); timer = setTimeout(load, 180); }

  async function load() {
    drawExport();
    emptyHint.classList.toggle("hidden", state.tags.length > 0);
    if (controller) controller.abort();
    controller = new AbortController();
    const signal = controller.signal, { t0, t1 } = state, offset = compareOffset();
    const next = [];
    chart.setLoading(state.tags.length ? "loading…" : "");
    try {
      await Promise.all(state.tags.map(async id => {
        const t = live.tags.get(id) || { id, name: id, unit: "" };
        const holding = t.current && severity(t.current.quality) !== "bad" && state.follow;
        const current = { key: id, axis: id, label: t.name, unit: t.unit, color: colour(id), holdUntil: holding ? live.now() : null,
          points: await fetchPlot(id, t0, t1, chart.width, signal) };
        next.push(current);
        if (offset) {
          const earlier = await fetchPlot(id, t0 - offset, t1 - offset, chart.width, signal);
          next.push({ key: id + "@earlier", axis: id, label: t.name + " (" + (COMPARE.find(c => c[0] === state.compare)[1].toLowerCase()) + ")", unit: t.unit, color: colour(id), dashed: true, width: 1.2, offset, points: earlier });
        }
      }));
    } catch (e) {
      if (e.name === "AbortError") return;
      chart.setLoading("could not load: " + e.message);
      return;
    }
    next.sort((a, b) => state.tags.indexOf(a.axis) - state.tags.indexOf(b.axis) || (a.offset ? 1 : 0) - (b.offset ? 1 : 0));
    series = next;
    legend.replaceChildren(...series.map(x => {
      const sw = el("span", { class: "sw" + (x.dashed ? " dashed" : "") });
      sw.style.borderTopColor = x.color;
      return el("span", {}, sw, x.label + (x.unit ? " (" + x.unit + ")" : ""));
    }));
    chart.setLoading("");
    chart.setSeries(series);
    box.dataset.series = String(series.length);
  }

  /// CSV through the API: interpolated values over the range, the interval chosen for at most ~10,000 rows.
  function drawExport() {
    if (!state.tags.length) { exportBox.replaceChildren(el("span", { class: "hint", text: "Select tags to export them." })); return; }
    const span = state.t1 - state.t0;
    const [, interval] = EXPORT_INTERVALS.find(([ms]) => span / ms <= 10000) || EXPORT_INTERVALS[EXPORT_INTERVALS.length - 1];
    const from = new Date(state.t0).toISOString(), to = new Date(state.t1).toISOString();
    exportBox.replaceChildren(...state.tags.map(id => {
      const href = "/api/v1/tags/" + encodeURIComponent(id) + "/interpolated?from=" + from + "&to=" + to + "&interval=" + interval + "&format=csv";
      return el("a", { class: "btn", href, download: id + ".csv", "data-export": id, text: "⤓ " + id + ".csv" });
    }), el("span", { class: "hint", text: "values every " + interval }));
  }

  search.addEventListener("input", drawList);
  let lastSlide = 0;
  const unsubscribe = live.subscribe(() => {
    if (!list.children.length || list.querySelector(".hint")) drawList();
    if (state.follow && state.tags.length && Date.now() - lastSlide > 30000) { lastSlide = Date.now(); setPreset(state.preset); }
  });
  live.ready.then(() => { drawList(); drawChips(); });
  drawList(); drawChips(); setPreset(state.preset);
  return () => { unsubscribe(); chart.destroy(); clearTimeout(timer); if (controller) controller.abort(); };
}
"""#
}
