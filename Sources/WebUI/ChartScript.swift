/// Millrace's own time-series chart on a canvas (ADR 0012): nice value ticks, time ticks in the plant's time zone,
/// min/max bands where the server's M4 downsampling put several points in one pixel column, gaps drawn as gaps
/// with a red mark, uncertain points marked, a crosshair with a value readout, zoom (wheel, drag-select, pinch,
/// keyboard) and pan (shift-drag, one-finger drag, arrow keys).
enum ChartScript {
    static let js = #"""
import { dateTimeFormat, formatNumber, formatTime } from "/format.js";

export const COLORS = ["#2f81f7", "#f0883e", "#2da44e", "#d2a8ff", "#e5534b", "#39c5cf", "#c69026", "#db61a2"];
const MIN_SPAN = 10e3, MAX_SPAN = 6 * 365 * 86400e3;
const AXIS_W = 56, BOTTOM = 34, TOP = 20;

const SECOND = 1e3, MINUTE = 60e3, HOUR = 3600e3, DAY = 86400e3;
const TIME_STEPS = [SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE, 2 * MINUTE, 5 * MINUTE,
  10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY];
const MONTH_STEPS = [1, 2, 3, 6, 12];

/// Ticks at 1, 2 or 5 times a power of ten covering [lo, hi], about `count` of them.
export function niceTicks(lo, hi, count) {
  if (!(hi > lo)) return { step: 1, ticks: [lo] };
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw) || 10 * power;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return { step, ticks };
}

