/// The connections page: each device or source, its state, last contact and last error. Uses
/// `/api/v1/connections`; on a server without it, derives the same table from the tags' connections and quality.
enum ConnectionsScript {
    static let js = #"""
import { el, getJSON, formatAge, formatTime, severity, qualityLabel } from "/format.js";

export function mount(main, { live }) {
  document.title = "Connections · Millrace";
  const notice = el("p", { class: "notice hidden", id: "derived-notice", text: "This server has no connections API yet: the table is derived from each connection's tags and their quality." });
  const body = el("tbody");
  main.append(el("h1", { class: "page", text: "Connections" }), notice,
    el("div", { class: "panel" }, el("table", { class: "data", id: "connections" },
      el("thead", {}, el("tr", {}, ...["Connection", "State", "Last contact", "Last error", "Tags", "Samples read"].map((h, i) =>
        el("th", { scope: "col", class: i >= 4 ? "wide num" : "", text: h })))), body)));

  let fromServer = null, hasRoute = true;

  function derived() {
    const groups = new Map();
    for (const t of live.list()) {
      const name = t.connection || "(none)";
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push(t);
    }
    return [...groups.entries()].map(([name, tags]) => {
      const times = tags.filter(t => t.current).map(t => Date.parse(t.current.time));
      const last = times.length ? Math.max(...times) : null;
      const bad = tags.filter(t => t.current && severity(t.current.quality) === "bad");
      const fresh = last !== null && live.now() - last < 60000;
      const state = !last ? "connecting" : bad.length === tags.length ? "failed" : fresh ? "connected" : "disconnected";
      const err = bad[0];
      return { name, protocol: null, endpoint: null, state, lastContact: last ? new Date(last).toISOString() : null,
        lastError: err ? err.name + ": " + qualityLabel(err.current.quality) : null, lastErrorTime: err ? err.current.time : null,
        tagCount: tags.length, samplesRead: null };
    });
  }

  function draw() {
    const rows = fromServer || derived();
    notice.classList.toggle("hidden", !!fromServer);
    const now = live.now();
    if (!rows.length) { body.replaceChildren(el("tr", {}, el("td", { colspan: "6", class: "empty", text: "No connections are configured." }))); return; }
    body.replaceChildren(...rows.map(c => el("tr", { "data-connection": c.name },
      el("td", {}, el("strong", { text: c.name }), c.protocol || c.endpoint ? el("div", { class: "hint", text: [c.protocol, c.endpoint].filter(Boolean).join(" · ") }) : null),
      el("td", {}, el("span", { class: "state " + c.state, text: c.state })),
      el("td", { class: "num" }, el("div", { text: c.lastContact ? formatAge(c.lastContact, now) : "never" }),
        c.lastContact ? el("div", { class: "hint", text: formatTime(Date.parse(c.lastContact)) }) : null),
      el("td", {}, c.lastError ? el("div", { class: c.state === "connected" ? "muted" : "error-text", text: c.lastError, title: c.state === "connected" ? "an earlier error; the connection has recovered" : null }) : el("span", { class: "muted", text: "none" }),
        c.lastErrorTime ? el("div", { class: "hint", text: formatTime(Date.parse(c.lastErrorTime)) }) : null),
      el("td", { class: "wide num", text: String(c.tagCount ?? "") }),
      el("td", { class: "wide num", text: c.samplesRead === null || c.samplesRead === undefined ? "—" : c.samplesRead.toLocaleString() }))));
  }

  async function refresh() {
    if (!hasRoute) return draw();
    try { fromServer = (await getJSON("/api/v1/connections")).connections; }
    catch (e) { if (e.status === 404) { hasRoute = false; fromServer = null; } }
    draw();
  }

  const unsubscribe = live.subscribe(() => { if (!fromServer) draw(); });
  const timer = setInterval(refresh, 2000);
  live.ready.then(refresh);
  draw();
  return () => { unsubscribe(); clearInterval(timer); };
}
"""#
}
