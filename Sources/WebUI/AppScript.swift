/// The app: client-side routing with the History API, the header (live status, theme toggle) and page mounting.
enum AppScript {
    static let js = #"""
import { Live } from "/live.js";
import { el, getJSON, csrfToken } from "/format.js";
import * as overview from "/overview.js";
import * as asset from "/asset.js";
import * as trends from "/trends.js";
import * as connections from "/connections.js";

const live = new Live();
const main = document.getElementById("main");
let unmount = null;

function route(pathname) {
  if (pathname === "/" || pathname === "/index.html") return [overview, {}, "overview"];
  if (pathname.startsWith("/assets/")) {
    const path = pathname.slice("/assets/".length).split("/").filter(Boolean).map(decodeURIComponent).join("/");
    return [asset, { path }, "overview"];
  }
  if (pathname === "/trends") return [trends, {}, "trends"];
  if (pathname === "/connections") return [connections, {}, "connections"];
  return [null, {}, ""];
}

function render() {
  if (unmount) { try { unmount(); } catch (e) { console.error(e); } unmount = null; }
  const [page, params, nav] = route(location.pathname);
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === nav) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  main.replaceChildren();
  if (!page) {
    document.title = "Not found · Millrace";
    main.append(el("h1", { class: "page", text: "Page not found" }), el("p", {}, el("a", { href: "/", "data-link": true, text: "Back to the plant overview" })));
    return;
  }
  const params2 = new URLSearchParams(location.search);
  unmount = page.mount(main, { live, params, query: params2, navigate }) || null;
}

export function navigate(url, { replace = false } = {}) {
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
  if (!replace) { window.scrollTo(0, 0); main.focus({ preventScroll: true }); }
}

document.addEventListener("click", event => {
  const a = event.target.closest("a");
  if (!a || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.hasAttribute("download") || a.target === "_blank") return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith("/api/") || url.pathname === "/metrics") return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener("popstate", render);

// Theme: the toggle overrides the system preference and is remembered.
const toggle = document.getElementById("theme-toggle");
const media = window.matchMedia("(prefers-color-scheme: dark)");
function currentTheme() { return document.documentElement.dataset.theme || (media.matches ? "dark" : "light"); }
function showTheme() {
  const next = currentTheme() === "dark" ? "light" : "dark";
  toggle.setAttribute("aria-label", "Switch to " + next + " theme");
  toggle.title = "Switch to " + next + " theme";
  toggle.dataset.current = currentTheme();
  window.dispatchEvent(new Event("millrace-theme"));
}
toggle.addEventListener("click", () => {
  const next = currentTheme() === "dark" ? "light" : "dark";
  document.documentElement.dataset.theme = next;
  try { localStorage.setItem("millrace.theme", next); } catch (e) { /* not remembered, still applied */ }
  showTheme();
});
media.addEventListener("change", showTheme);
showTheme();

// Who is signed in, and signing out.
getJSON("/api/v1/auth/me").then(me => {
  document.getElementById("user-name").textContent = me.id;
  document.getElementById("user").hidden = false;
}).catch(() => {});
document.getElementById("sign-out").addEventListener("click", async () => {
  try { await fetch("/api/v1/auth/logout", { method: "POST", headers: { "x-csrf-token": csrfToken() } }); } catch (e) { /* signed out locally anyway */ }
  location.assign("/login");
});

// Live status in the header.
const liveBadge = document.getElementById("live");
live.onStatus(mode => {
  liveBadge.className = "live " + (mode === "down" ? "down" : mode === "connecting" ? "" : "ok");
  liveBadge.dataset.mode = mode;
  liveBadge.querySelector(".live-text").textContent =
    mode === "stream" ? "Live" : mode === "polling" ? "Live · every 2 s" : mode === "down" ? "Server unreachable — retrying" : "Connecting…";
});
live.ready.then(() => { document.getElementById("enterprise").textContent = live.enterprise; });

render();
"""#
}
