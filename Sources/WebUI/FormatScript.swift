/// Small shared helpers: DOM building, number, time and quality formatting, the asset tree built from tags.
enum FormatScript {
    static let js = #"""
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/// "good", "uncertain" or "bad" from a quality such as "bad:communicationFailure"; "none" without a value.
export function severity(quality) {
  if (!quality) return "none";
  const s = String(quality).split(":")[0];
  return s === "good" || s === "uncertain" || s === "bad" ? s : "bad";
}

export function qualityLabel(quality) {
  if (!quality) return "no data";
  const [s, reason] = String(quality).split(":");
  if (!reason) return s;
  return s + " · " + reason.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}

export function formatNumber(value, digits) {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? "On" : "Off";
  if (typeof value !== "number") return String(value);
  const a = Math.abs(value);
  const fraction = digits ?? (a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3);
  return value.toLocaleString(undefined, { maximumFractionDigits: fraction, minimumFractionDigits: 0 });
}

export function formatValue(tag) {
  const c = tag.current;
  if (!c || c.value === null || c.value === undefined) return "—";
  if (tag.kind === "bool") return c.value ? "On" : "Off";
  return formatNumber(c.value);
}

export function formatAge(iso, now) {
  if (!iso) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 2) return "just now";
  if (seconds < 60) return seconds + " s ago";
  if (seconds < 3600) return Math.round(seconds / 60) + " min ago";
  if (seconds < 86400 * 2) return Math.round(seconds / 3600) + " h ago";
  return Math.round(seconds / 86400) + " days ago";
}

export function humanise(id) {
  const text = String(id).replace(/[-_]+/g, " ").trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const formatters = new Map();
export function dateTimeFormat(timeZone, options) {
  const key = (timeZone || "") + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, timeZone ? { ...options, timeZone } : options);
    formatters.set(key, f);
  }
  return f;
}

export function formatTime(ms, timeZone) {
  return dateTimeFormat(timeZone, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(ms);
}

export function zoneName(timeZone) {
  return timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || "local time";
}

/// Range presets shared by the asset page and the trend explorer.
export const PRESETS = [
  ["1h", 3600e3], ["8h", 8 * 3600e3], ["24h", 86400e3], ["7d", 7 * 86400e3], ["30d", 30 * 86400e3], ["1y", 365 * 86400e3],
];

const HEALTH_ORDER = { bad: 4, warning: 3, stale: 2, unknown: 1, good: 0 };
export function worstHealth(list) {
  let worst = null;
  for (const h of list) if (worst === null || HEALTH_ORDER[h] > HEALTH_ORDER[worst]) worst = h;
  return worst ?? "unknown";
}

/// Health of an asset from its tags' current values, the same rule as the server's `/api/v1/assets`.
export function tagHealth(tags, now, staleMs = 60000) {
  if (!tags.length) return "unknown";
  const withValues = tags.filter(t => t.current);
  if (!withValues.length) return "unknown";
  if (withValues.some(t => severity(t.current.quality) === "bad")) return "bad";
  if (withValues.some(t => severity(t.current.quality) === "uncertain")) return "warning";
  const newest = Math.max(...withValues.map(t => Date.parse(t.current.time)));
  if (now - newest > staleMs) return "stale";
  return "good";
}

const LEVELS = ["site", "area", "line", "cell"];
/// The asset tree built from tag paths, for servers without `/api/v1/assets`: the deepest path of a tag is an
/// asset; the levels above are site, area, line (and cell).
export function treeFromTags(tags, now) {
  const root = { children: new Map() };
  for (const tag of tags) {
    if (!tag.asset) continue;
    const parts = tag.asset.split("/");
    let node = root;
    parts.forEach((part, i) => {
      const path = parts.slice(0, i + 1).join("/");
      if (!node.children.has(part)) node.children.set(part, { path, id: part, name: humanise(part), children: new Map(), tags: [] });
      node = node.children.get(part);
    });
    node.tags.push(tag);
  }
  function finish(node, depth) {
    const children = [...node.children.values()].map(c => finish(c, depth + 1));
    const isAsset = children.length === 0;
    const health = isAsset ? tagHealth(node.tags, now) : worstHealth(children.map(c => c.health));
    const badTags = isAsset ? node.tags.filter(t => t.current && severity(t.current.quality) === "bad").length : children.reduce((s, c) => s + c.badTags, 0);
    const tagCount = isAsset ? node.tags.length : children.reduce((s, c) => s + c.tagCount, 0);
    return {
      path: node.path, id: node.id, name: node.name, level: isAsset ? "asset" : (LEVELS[depth] || "cell"), type: null,
      health, tagCount, badTags, activeAlarms: 0, children,
    };
  }
  return [...root.children.values()].map(n => finish(n, 0));
}

// Sends the browser to the login page (session expired or signed out elsewhere), back here afterwards.
export function toLogin() {
  location.assign("/login?next=" + encodeURIComponent(location.pathname));
}

// The CSRF token of this session (the mr_csrf cookie), for state-changing requests.
export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)mr_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

export async function getJSON(url) {
  const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
  if (response.status === 401) { toLogin(); throw Object.assign(new Error("signed out"), { status: 401 }); }
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (!response.ok) {
    const error = new Error((body && body.message) || ("HTTP " + response.status));
    error.status = response.status;
    error.code = body && body.code;
    throw error;
  }
  return body;
}

export function tagURL(id) { return "/api/v1/tags/" + encodeURIComponent(id); }
export function assetURL(path) { return "/assets/" + path.split("/").map(encodeURIComponent).join("/"); }
"""#
}
