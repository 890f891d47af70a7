/// The app shell: header with navigation, theme toggle and live status; pages render into `main`.
enum IndexPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark light">
<title>Millrace</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<script src="/theme.js"></script>
<script type="module" src="/app.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <a class="brand" href="/" data-link><img src="/favicon.svg" alt="" width="28" height="28"><span>Millrace</span></a>
  <span class="enterprise" id="enterprise"></span>
  <nav aria-label="Main">
    <a href="/" data-link data-nav="overview">Overview</a>
    <a href="/trends" data-link data-nav="trends">Trends</a>
    <a href="/connections" data-link data-nav="connections">Connections</a>
  </nav>
  <span class="live" id="live" role="status" aria-live="polite"><span class="dot"></span><span class="live-text">Connecting…</span></span>
  <span class="user" id="user" hidden><span id="user-name"></span><button type="button" id="sign-out">Sign out</button></span>
  <button type="button" class="icon-button" id="theme-toggle" aria-label="Switch to light theme" title="Switch theme">
    <svg class="moon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><path fill="currentColor" d="M12 3a9 9 0 1 0 9 9 7 7 0 0 1-9-9z"/></svg>
    <svg class="sun" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true"><circle cx="12" cy="12" r="4.5" fill="currentColor"/><path stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M12 2v2.5M12 19.5V22M2 12h2.5M19.5 12H22M4.9 4.9l1.8 1.8M17.3 17.3l1.8 1.8M4.9 19.1l1.8-1.8M17.3 6.7l1.8-1.8"/></svg>
  </button>
</header>
<main id="main" tabindex="-1"><p class="empty">Loading…</p></main>
<noscript><p class="empty">The Millrace dashboard needs JavaScript. The API is at /api/v1/tags.</p></noscript>
</body>
</html>
"""#
}
