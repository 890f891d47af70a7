/// The stylesheet: light and dark palettes (system preference, overridden by the toggle), a layout that goes
/// from a phone (390 px) to a control-room screen, and status colours that also differ in shape or text, never
/// in colour alone.
enum AppStyle {
    static let css = #"""
:root {
  --bg: #f3f5f7; --panel: #ffffff; --panel-2: #eef1f4; --line: #d5dbe1; --text: #17202a; --muted: #56616d;
  --accent: #0a62c9; --accent-text: #ffffff; --focus: #0a62c9;
  --good: #1a7f37; --warning: #9a6700; --bad: #cf222e; --stale: #6e56cf; --unknown: #6b7580;
  --good-bg: #dafbe1; --warning-bg: #fff1c2; --bad-bg: #ffe0e0; --stale-bg: #ece8ff; --unknown-bg: #e8ebef;
  --grid: rgba(23, 32, 42, .09); --shadow: 0 1px 2px rgba(0,0,0,.06), 0 2px 8px rgba(0,0,0,.04);
  color-scheme: light;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) {
    --bg: #0d1117; --panel: #161b22; --panel-2: #1d242d; --line: #2d3640; --text: #e6edf3; --muted: #9aa6b2;
    --accent: #4ea1ff; --accent-text: #08121e; --focus: #79b8ff;
    --good: #3fb950; --warning: #e3b341; --bad: #ff6b61; --stale: #a891ff; --unknown: #8b949e;
    --good-bg: #12301c; --warning-bg: #3a2e0c; --bad-bg: #43171a; --stale-bg: #2a2347; --unknown-bg: #222a33;
    --grid: rgba(230, 237, 243, .08); --shadow: none;
    color-scheme: dark;
  }
}
:root[data-theme="dark"] {
  --bg: #0d1117; --panel: #161b22; --panel-2: #1d242d; --line: #2d3640; --text: #e6edf3; --muted: #9aa6b2;
  --accent: #4ea1ff; --accent-text: #08121e; --focus: #79b8ff;
  --good: #3fb950; --warning: #e3b341; --bad: #ff6b61; --stale: #a891ff; --unknown: #8b949e;
  --good-bg: #12301c; --warning-bg: #3a2e0c; --bad-bg: #43171a; --stale-bg: #2a2347; --unknown-bg: #222a33;
  --grid: rgba(230, 237, 243, .08); --shadow: none;
  color-scheme: dark;
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body { background: var(--bg); color: var(--text); font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.skip { position: absolute; left: -999px; top: 4px; background: var(--panel); padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; }
.num { font-variant-numeric: tabular-nums; }
.muted { color: var(--muted); }
.empty { padding: 32px; color: var(--muted); text-align: center; }
.hidden { display: none !important; }

/* Header */
header.top { position: sticky; top: 0; z-index: 5; display: flex; align-items: center; gap: 14px; flex-wrap: wrap;
  padding: 10px 20px; background: var(--panel); border-bottom: 1px solid var(--line); }
.brand { display: flex; align-items: center; gap: 8px; color: var(--text); text-decoration: none; font-weight: 700; font-size: 18px; letter-spacing: .01em; }
.brand img { border-radius: 6px; }
.enterprise { color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 28ch; }
header nav { display: flex; gap: 4px; margin-left: 8px; }
header nav a { color: var(--muted); text-decoration: none; padding: 7px 12px; border-radius: 8px; font-weight: 500; }
header nav a:hover { color: var(--text); background: var(--panel-2); }
header nav a[aria-current="page"] { color: var(--text); background: var(--panel-2); box-shadow: inset 0 -2px 0 var(--accent); }
.live { margin-left: auto; display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; white-space: nowrap; }
.live .dot { width: 10px; height: 10px; border-radius: 50%; background: var(--unknown); }
.live.ok .dot { background: var(--good); box-shadow: 0 0 0 3px var(--good-bg); }
.live.down .dot { background: var(--bad); }
.icon-button { display: inline-flex; align-items: center; justify-content: center; width: 38px; height: 38px; border-radius: 8px;
  border: 1px solid var(--line); background: var(--panel); color: var(--text); cursor: pointer; }
.icon-button:hover { background: var(--panel-2); }

main { padding: 20px; max-width: 1680px; margin: 0 auto; }
main:focus { outline: none; }
h1.page { font-size: 22px; margin: 4px 0 16px; font-weight: 650; }
h2.section { font-size: 15px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 26px 0 10px; font-weight: 600; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 12px; box-shadow: var(--shadow); }

/* Login, setup and authenticator enrollment */
.login { max-width: 440px; padding: 8vh 16px 24px; }
.login [hidden] { display: none !important; }
.login-card { background: var(--panel); border: 1px solid var(--line); border-radius: 14px; box-shadow: var(--shadow); padding: 28px; }
.login-brand { display: flex; align-items: center; gap: 10px; font-weight: 700; font-size: 20px; margin-bottom: 8px; }
.login-brand img { border-radius: 8px; }
.login h1 { font-size: 20px; margin: 12px 0 16px; font-weight: 650; }
.login form { display: flex; flex-direction: column; gap: 14px; }
.login label { display: flex; flex-direction: column; gap: 6px; font-weight: 500; font-size: 14px; }
.login input { font: inherit; font-size: 16px; color: var(--text); background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.login input:focus { border-color: var(--accent); }
.login .hint { color: var(--muted); font-size: 13px; margin: 0; }
.login .secret { font: 600 18px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: .04em; background: var(--panel-2); padding: 10px 12px; border-radius: 8px; word-break: break-all; margin: 0; }
.recovery-codes { font: 15px/1.8 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; columns: 2; margin: 8px 0 16px; }
.form-error { color: var(--bad); background: var(--bad-bg); border-radius: 8px; padding: 8px 12px; margin: 0; font-size: 14px; }
button.primary { font: inherit; font-weight: 600; border: 0; border-radius: 8px; padding: 11px 16px; background: var(--accent); color: var(--accent-text); cursor: pointer; }
button.primary:disabled { opacity: .6; cursor: progress; }
.login-foot { color: var(--muted); font-size: 12px; text-align: center; margin-top: 16px; }
.user { display: flex; align-items: center; gap: 8px; color: var(--muted); font-size: 13px; white-space: nowrap; }
.user button { font: inherit; font-size: 13px; border: 1px solid var(--line); background: var(--panel); color: var(--text); border-radius: 8px; padding: 6px 10px; cursor: pointer; }
.user button:hover { background: var(--panel-2); }

/* Health */
.health { display: inline-flex; align-items: center; gap: 6px; font-size: 12px; font-weight: 600; padding: 2px 8px 2px 6px;
  border-radius: 999px; white-space: nowrap; text-transform: capitalize; }
.health::before { content: ""; width: 9px; height: 9px; border-radius: 50%; background: currentColor; }
.health.good { color: var(--good); background: var(--good-bg); }
.health.warning { color: var(--warning); background: var(--warning-bg); }
.health.warning::before { border-radius: 1px; transform: rotate(45deg); }
.health.bad { color: var(--bad); background: var(--bad-bg); }
.health.bad::before { border-radius: 1px; }
.health.stale { color: var(--stale); background: var(--stale-bg); }
.health.unknown { color: var(--unknown); background: var(--unknown-bg); }
.q { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 7px; border-radius: 5px; border: 1px solid currentColor; white-space: nowrap; }
.q.good { color: var(--good); } .q.uncertain { color: var(--warning); } .q.bad { color: var(--bad); } .q.none { color: var(--unknown); }

/* Summary strip */
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin-bottom: 8px; }
.stat { padding: 14px 16px; display: flex; flex-direction: column; gap: 2px; border-left: 5px solid var(--line); }
.stat .label { color: var(--muted); font-size: 13px; font-weight: 500; }
.stat .value { font-size: 32px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.stat .sub { color: var(--muted); font-size: 12px; }
.stat.good { border-left-color: var(--good); } .stat.bad { border-left-color: var(--bad); } .stat.warning { border-left-color: var(--warning); }

/* Asset tree */
.tree details { margin: 0; }
.tree summary { list-style: none; cursor: pointer; display: flex; align-items: center; gap: 10px; padding: 8px 10px; border-radius: 8px; }
.tree summary::-webkit-details-marker { display: none; }
.tree summary::before { content: "▸"; color: var(--muted); width: 12px; transition: transform .12s; }
.tree details[open] > summary::before { transform: rotate(90deg); }
.tree summary:hover { background: var(--panel-2); }
.tree .node-name { font-weight: 600; }
.tree .level { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .05em; }
.tree .counts { margin-left: auto; display: flex; gap: 8px; align-items: center; font-size: 13px; color: var(--muted); }
.tree .site > summary { font-size: 18px; }
.tree .children { padding-left: 18px; border-left: 1px dashed var(--line); margin-left: 15px; }
.tree .children.columns { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 330px), 1fr)); gap: 4px 12px; align-items: start; }
.tree .children.columns .cards { grid-template-columns: 1fr; padding-left: 8px; }
.site-block { padding: 8px 10px; margin-bottom: 14px; }
.count { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; background: var(--panel-2); color: var(--muted); }
.count.bad { background: var(--bad-bg); color: var(--bad); }
.count.alarm { background: var(--warning-bg); color: var(--warning); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 10px; padding: 6px 4px 12px 22px; }
.card { display: flex; flex-direction: column; gap: 6px; padding: 12px 14px 12px 16px; text-decoration: none; color: var(--text);
  border-left: 5px solid var(--unknown); transition: border-color .3s; }
