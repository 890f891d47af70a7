/// The plant overview: a summary strip (assets running / with problems, connections up / down, bad tags, alarms)
/// and the asset tree, site > area > line > asset cards, with live health colours and counts.
enum OverviewScript {
    static let js = #"""
import { el, formatValue, formatAge, severity, treeFromTags, getJSON, assetURL, humanise, qualityLabel } from "/format.js";

export function mount(main, { live }) {
  document.title = "Plant overview · Millrace";
  const summary = el("section", { class: "summary", "aria-label": "Plant summary" });
  const tree = el("div", { class: "tree", id: "asset-tree" }, el("p", { class: "empty", text: "Loading the asset tree…" }));
  const attention = el("section", { class: "hidden", id: "attention", "aria-label": "Assets that need attention" });
  main.append(el("h1", { class: "page", text: "Plant overview" }), summary, attention, el("h2", { class: "section", text: "Assets" }), tree);

  let serverTree = null;        // from /api/v1/assets, when the server has it
  let hasAssetsRoute = true;
  let connections = null;       // from /api/v1/connections, when the server has it
  let hasConnectionsRoute = true, connectionsSkipped = 0;  // without the route, ask again once a minute
  let securityAlarms = [];      // open events of kind "security": lockouts, login bursts, setpoints changed by others
  let rendered = false;
  const open = new Set();       // paths the user collapsed are remembered across redraws
  const closed = new Set();

  async function refreshServer() {
    if (hasAssetsRoute) {
      try { serverTree = await getJSON("/api/v1/assets"); }
      catch (e) { if (e.status === 404) { hasAssetsRoute = false; serverTree = null; } }
    }
    try {
      const open = await getJSON("/api/v1/events?state=open&limit=50");
      securityAlarms = (open.events || []).filter(e => e.kind === "security");
    } catch (e) { securityAlarms = []; }
    if (hasConnectionsRoute || ++connectionsSkipped % 12 === 0) {
      try { connections = (await getJSON("/api/v1/connections")).connections; hasConnectionsRoute = true; }
      catch (e) { connections = null; if (e.status === 404) hasConnectionsRoute = false; }
    }
    draw();
  }

  function nodes() {
    if (serverTree && serverTree.nodes) return serverTree.nodes;
    return treeFromTags(live.list(), live.now());
  }

  function draw() {
    const roots = nodes();
    drawSummary(roots);
    drawAttention(roots);
    drawTree(roots);
    if (!rendered && roots.length) {
      rendered = true;
      performance.mark("millrace-overview-rendered");
    }
  }

  function assets(list, out = []) {
    for (const n of list) { if (n.level === "asset" || !n.children || !n.children.length) out.push(n); else assets(n.children, out); }
    return out;
  }

  function tagsOf(path) { return live.list().filter(t => t.asset === path); }

  function runningFlag(asset) { return tagsOf(asset.path).find(t => t.kind === "bool" && /(^|[._])running$/i.test(t.id)); }

  function isRunning(asset) {
    if (asset.health === "stale" || asset.health === "unknown") return false;  // an old "running" proves nothing
    const flag = runningFlag(asset);
    if (flag) return !!(flag.current && flag.current.value === true);
    return asset.health === "good";
  }

  function drawSummary(roots) {
    const all = assets(roots);
    const running = all.filter(isRunning).length;
    const problems = all.filter(a => a.health === "bad" || a.health === "warning" || a.health === "stale").length;
    const badTags = all.reduce((s, a) => s + (a.badTags || 0), 0);
    const alarms = all.reduce((s, a) => s + (a.activeAlarms || 0), 0);
    let up, down, connectionLabel;
    if (connections) {
      up = connections.filter(c => c.state === "connected").length;
      down = connections.filter(c => c.state === "failed" || c.state === "disconnected" || c.state === "connecting").length;
      connectionLabel = connections.length + " configured";
    } else {
      const byConnection = new Map();
      for (const t of live.list()) if (t.connection) {
        const ok = t.current && severity(t.current.quality) !== "bad" && live.now() - Date.parse(t.current.time) < 60000;
        byConnection.set(t.connection, (byConnection.get(t.connection) || false) || ok);
      }
      up = [...byConnection.values()].filter(Boolean).length;
      down = byConnection.size - up;
      connectionLabel = "from tag quality";
    }
    const stat = (id, label, value, sub, tone) =>
      el("div", { class: "panel stat " + tone, "data-stat": id }, el("span", { class: "label", text: label }), el("span", { class: "value", text: String(value) }), el("span", { class: "sub", text: sub }));
    summary.replaceChildren(
      stat("running", "Assets running", running, "of " + all.length + " assets", running ? "good" : ""),
      stat("problems", "Assets with problems", problems, problems ? "bad, uncertain or stale data" : "all healthy", problems ? "bad" : "good"),
      stat("connections-up", "Connections up", up, connectionLabel, up ? "good" : ""),
      stat("connections-down", "Connections down", down, down ? "check the connections page" : "none", down ? "bad" : "good"),
      stat("bad-tags", "Tags with bad quality", badTags, badTags ? "values not trusted" : "all values trusted", badTags ? "warning" : "good"),
      stat("alarms", "Active alarms", alarms, "across the plant", alarms ? "warning" : "good"));
  }

  /// Why an asset is not healthy, in words: its first bad or uncertain tag, or how long it has been silent.
  function reason(node) {
    const tags = tagsOf(node.path);
    const worst = tags.find(t => t.current && severity(t.current.quality) === "bad") || tags.find(t => t.current && severity(t.current.quality) === "uncertain");
    if (worst) return worst.name + ": " + qualityLabel(worst.current.quality) + " since " + formatAge(worst.current.time, live.now()).replace(" ago", "");
    if (node.health === "stale") {
      const times = tags.filter(t => t.current).map(t => Date.parse(t.current.time));
      return times.length ? "no new values for " + formatAge(new Date(Math.max(...times)).toISOString(), live.now()).replace(" ago", "") : "no values";
    }
    if (node.health === "unknown") return "no values yet";
    return "";
  }

  let attentionKey = "";
  function drawAttention(roots) {
    const list = assets(roots).filter(a => a.health !== "good");
    const key = securityAlarms.map(e => e.id).join(",") + "|" + list.map(a => a.path + a.health + reason(a)).join("|");
    if (key === attentionKey) return;
    attentionKey = key;
    attention.classList.toggle("hidden", !list.length && !securityAlarms.length);
    // Security alarms first: they concern the whole installation, not one machine's condition.
    const alarmItems = securityAlarms.map(e => el("li", { "data-security-alarm": e.fault },
      el("span", { class: "health " + (e.severity === "high" || e.severity === "critical" ? "bad" : "warning"), text: "security" }),
      el("a", { href: assetURL(e.asset), text: e.title }),
      el("span", { class: "muted", text: e.recommendedAction || "" })));
    attention.replaceChildren(el("h2", { class: "section", text: "Needs attention" }),
      el("ul", { class: "panel attention" }, ...alarmItems, ...list.map(a => el("li", {},
        el("span", { class: "health " + a.health, text: a.health }),
        el("a", { href: assetURL(a.path), text: a.name }),
        el("span", { class: "muted", text: reason(a) })))));
  }

  function counts(node) {
    return el("span", { class: "counts" },
      node.badTags ? el("span", { class: "count bad", title: "tags with bad quality", text: node.badTags + " bad tag" + (node.badTags > 1 ? "s" : "") }) : null,
      node.activeAlarms ? el("span", { class: "count alarm", title: "active alarms", text: node.activeAlarms + " alarm" + (node.activeAlarms > 1 ? "s" : "") }) : null,
      el("span", { class: "count", text: node.tagCount + " tags" }),
      el("span", { class: "health " + node.health, text: node.health }));
  }

  /// The few values that say most about an asset at a glance: measurements with units, the usual suspects first.
  function keyTags(tags) {
    const score = t => {
      let s = t.unit ? 2 : 0;
      if (/power|current|speed|temperature|pressure|flow|rate|vibration|level|energy/i.test(t.name)) s += 3;
      if (/ (a|b|c|hf|axial)$|factor|count|reason/i.test(t.name)) s -= 3;
      if (t.kind === "string") s -= 5;
      return s;
    };
    return tags.map((t, i) => [score(t), i, t]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 4).map(x => x[2]);
  }

  function card(node) {
    const tags = keyTags(tagsOf(node.path).filter(t => t.current));
    return el("a", { class: "panel card " + node.health, href: assetURL(node.path), "data-asset": node.path, "data-health": node.health,
        "aria-label": node.name + ", health " + node.health },
      el("div", { class: "title" }, el("strong", { text: node.name }), el("span", { class: "health " + node.health, text: node.health })),
      el("span", { class: "type" }, runningFlag(node) ? el("strong", { class: isRunning(node) ? "run on" : "run off", text: isRunning(node) ? "Running" : "Stopped" }) : null,
        [node.type ? humanise(node.type) : null, node.path].filter(Boolean).join(" · ")),
      node.health !== "good" && reason(node) ? el("span", { class: "why", text: reason(node) }) : null,
      tags.length ? el("div", { class: "kv" }, ...tags.flatMap(t => [
        el("span", { text: t.name, title: qualityLabel(t.current.quality) }),
        el("span", { class: severity(t.current.quality) === "bad" ? "q bad" : "", "data-tag-value": t.id, "data-time": t.current.time,
          text: formatValue(t) + (t.unit && t.current.value !== null ? " " + t.unit : "") })])) : null,
      el("div", { class: "foot" },
        node.badTags ? el("span", { class: "count bad", text: node.badTags + " bad tag" + (node.badTags > 1 ? "s" : "") }) : null,
        node.activeAlarms ? el("span", { class: "count alarm", text: node.activeAlarms + " alarm" + (node.activeAlarms > 1 ? "s" : "") }) : null,
        el("span", { class: "count", text: node.tagCount + " tags" })));
  }

  function branch(node, depth) {
    const kids = node.children || [];
    const assetKids = kids.filter(k => k.level === "asset" || !(k.children && k.children.length));
    const groupKids = kids.filter(k => !assetKids.includes(k));
    const isOpen = !closed.has(node.path);
    const details = el("details", { class: node.level, "data-node": node.path, open: isOpen },
      el("summary", {}, el("span", { class: "level", text: node.level }), el("span", { class: "node-name", text: node.name }), counts(node)),
      el("div", { class: "children" + (groupKids.length > 1 && groupKids.every(k => (k.children || []).every(c => !(c.children && c.children.length))) ? " columns" : "") },
        assetKids.length ? el("div", { class: "cards" }, ...assetKids.map(card)) : null,
        ...groupKids.map(k => branch(k, depth + 1))));
    details.addEventListener("toggle", () => { if (details.open) closed.delete(node.path); else closed.add(node.path); });
    return depth === 0 ? el("div", { class: "panel site-block" }, details) : details;
  }

  let structure = "";
  function drawTree(roots) {
    if (!roots.length) {
      structure = "";
      tree.replaceChildren(el("p", { class: "empty", text: live.mode === "down" ? "The server cannot be reached." : "No assets yet: tags appear here once they are configured with an asset path." }));
      return;
    }
    // Rebuild only when the tree's shape changes; otherwise update in place, so that focus, hover and a
    // click in progress are never lost to a redraw.
    const shape = JSON.stringify(roots, (k, v) => k === "health" || k === "badTags" || k === "activeAlarms" || k === "tagCount" ? undefined : v);
    if (shape !== structure) {
      structure = shape;
      tree.replaceChildren(...roots.map(n => n.level === "asset" ? el("div", { class: "cards" }, card(n)) : branch(n, 0)));
      return;
    }
    const visit = node => {
      if (node.level === "asset" || !(node.children && node.children.length)) {
        const old = tree.querySelector('[data-asset="' + CSS.escape(node.path) + '"]');
        if (old) updateCard(old, card(node));
      } else {
        const summary = tree.querySelector('[data-node="' + CSS.escape(node.path) + '"] > summary');
        if (summary) summary.querySelector(".counts").replaceWith(counts(node));
        node.children.forEach(visit);
      }
    };
    roots.forEach(visit);
  }

  /// Copies what changed from a freshly built card into the one on screen.
  function updateCard(old, fresh) {
    if (old.className !== fresh.className) old.className = fresh.className;
    for (const name of ["data-health", "aria-label"]) if (old.getAttribute(name) !== fresh.getAttribute(name)) old.setAttribute(name, fresh.getAttribute(name));
    const oldKids = [...old.children], freshKids = [...fresh.children];
    if (oldKids.length !== freshKids.length) { old.replaceChildren(...freshKids); return; }
    oldKids.forEach((child, i) => { if (!child.isEqualNode(freshKids[i])) child.replaceWith(freshKids[i]); });
  }

  // Live values redraw at most every animation frame; the server tree and connections every 5 s.
  let pending = false;
  const unsubscribe = live.subscribe(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; draw(); });
  });
  live.ready.then(refreshServer);
  draw();
  const timer = setInterval(refreshServer, 5000);
  return () => { unsubscribe(); clearInterval(timer); };
}
"""#
}
