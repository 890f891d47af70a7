import Hummingbird

/// The web UI, compiled into the binary so that one file is the whole product (no resource bundle to lose,
/// no build step that needs npm). Plain HTML, CSS and JavaScript written for Millrace.
/// (The lead moves this behind the `WebUI` target at merge; `asset(path:)` is the same contract.)
public enum WebAssets {
    /// One file of the web UI.
    public struct WebAsset: Sendable {
        public var contentType: String
        public var body: [UInt8]
    }

    /// The file served for `path`: the single-page app's index for `/` and for client-side routes such as
    /// `/assets/demo/packaging` or `/trends`; nil (404) for an unknown file with an extension.
    public static func asset(path: String) -> WebAsset? {
        let last = path.split(separator: "/").last ?? ""
        if path == "/" || path == "/index.html" || !last.contains(".") {
            return WebAsset(contentType: "text/html; charset=utf-8", body: Array(indexHTML.utf8))
        }
        return nil
    }

    static func response(_ asset: WebAsset) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType, .cacheControl: "no-cache",
                .init("X-Content-Type-Options")!: "nosniff",
                .init("Content-Security-Policy")!: "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: asset.body)))
    }

    static let indexHTML = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Millrace — live values</title>
        <style>
          :root { --bg:#0f1419; --panel:#182028; --line:#26323d; --text:#e6edf3; --muted:#8b98a5;
                  --good:#3fb950; --uncertain:#d29922; --bad:#f85149; --accent:#58a6ff; }
          @media (prefers-color-scheme: light) {
            :root { --bg:#f5f7f9; --panel:#ffffff; --line:#d8dee4; --text:#1f2328; --muted:#59636e; --accent:#0969da; }
          }
          * { box-sizing: border-box; }
          body { margin:0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
          header { display:flex; align-items:center; gap:16px; padding:12px 20px; border-bottom:1px solid var(--line); background:var(--panel); }
          header h1 { font-size:18px; margin:0; font-weight:600; letter-spacing:.02em; }
          header .enterprise { color:var(--muted); }
          header .status { margin-left:auto; display:flex; align-items:center; gap:8px; color:var(--muted); font-variant-numeric: tabular-nums; }
          .dot { width:10px; height:10px; border-radius:50%; background:var(--muted); display:inline-block; }
          .dot.live { background:var(--good); } .dot.down { background:var(--bad); }
          main { padding:20px; display:grid; gap:20px; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); }
          section.asset { min-width:0; }
          section.asset { background:var(--panel); border:1px solid var(--line); border-radius:10px; overflow:hidden; }
          section.asset h2 { font-size:15px; margin:0; padding:12px 16px; border-bottom:1px solid var(--line); display:flex; justify-content:space-between; gap:12px; }
          section.asset h2 .path { color:var(--muted); font-weight:400; font-size:13px; }
          table { width:100%; border-collapse:collapse; table-layout:fixed; }
          td { padding:9px 16px; border-bottom:1px solid var(--line); vertical-align:middle; }
          tr:last-child td { border-bottom:none; }
          td.name { overflow-wrap:anywhere; } td.name .id { display:block; color:var(--muted); font-size:11px; }
          td.value { width:150px; text-align:right; font-size:22px; font-variant-numeric: tabular-nums; white-space:nowrap; overflow:hidden; text-overflow:ellipsis; }
          td.status { width:92px; text-align:right; }
          td.value .unit { font-size:13px; color:var(--muted); margin-left:4px; }
          td.spark { width:104px; padding-left:0; padding-right:0; } td.spark svg { width:100px; height:32px; display:block; }
          td.spark polyline { fill:none; stroke:var(--accent); stroke-width:1.5; }
          .q { font-size:11px; padding:2px 6px; border-radius:4px; border:1px solid currentColor; white-space:nowrap; }
          .q.good { color:var(--good); } .q.uncertain { color:var(--uncertain); } .q.bad { color:var(--bad); }
          .age { display:block; color:var(--muted); font-size:12px; text-align:right; white-space:nowrap; margin-top:3px; }
          .empty { padding:40px; color:var(--muted); }
          @media (max-width: 520px) { main { grid-template-columns: 1fr; padding:10px; } td.spark { display:none; } }
        </style>
        </head>
        <body>
        <header>
          <h1>Millrace</h1><span class="enterprise" id="enterprise"></span>
          <span class="status"><span class="dot" id="dot"></span><span id="status">connecting…</span></span>
        </header>
        <main id="assets"><div class="empty">Loading live values…</div></main>
        <script>
        "use strict";
        const history = new Map();   // tag id -> [[timeMs, value]]
        const windowMs = 10 * 60 * 1000;
        const el = (tag, attrs = {}, ...children) => {
          const node = document.createElement(tag);
          for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
          for (const child of children) node.append(child);
          return node;
        };
        function formatValue(tag) {
          const c = tag.current;
          if (!c) return "—";
          if (c.value === null) return "—";
          if (tag.kind === "bool") return c.value ? "ON" : "OFF";
          if (typeof c.value === "number") {
            const a = Math.abs(c.value);
            return c.value.toLocaleString(undefined, { maximumFractionDigits: a >= 100 ? 1 : a >= 10 ? 2 : 3 });
          }
          return String(c.value);
        }
        function age(iso, now) {
          if (!iso) return "";
          const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
          return s < 60 ? s + " s ago" : s < 3600 ? Math.round(s / 60) + " min ago" : new Date(iso).toLocaleString();
        }
        function sparkline(points) {
          const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
          svg.setAttribute("viewBox", "0 0 120 32"); svg.setAttribute("preserveAspectRatio", "none");
          const finite = points.filter(p => Number.isFinite(p[1]));
          if (finite.length < 2) return svg;
          const t0 = finite[0][0], t1 = finite[finite.length - 1][0];
          let lo = Math.min(...finite.map(p => p[1])), hi = Math.max(...finite.map(p => p[1]));
          if (hi - lo < 1e-9) { hi += 0.5; lo -= 0.5; }
          // One polyline per run of samples; a gap of more than a minute breaks the line instead of bridging it.
          const x = p => ((p[0] - t0) / Math.max(1, t1 - t0) * 118 + 1).toFixed(1);
          const y = p => (31 - (p[1] - lo) / (hi - lo) * 30).toFixed(1);
          let run = [];
          const flush = () => {
            if (run.length > 1) {
              const line = document.createElementNS("http://www.w3.org/2000/svg", "polyline");
              line.setAttribute("points", run.map(p => x(p) + "," + y(p)).join(" "));
              svg.append(line);
            }
            run = [];
          };
          for (const p of finite) {
            if (run.length && p[0] - run[run.length - 1][0] > 60000) flush();
            run.push(p);
          }
          flush();
          return svg;
        }
        function remember(tag) {
          const c = tag.current;
          if (!c || typeof c.value !== "number") return;
          const series = history.get(tag.id) || [];
          const t = Date.parse(c.time);
          if (!series.length || series[series.length - 1][0] < t) series.push([t, c.value]);
          while (series.length && series[0][0] < t - windowMs) series.shift();
          history.set(tag.id, series);
        }
        async function preload(tags) {
          await Promise.all(tags.filter(t => t.kind === "double" || t.kind === "integer").map(async t => {
            try {
              const r = await fetch("/api/v1/tags/" + encodeURIComponent(t.id) + "/samples?from=now-10m&limit=2000");
              if (!r.ok) return;
              const body = await r.json();
              history.set(t.id, body.samples.filter(s => typeof s.value === "number").map(s => [Date.parse(s.time), s.value]));
            } catch (e) { /* live values still work */ }
          }));
        }
        function render(body) {
          const now = Date.parse(body.serverTime);
          document.getElementById("enterprise").textContent = body.enterprise;
          const groups = new Map();
          for (const tag of body.tags) {
            const key = tag.asset || "(no asset)";
            if (!groups.has(key)) groups.set(key, []);
            groups.get(key).push(tag);
          }
          const main = document.getElementById("assets");
          if (!body.tags.length) { main.replaceChildren(el("div", { class: "empty" }, "No tags are configured.")); return; }
          const sections = [];
          for (const [asset, tags] of groups) {
            const parts = asset.split("/");
            const rows = tags.map(tag => {
              const q = tag.current ? tag.current.quality : "bad:waitingForInitialData";
              const severity = q.split(":")[0];
              const value = el("td", { class: "value", "data-tag": tag.id }, formatValue(tag));
              if (tag.unit) value.append(el("span", { class: "unit" }, tag.unit));
              return el("tr", { "data-tag-row": tag.id },
                el("td", { class: "name" }, tag.name, el("span", { class: "id" }, tag.id)),
                el("td", { class: "spark" }, sparkline(history.get(tag.id) || [])),
                value,
                el("td", { class: "status" }, el("span", { class: "q " + severity, title: q }, q.replace(":", " · ")),
                   el("span", { class: "age" }, tag.current ? age(tag.current.time, now) : "")));
            });
            sections.push(el("section", { class: "asset", "data-asset": asset },
              el("h2", {}, el("span", {}, parts[parts.length - 1]), el("span", { class: "path" }, parts.slice(0, -1).join(" / "))),
              el("table", {}, ...rows)));
          }
          main.replaceChildren(...sections);
        }
        let preloaded = false;
        async function refresh() {
          const dot = document.getElementById("dot"), status = document.getElementById("status");
          try {
            const r = await fetch("/api/v1/tags", { cache: "no-store" });
            if (!r.ok) throw new Error("HTTP " + r.status);
            const body = await r.json();
            if (!preloaded) { preloaded = true; await preload(body.tags); }
            body.tags.forEach(remember);
            render(body);
            dot.className = "dot live";
            status.textContent = "live · " + new Date(body.serverTime).toLocaleTimeString();
          } catch (e) {
            dot.className = "dot down";
            status.textContent = "server unreachable — retrying";
          }
        }
        refresh();
        setInterval(refresh, 1000);
        </script>
        </body>
        </html>
        """#
}