.card:hover { border-color: var(--accent); }
.card.good { border-left-color: var(--good); } .card.warning { border-left-color: var(--warning); }
.card.bad { border-left-color: var(--bad); } .card.stale { border-left-color: var(--stale); }
.card .title { display: flex; justify-content: space-between; gap: 8px; align-items: baseline; }
.card .title strong { font-size: 16px; }
.card .type { color: var(--muted); font-size: 12px; }
.card .kv { display: grid; grid-template-columns: 1fr auto; gap: 2px 10px; font-size: 13px; }
.card .kv span:nth-child(odd) { color: var(--muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.card .kv span:nth-child(even) { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
.card .run { margin-right: 8px; } .card .run.on { color: var(--good); } .card .run.off { color: var(--muted); }
.card .why { font-size: 13px; font-weight: 600; color: var(--text); }
.card.bad .why { color: var(--bad); } .card.warning .why { color: var(--warning); } .card.stale .why { color: var(--stale); }
ul.attention { list-style: none; margin: 0; padding: 4px 0; }
ul.attention li { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 8px 16px; border-bottom: 1px solid var(--line); }
ul.attention li:last-child { border-bottom: 0; }
ul.attention a { font-weight: 600; }
.card .foot { display: flex; gap: 6px; flex-wrap: wrap; }

/* Asset page */
.crumbs { font-size: 13px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px; margin-bottom: 6px; }
.crumbs a { color: var(--muted); }
.asset-head { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 14px; }
.asset-head h1 { margin: 0; font-size: 26px; }
.asset-head .actions { margin-left: auto; }
.asset-grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(260px, 1fr); gap: 16px; align-items: start; }
.values { display: grid; grid-template-columns: repeat(auto-fill, minmax(190px, 1fr)); gap: 10px; }
.value-tile { padding: 12px 14px; display: flex; flex-direction: column; gap: 4px; }
.value-tile .name { color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.value-tile .reading { font-size: 30px; font-weight: 650; font-variant-numeric: tabular-nums; line-height: 1.15; white-space: nowrap; }
.value-tile .reading .unit { font-size: 15px; color: var(--muted); font-weight: 500; margin-left: 4px; }
.value-tile .meta { display: flex; justify-content: space-between; align-items: center; gap: 4px 6px; font-size: 12px; color: var(--muted); flex-wrap: wrap; min-width: 0; }
.value-tile .meta .q { max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.value-tile.bad { border-color: var(--bad); }
dl.nameplate { display: grid; grid-template-columns: auto 1fr; gap: 6px 14px; margin: 0; padding: 14px 16px; font-size: 14px; }
dl.nameplate dt { color: var(--muted); }
dl.nameplate dd { margin: 0; font-weight: 500; }
.findings li { padding: 8px 0; border-bottom: 1px solid var(--line); }
.finding-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.finding-why, .finding-action { margin: 4px 0 0; }
.finding-action { color: var(--muted); }
.severity { font-size: 12px; font-weight: 600; text-transform: uppercase; padding: 1px 6px; border-radius: 4px; border: 1px solid currentColor; color: var(--warning); }
.severity.critical, .severity.severe, .severity.high { color: var(--bad); }
.severity.low, .severity.minor { color: var(--muted); }

/* Toolbar and controls */
.toolbar { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 8px 0 12px; }
.seg { display: inline-flex; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; background: var(--panel); }
.seg button { border: 0; background: transparent; color: var(--text); padding: 7px 11px; font: inherit; font-size: 13px; cursor: pointer; min-width: 40px; }
.seg button + button { border-left: 1px solid var(--line); }
.seg button[aria-pressed="true"] { background: var(--accent); color: var(--accent-text); font-weight: 600; }
button.btn, a.btn { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--line); background: var(--panel); color: var(--text);
  padding: 7px 12px; border-radius: 8px; font: inherit; font-size: 13px; cursor: pointer; text-decoration: none; }
button.btn:hover, a.btn:hover { background: var(--panel-2); }
select, input[type="search"], input[type="datetime-local"], input[type="text"] { font: inherit; font-size: 14px; color: var(--text); background: var(--panel);
  border: 1px solid var(--line); border-radius: 8px; padding: 7px 10px; }
label.field { display: inline-flex; align-items: center; gap: 6px; font-size: 13px; color: var(--muted); }
.hint { font-size: 12px; color: var(--muted); }

/* Charts */
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 520px), 1fr)); gap: 12px; }
.chart-panel { padding: 10px 12px 8px; }
.chart-panel h3 { margin: 0 0 4px; font-size: 14px; display: flex; justify-content: space-between; gap: 8px; font-weight: 600; min-width: 0; }
.chart-panel h3 .id { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; min-width: 0; font-weight: 400; }
#theme-toggle[data-current="dark"] .moon, #theme-toggle:not([data-current="dark"]) .sun { display: none; }
.chart { position: relative; width: 100%; height: 220px; touch-action: none; user-select: none; }
.chart.tall { height: 420px; }
.chart canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; cursor: crosshair; }
.chart .readout { position: absolute; pointer-events: none; background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: 6px 9px; font-size: 12px; box-shadow: 0 4px 14px rgba(0,0,0,.18); white-space: nowrap; z-index: 2; }
.chart .readout .sw { display: inline-block; width: 10px; height: 3px; margin-right: 6px; vertical-align: middle; }
.chart .loading { position: absolute; right: 10px; top: 6px; font-size: 12px; color: var(--muted); }