/// Offset of the time zone from UTC at `ms`, in ms (Intl gives the zone's wall-clock parts).
function zoneOffset(ms, timeZone) {
  if (!timeZone) return -new Date(ms).getTimezoneOffset() * MINUTE;
  const parts = {};
  for (const p of dateTimeFormat(timeZone, { year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", hourCycle: "h23" }).formatToParts(ms)) parts[p.type] = p.value;
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/// Time ticks aligned to the zone's wall clock: `{ticks: [{t, label, major}]}`.
export function timeTicks(t0, t1, width, timeZone) {
  const span = t1 - t0, target = Math.max(2, Math.floor(width / 110));
  const ticks = [];
  const offset = zoneOffset(t0, timeZone);
  const step = TIME_STEPS.find(s => span / s <= target);
  if (step) {
    let t = Math.ceil((t0 + offset) / step) * step - offset;
    if (step >= DAY) t = Math.ceil((t0 + offset) / DAY) * DAY - offset;
    let lastDay = null;
    for (; t <= t1; t += step) {
      const local = t + zoneOffset(t, timeZone) ;
      const dayKey = Math.floor(local / DAY);
      let label, major = false;
      if (step >= DAY) label = dateTimeFormat(timeZone, { month: "short", day: "numeric" }).format(t);
      else {
        label = dateTimeFormat(timeZone, step < MINUTE ? { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" } : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);
        if (lastDay !== null && dayKey !== lastDay || local % DAY === 0) { major = true; }
        if (lastDay === null && span > 6 * HOUR || major) label += "\n" + dateTimeFormat(timeZone, { month: "short", day: "numeric" }).format(t);
      }
      lastDay = dayKey;
      ticks.push({ t, label, major });
    }
    return ticks;
  }
  const months = MONTH_STEPS.find(m => span / (m * 30.44 * DAY) <= target) || 24;
  const d = new Date(t0 + offset);
  let y = d.getUTCFullYear(), m = Math.ceil((d.getUTCMonth() + (d.getUTCDate() > 1 ? 1 : 0)) / months) * months;
  for (let i = 0; i < 60; i++) {
    const wall = Date.UTC(y, m, 1);
    const t = wall - zoneOffset(wall, timeZone);
    if (t > t1) break;
    if (t >= t0) ticks.push({ t, label: dateTimeFormat(timeZone, m % 12 === 0 ? { year: "numeric", month: "short" } : { month: "short" }).format(t), major: m % 12 === 0 });
    m += months;
  }
  return ticks;
}

function css(name) { return getComputedStyle(document.documentElement).getPropertyValue(name).trim(); }

/// Index of the last point with time <= t (points sorted by time), or -1.
function bisect(points, t) {
  let lo = 0, hi = points.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid][0] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

export class TimeChart {
  /// options: { onRangeChange(t0, t1, byUser), onReset(), timeZone, label }
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.series = [];
    this.mode = "axes";
    this.t0 = Date.now() - HOUR; this.t1 = Date.now();
    this.base = document.createElement("canvas");
    this.overlay = document.createElement("canvas");
    this.overlay.tabIndex = 0;
    this.overlay.setAttribute("role", "img");
    this.overlay.setAttribute("aria-label", (options.label || "Trend") + ". Wheel or +/- to zoom, drag to select a range, shift-drag or arrow keys to pan, double-click or Home to reset.");
    this.readout = document.createElement("div");
    this.readout.className = "readout hidden";
    this.status = document.createElement("div");
    this.status.className = "loading";
    container.append(this.base, this.overlay, this.readout, this.status);
    this.pointers = new Map();
    this.hover = null;
    this.bind();
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(container);
    this.themeListener = () => this.draw();
    window.addEventListener("millrace-theme", this.themeListener);
    this.resize();
  }

  destroy() {
    this.resizeObserver.disconnect();
    window.removeEventListener("millrace-theme", this.themeListener);
  }

  get width() { return this.container.clientWidth; }
  get height() { return this.container.clientHeight; }

  setLoading(text) { this.status.textContent = text || ""; }
  setSeries(series) { this.series = series; this.draw(); }
  setMode(mode) { this.mode = mode; this.draw(); }
  setRange(t0, t1) { this.t0 = t0; this.t1 = t1; this.draw(); }

  resize() {
    const dpr = window.devicePixelRatio || 1;
    for (const c of [this.base, this.overlay]) {
      c.width = Math.max(1, Math.round(this.width * dpr));
      c.height = Math.max(1, Math.round(this.height * dpr));
    }
    this.draw();
  }

  /// Plot area and one axis per series (left, right, left, …) or one shared axis when normalised.
  layout() {
    const visible = this.series.filter(s => !s.hidden);
    const axes = this.mode === "normalised" ? 1 : Math.max(1, new Set(visible.map(s => s.axis ?? s.key)).size);
    const left = Math.ceil(axes / 2), right = Math.floor(axes / 2);
    const narrow = this.width < 500;
    const w = narrow ? 44 : AXIS_W;
    return { left: left * w + 4, right: right * w + 10, top: TOP, bottom: BOTTOM, axisWidth: w,
      plotW: Math.max(10, this.width - left * w - 4 - right * w - 10), plotH: Math.max(10, this.height - TOP - BOTTOM) };
  }

  x(t, L) { return L.left + (t - this.t0) / (this.t1 - this.t0) * L.plotW; }
  tAt(px, L) { return this.t0 + (px - L.left) / L.plotW * (this.t1 - this.t0); }

  /// Value range of each axis over the visible window.
  scales() {
    const byAxis = new Map();
    for (const s of this.series) {
      if (s.hidden) continue;
      const key = this.mode === "normalised" ? s.key : (s.axis ?? s.key);
      let lo = Infinity, hi = -Infinity;
      const off = s.offset || 0;
      for (const p of s.points) {
        const t = p[0] + off;
        if (p[1] === null || t < this.t0 - (this.t1 - this.t0) * 0.02 || t > this.t1) continue;
        if (p[1] < lo) lo = p[1];
        if (p[1] > hi) hi = p[1];
      }
      const prev = byAxis.get(key);
      if (prev) { prev.lo = Math.min(prev.lo, lo); prev.hi = Math.max(prev.hi, hi); prev.series.push(s); }
      else byAxis.set(key, { lo, hi, series: [s], unit: s.unit, color: s.color });
    }
    for (const a of byAxis.values()) {
      if (!isFinite(a.lo)) { a.lo = 0; a.hi = 1; }
      if (a.hi - a.lo < 1e-9) { const pad = Math.abs(a.hi) * 0.05 || 1; a.lo -= pad; a.hi += pad; }
      const pad = (a.hi - a.lo) * 0.06; a.lo -= pad; a.hi += pad;
    }
    return byAxis;
  }

  draw() {
    const ctx = this.base.getContext("2d");
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const L = this.layout();
    this.L = L;
    const text = css("--muted"), grid = css("--grid"), bad = css("--bad"), warn = css("--warning"), line = css("--line");
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";

    // Time grid and labels.
    ctx.strokeStyle = grid; ctx.fillStyle = text; ctx.lineWidth = 1; ctx.textAlign = "center";
    for (const tick of timeTicks(this.t0, this.t1, L.plotW, this.options.timeZone)) {
      const x = Math.round(this.x(tick.t, L)) + 0.5;
      ctx.beginPath(); ctx.moveTo(x, L.top); ctx.lineTo(x, L.top + L.plotH); ctx.stroke();
      tick.label.split("\n").forEach((part, i) => ctx.fillText(part, x, L.top + L.plotH + 10 + i * 13));
    }
    ctx.strokeStyle = line;
    ctx.strokeRect(L.left + 0.5, L.top + 0.5, L.plotW - 1, L.plotH - 1);

    const scales = this.scales();
    this.scaleMap = scales;
    let axisIndex = 0;
    const valueY = (v, a) => L.top + L.plotH - (v - a.lo) / (a.hi - a.lo) * L.plotH;
    if (this.mode === "normalised") {
      ctx.textAlign = "right"; ctx.fillStyle = text; ctx.strokeStyle = grid;
      for (const v of [0, 0.25, 0.5, 0.75, 1]) {
        const y = Math.round(L.top + L.plotH - (v * 0.88 + 0.06) * L.plotH) + 0.5;
        ctx.beginPath(); ctx.moveTo(L.left, y); ctx.lineTo(L.left + L.plotW, y); ctx.stroke();
        ctx.fillText(Math.round(v * 100) + " %", L.left - 6, y);
      }
    } else {
      for (const a of scales.values()) {
        const onLeft = axisIndex % 2 === 0, slot = Math.floor(axisIndex / 2);
        const ax = onLeft ? L.left - slot * L.axisWidth : L.left + L.plotW + slot * L.axisWidth;
        const { ticks } = niceTicks(a.lo, a.hi, Math.max(2, Math.floor(L.plotH / 45)));
        ctx.textAlign = onLeft ? "right" : "left";
        ctx.fillStyle = scales.size > 1 ? a.color : text;
        for (const v of ticks) {
          const y = Math.round(valueY(v, a)) + 0.5;
          if (axisIndex === 0) { ctx.strokeStyle = grid; ctx.beginPath(); ctx.moveTo(L.left, y); ctx.lineTo(L.left + L.plotW, y); ctx.stroke(); }
          ctx.fillText(formatNumber(v, 4), ax + (onLeft ? -6 : 6), y);
        }
        if (a.unit) { ctx.font = "600 11px system-ui, sans-serif"; ctx.fillText(a.unit, ax + (onLeft ? -6 : 6), 8); ctx.font = "12px system-ui, sans-serif"; }
        axisIndex++;
      }
    }

    // Series, clipped to the plot area.
    ctx.save();
    ctx.beginPath(); ctx.rect(L.left, L.top, L.plotW, L.plotH); ctx.clip();
    for (const s of this.series) {
      if (s.hidden) continue;
      const key = this.mode === "normalised" ? s.key : (s.axis ?? s.key);
      const a = scales.get(key);
      if (!a) continue;
      const y = this.mode === "normalised"
        ? v => L.top + L.plotH - ((v - a.lo) / (a.hi - a.lo) * 0.88 + 0.06) * L.plotH
        : v => valueY(v, a);
      this.drawSeries(ctx, s, L, y, bad, warn);
    }
    ctx.restore();
    this.drawOverlay();
  }

  /// One series: per pixel column the min/max band (several points per column: M4 data) and a line through the
  /// column means; a null value is a gap (line broken, red band to the next value, red mark at the bottom).
  drawSeries(ctx, s, L, y, bad, warn) {
    const off = s.offset || 0, pts = s.points;
    const start = Math.max(0, bisect(pts, this.t0 - off) - 1), end = Math.min(pts.length, bisect(pts, this.t1 - off) + 2);
    const columns = [];
    let column = null;
    for (let i = start; i < end; i++) {
      const p = pts[i];
      const px = this.x(p[0] + off, L);
      if (p[1] === null) {
        // Gap: ends at the next point that has a value.
        let j = i + 1; while (j < end && pts[j][1] === null) j++;
        const x2 = j < end ? this.x(pts[j][0] + off, L) : L.left + L.plotW;
        columns.push({ gap: true, x: px, x2 });
        column = null;
        continue;
      }
      const cx = Math.floor(px);
      if (!column || column.cx !== cx) {
        column = { cx, x: px, lo: p[1], hi: p[1], sum: 0, n: 0, uncertain: false };
        columns.push(column);
      }
      column.lo = Math.min(column.lo, p[1]); column.hi = Math.max(column.hi, p[1]);
      column.sum += p[1]; column.n++;
      if (p[2] && p[2].startsWith("uncertain")) column.uncertain = true;
    }
    // Gaps first, underneath.
    ctx.fillStyle = bad;
    for (const c of columns) if (c.gap) {
      ctx.globalAlpha = 0.08; ctx.fillRect(c.x, L.top, Math.max(2, c.x2 - c.x), L.plotH);
      ctx.globalAlpha = 0.9; ctx.fillRect(c.x - 1, L.top + L.plotH - 6, Math.max(3, c.x2 - c.x), 6);
    }
    ctx.globalAlpha = 1;
    // Min/max band.
    ctx.fillStyle = s.color; ctx.globalAlpha = 0.28;
    for (const c of columns) if (!c.gap && c.n > 1 && c.hi > c.lo) {
      const top = y(c.hi), bottom = y(c.lo);
      ctx.fillRect(c.cx, top, 1, Math.max(1, bottom - top));
    }
    ctx.globalAlpha = 1;
    // Line.
    ctx.strokeStyle = s.color; ctx.lineWidth = s.width || 1.6; ctx.lineJoin = "round";
    ctx.setLineDash(s.dashed ? [6, 4] : []);
    ctx.beginPath();
    let pen = false;
    for (const c of columns) {
      if (c.gap) { pen = false; continue; }
      const py = y(c.sum / c.n);
      if (s.step && pen) { ctx.lineTo(c.x, this.lastY); }
      if (pen) ctx.lineTo(c.x, py); else ctx.moveTo(c.x, py);
      this.lastY = py;
      pen = true;
    }
    // The last value holds until the time it is known to be current (deadband filters store only changes).
    const last = columns[columns.length - 1];
    if (s.holdUntil && last && !last.gap && pen) {
      const until = Math.min(this.x(s.holdUntil, L), L.left + L.plotW);
      if (until > last.x) ctx.lineTo(until, y(last.sum / last.n));
    }
    ctx.stroke();
    ctx.setLineDash([]);
    // Lone points (between gaps) would be invisible as a line.
    ctx.fillStyle = s.color;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i];
      if (c.gap) continue;
      const prev = columns[i - 1], next = columns[i + 1];
      if ((!prev || prev.gap) && (!next || next.gap)) { ctx.beginPath(); ctx.arc(c.x, y(c.sum / c.n), 2.5, 0, 7); ctx.fill(); }
    }
    // Uncertain values: hollow amber rings.
    ctx.strokeStyle = warn; ctx.lineWidth = 1.5;
    for (const c of columns) if (!c.gap && c.uncertain) { ctx.beginPath(); ctx.arc(c.x, y(c.sum / c.n), 3.5, 0, 7); ctx.stroke(); }
  }

  drawOverlay() {
    const ctx = this.overlay.getContext("2d");
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const L = this.L;
    if (!L) return;
    if (this.selection) {
      const [a, b] = [Math.min(...this.selection), Math.max(...this.selection)];
      ctx.fillStyle = css("--accent"); ctx.globalAlpha = 0.15;
      ctx.fillRect(a, L.top, b - a, L.plotH);
      ctx.globalAlpha = 1;
    }
    if (this.hover === null || this.hover < L.left || this.hover > L.left + L.plotW) { this.readout.classList.add("hidden"); return; }
    const x = Math.round(this.hover) + 0.5;
    ctx.strokeStyle = css("--muted"); ctx.setLineDash([3, 3]); ctx.lineWidth = 1;
    ctx.beginPath(); ctx.moveTo(x, L.top); ctx.lineTo(x, L.top + L.plotH); ctx.stroke(); ctx.setLineDash([]);
    const t = this.tAt(this.hover, L);
    const rows = [];
    for (const s of this.series) {
      if (s.hidden) continue;
      const i = bisect(s.points, t - (s.offset || 0));
      const candidates = [s.points[i], s.points[i + 1]].filter(Boolean);
      if (!candidates.length) continue;
      const p = candidates.reduce((best, q) => Math.abs(q[0] + (s.offset || 0) - t) < Math.abs(best[0] + (s.offset || 0) - t) ? q : best);
      rows.push([s, p]);
      if (p[1] !== null) {
        const key = this.mode === "normalised" ? s.key : (s.axis ?? s.key);
        const a = this.scaleMap.get(key);
        if (a) {
          const frac = (p[1] - a.lo) / (a.hi - a.lo);
          const py = L.top + L.plotH - (this.mode === "normalised" ? frac * 0.88 + 0.06 : frac) * L.plotH;
          ctx.fillStyle = s.color; ctx.beginPath(); ctx.arc(this.x(p[0] + (s.offset || 0), L), py, 4, 0, 7); ctx.fill();
        }
      }
    }
    const box = this.readout;
    box.replaceChildren();
    const head = document.createElement("div");
    head.className = "muted"; head.textContent = formatTime(t, this.options.timeZone);
    box.append(head);
    for (const [s, p] of rows) {
      const row = document.createElement("div");
      const sw = document.createElement("span"); sw.className = "sw"; sw.style.background = s.color;
      const value = p[1] === null ? "no data (" + (p[2] || "gap") + ")" : formatNumber(p[1]) + (s.unit ? " " + s.unit : "");
      row.append(sw, document.createTextNode(s.label + ": "));
      const b = document.createElement("strong"); b.className = "num"; b.textContent = value; row.append(b);
      if (p[2] && !p[2].startsWith("good") && p[1] !== null) row.append(document.createTextNode(" · " + p[2]));
      box.append(row);
    }
    box.classList.remove("hidden");
    const bw = box.offsetWidth;
    box.style.left = (this.hover + 14 + bw > this.width ? Math.max(0, this.hover - 14 - bw) : this.hover + 14) + "px";
    box.style.top = (L.top + 6) + "px";
  }

  zoom(factor, aroundT) {
    const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (this.t1 - this.t0) * factor));
    const f = (aroundT - this.t0) / (this.t1 - this.t0);
    this.changeRange(aroundT - f * span, aroundT + (1 - f) * span);
  }

  pan(fraction) {
    const d = (this.t1 - this.t0) * fraction;
    this.changeRange(this.t0 + d, this.t1 + d);
  }

  changeRange(t0, t1) {
    this.t0 = t0; this.t1 = t1;
    this.draw();
    if (this.options.onRangeChange) this.options.onRangeChange(t0, t1);
  }

  bind() {
    const o = this.overlay;
    const local = e => { const r = o.getBoundingClientRect(); return e.clientX - r.left; };
    o.addEventListener("wheel", e => {
      e.preventDefault();
      const factor = Math.exp(Math.max(-1, Math.min(1, e.deltaY / 300)) * 0.5);
      this.zoom(factor, this.tAt(local(e), this.L));
    }, { passive: false });
    o.addEventListener("pointerdown", e => {
      o.setPointerCapture(e.pointerId);
      this.pointers.set(e.pointerId, local(e));
      if (e.pointerType === "mouse" && !e.shiftKey) this.selection = [local(e), local(e)];
      else this.panStart = { x: local(e), t0: this.t0, t1: this.t1 };
      if (this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        this.pinch = { d: Math.abs(a - b) || 1, t0: this.t0, t1: this.t1, mid: this.tAt((a + b) / 2, this.L) };
        this.panStart = null;
      }
    });
    o.addEventListener("pointermove", e => {
      const x = local(e);
      if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, x);
      if (this.pinch && this.pointers.size === 2) {
        const [a, b] = [...this.pointers.values()];
        const scale = this.pinch.d / (Math.abs(a - b) || 1);
        const span = Math.min(MAX_SPAN, Math.max(MIN_SPAN, (this.pinch.t1 - this.pinch.t0) * scale));
        const f = (this.pinch.mid - this.pinch.t0) / (this.pinch.t1 - this.pinch.t0);
        this.t0 = this.pinch.mid - f * span; this.t1 = this.t0 + span;
        this.draw();
      } else if (this.selection && this.pointers.size === 1) {
        this.selection[1] = x;
      } else if (this.panStart && this.pointers.size === 1) {
        const dt = (x - this.panStart.x) / this.L.plotW * (this.panStart.t1 - this.panStart.t0);
        this.t0 = this.panStart.t0 - dt; this.t1 = this.panStart.t1 - dt;
        this.draw();
      }
      this.hover = x;
      this.drawOverlay();
    });
    const end = e => {
      this.pointers.delete(e.pointerId);
      if (this.selection) {
        const [a, b] = [Math.min(...this.selection), Math.max(...this.selection)];
        this.selection = null;
        if (b - a > 6) this.changeRange(this.tAt(a, this.L), this.tAt(b, this.L));
        else this.drawOverlay();
      } else if (this.pinch || this.panStart) {
        if (this.pointers.size === 0) { this.pinch = null; this.panStart = null; this.changeRange(this.t0, this.t1); }
      }
    };
    o.addEventListener("pointerup", end);
    o.addEventListener("pointercancel", end);
    o.addEventListener("pointerleave", e => { if (e.pointerType === "mouse") { this.hover = null; this.drawOverlay(); } });
    o.addEventListener("dblclick", () => this.options.onReset && this.options.onReset());
    o.addEventListener("keydown", e => {
      const mid = (this.t0 + this.t1) / 2;
      if (e.key === "ArrowLeft") this.pan(-0.2);
      else if (e.key === "ArrowRight") this.pan(0.2);
      else if (e.key === "+" || e.key === "=") this.zoom(0.5, mid);
      else if (e.key === "-" || e.key === "_") this.zoom(2, mid);
      else if (e.key === "Home" && this.options.onReset) this.options.onReset();
      else return;
      e.preventDefault();
    });
  }
}

/// The points of one tag over [t0, t1] from the server's downsampling, as [timeMs, value|null, quality].
export async function fetchPlot(id, t0, t1, pixels, signal) {
  const url = "/api/v1/tags/" + encodeURIComponent(id) + "/plot?from=" + new Date(t0).toISOString() + "&to=" + new Date(t1).toISOString() + "&pixels=" + Math.max(10, Math.min(10000, Math.round(pixels)));
  const response = await fetch(url, { signal, cache: "no-store" });
  if (response.status === 401) location.assign("/login?next=" + encodeURIComponent(location.pathname));
  if (!response.ok) throw new Error("HTTP " + response.status);
  const body = await response.json();
  return body.points.map(p => [Date.parse(p.time), typeof p.value === "number" ? p.value : null, p.quality]);
}
"""#
}