/* Trend explorer */
.explorer { display: grid; grid-template-columns: 300px minmax(0, 1fr); gap: 16px; align-items: start; }
.picker { padding: 12px; display: flex; flex-direction: column; gap: 10px; max-height: calc(100vh - 110px); position: sticky; top: 70px; }
.picker ul { list-style: none; margin: 0; padding: 0; overflow: auto; }
.picker li label { display: flex; gap: 8px; align-items: flex-start; padding: 6px 4px; border-radius: 6px; cursor: pointer; font-size: 14px; }
.picker li label:hover { background: var(--panel-2); }
.picker li .id { display: block; color: var(--muted); font-size: 11px; overflow-wrap: anywhere; }
.chips { display: flex; gap: 6px; flex-wrap: wrap; }
.chip { display: inline-flex; align-items: center; gap: 6px; padding: 3px 6px 3px 10px; border-radius: 999px; border: 1px solid var(--line); font-size: 13px; background: var(--panel); }
.chip .sw { width: 10px; height: 10px; border-radius: 50%; }
.chip button { border: 0; background: none; color: var(--muted); cursor: pointer; font-size: 15px; padding: 0 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 6px 4px 2px; font-size: 13px; color: var(--muted); }
.legend .sw { display: inline-block; width: 22px; border-top: 3px solid; vertical-align: middle; margin-right: 6px; }
.legend .sw.dashed { border-top-style: dashed; }
.export { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }

/* Tables */
table.data { width: 100%; border-collapse: collapse; }
table.data th, table.data td { text-align: left; padding: 10px 14px; border-bottom: 1px solid var(--line); vertical-align: top; }
table.data th { font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600; }
table.data tr:last-child td { border-bottom: 0; }
.state { font-weight: 600; text-transform: capitalize; }
.state.connected { color: var(--good); } .state.connecting { color: var(--warning); }
.state.failed, .state.disconnected { color: var(--bad); } .state.disabled { color: var(--unknown); }
.error-text { color: var(--bad); font-size: 13px; overflow-wrap: anywhere; }
.notice { padding: 10px 14px; border-radius: 8px; background: var(--panel-2); color: var(--muted); font-size: 13px; margin-bottom: 12px; }

@media (max-width: 1000px) {
  .asset-grid, .explorer { grid-template-columns: 1fr; }
  .picker { position: static; max-height: none; }
  .picker ul { max-height: 260px; }
}
@media (max-width: 640px) {
  main { padding: 12px; }
  header.top { padding: 8px 12px; gap: 8px; }
  header nav { order: 5; width: 100%; margin: 0; justify-content: space-between; }
  header nav a { flex: 1; text-align: center; padding: 8px 6px; }
  .enterprise { display: none; }
  .cards { padding-left: 0; grid-template-columns: 1fr; }
  .tree .children { padding-left: 8px; margin-left: 6px; }
  .summary { grid-template-columns: repeat(2, 1fr); }
  .stat { padding: 10px 12px; }
  .stat .value { font-size: 24px; }
  .chart { height: 190px; }
  .chart.tall { height: 300px; }
  table.data .wide { display: none; }
  .chart-panel h3 .id { display: none; }
  .value-tile .reading { font-size: 24px; }
  .values { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
@media (min-width: 1900px) { body { font-size: 17px; } .stat .value { font-size: 40px; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
"""#
}
