/// The login page: public (it loads before anyone is logged in), so it uses only public files — `app.css`,
/// `theme.js`, `favicon.svg` and its own `login.js`. It also creates the first administrator with the one-time
/// setup token printed on the console at first start, and enrolls the authenticator app the MFA policy requires.
enum LoginPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="dark light">
<title>Sign in · Millrace</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/app.css">
<script src="/theme.js"></script>
<script type="module" src="/login.js"></script>
</head>
<body class="login-body">
<main id="main" class="login" tabindex="-1">
  <div class="login-card">
    <div class="login-brand"><img src="/favicon.svg" alt="" width="36" height="36"><span>Millrace</span></div>

    <form id="login-form" hidden novalidate>
      <h1>Sign in</h1>
      <label>User name<input name="username" id="username" autocomplete="username" autocapitalize="none" spellcheck="false" required></label>
      <label>Password<input name="password" id="password" type="password" autocomplete="current-password" required></label>
      <div id="code-row" hidden>
        <label>Authenticator code<input name="code" id="code" inputmode="numeric" autocomplete="one-time-code" maxlength="20"></label>
        <p class="hint">The 6-digit code from your authenticator app, or one of your recovery codes.</p>
      </div>
      <p class="form-error" id="login-error" role="alert" hidden></p>
      <button type="submit" class="primary" id="login-submit">Sign in</button>
    </form>

    <form id="setup-form" hidden novalidate>
      <h1>Create the administrator</h1>
      <p class="hint">This Millrace has no users yet. Paste the one-time setup token that <code>millrace run</code> printed on its console, and choose the administrator's name and password (at least 12 characters).</p>
      <label>Setup token<input name="token" id="setup-token" autocomplete="off" spellcheck="false" required></label>
      <label>User name<input name="username" id="setup-username" autocomplete="username" autocapitalize="none" spellcheck="false" required></label>
      <label>Password<input name="password" id="setup-password" type="password" autocomplete="new-password" required></label>
      <label>Repeat the password<input name="password2" id="setup-password2" type="password" autocomplete="new-password" required></label>
      <p class="form-error" id="setup-error" role="alert" hidden></p>
      <button type="submit" class="primary">Create and sign in</button>
    </form>

    <form id="enroll-form" hidden novalidate>
      <h1>Set up your authenticator</h1>
      <p class="hint">Your role needs a second factor. Add this key to an authenticator app (any app for time-based one-time codes, RFC 6238), then enter the code it shows.</p>
      <p class="secret" id="enroll-secret"></p>
      <p class="hint"><a id="enroll-uri" href="#">Open in an authenticator app on this device</a></p>
      <label>Code<input name="code" id="enroll-code" inputmode="numeric" autocomplete="one-time-code" maxlength="8" required></label>
      <p class="form-error" id="enroll-error" role="alert" hidden></p>
      <button type="submit" class="primary">Confirm</button>
    </form>

    <div id="recovery" hidden>
      <h1>Keep your recovery codes</h1>
      <p class="hint">Each code signs you in once if you lose your authenticator. They are shown only now: print them or keep them in a password manager.</p>
      <ol class="recovery-codes" id="recovery-codes"></ol>
      <button type="button" class="primary" id="recovery-done">I have kept them — continue</button>
    </div>
  </div>
  <p class="login-foot">Access is logged. Sessions end after 30 minutes without use.</p>
</main>
</body>
</html>
"""#
}

/// The login page's script: setup, login (with the second factor when asked), authenticator enrollment.
enum LoginScript {
    static let js = #"""
const $ = id => document.getElementById(id);
const forms = ["login-form", "setup-form", "enroll-form", "recovery"];
let csrf = null;

function show(id) {
  for (const f of forms) $(f).hidden = f !== id;
  const first = $(id).querySelector("input");
  if (first) first.focus();
}

function nextPage() {
  const next = new URLSearchParams(location.search).get("next") || "/";
  // Only a path of this site: never another origin ("//host", "/\\host", "https:").
  return /^\/(?![\/\\])[A-Za-z0-9\/_.~-]*$/.test(next) ? next : "/";
}

function fail(id, message) { const p = $(id); p.textContent = message; p.hidden = false; }
function clear(id) { $(id).hidden = true; }

async function post(url, body) {
  const headers = { "content-type": "application/json", accept: "application/json" };
  if (csrf) headers["x-csrf-token"] = csrf;
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body || {}), cache: "no-store" });
  let json = null;
  try { json = await response.json(); } catch (e) { json = null; }
  return { ok: response.ok, status: response.status, body: json || {} };
}

async function login(username, password, code) {
  const body = { username, password };
  if (code) { if (/^\d{6,8}$/.test(code)) body.totp = code; else body.recoveryCode = code; }
  const r = await post("/api/v1/auth/login", body);
  if (r.ok) {
    csrf = r.body.csrfToken;
    if (r.body.mfaEnrollmentRequired) return enroll();
    location.replace(nextPage());
    return;
  }
  if (r.body.code === "mfaRequired") {
    $("code-row").hidden = false;
    $("code").focus();
    fail("login-error", code ? "That code was not accepted. Try the current one." : "Enter the code from your authenticator app.");
    return;
  }
  if (r.status === 429) { fail("login-error", r.body.message || "Too many attempts. Wait and try again."); return; }
  fail("login-error", r.status === 401 ? "Wrong user name, password or code." : (r.body.message || "Sign-in failed (HTTP " + r.status + ")."));
}

async function enroll() {
  const r = await post("/api/v1/auth/mfa/enroll");
  if (!r.ok) { show("login-form"); fail("login-error", r.body.message || "Cannot start authenticator setup."); return; }
  $("enroll-secret").textContent = r.body.secret.replace(/(.{4})/g, "$1 ").trim();
  $("enroll-uri").href = r.body.otpauthURI;
  show("enroll-form");
}

$("login-form").addEventListener("submit", async event => {
  event.preventDefault();
  clear("login-error");
  const username = $("username").value.trim(), password = $("password").value, code = $("code").value.replace(/\s+/g, "");
  if (!username || !password) { fail("login-error", "Enter your user name and password."); return; }
  $("login-submit").disabled = true;
  try { await login(username, password, code); } catch (e) { fail("login-error", "Millrace cannot be reached: " + e.message); }
  finally { $("login-submit").disabled = false; }
});

$("setup-form").addEventListener("submit", async event => {
  event.preventDefault();
  clear("setup-error");
  const token = $("setup-token").value.trim(), username = $("setup-username").value.trim();
  const password = $("setup-password").value;
  if (password !== $("setup-password2").value) { fail("setup-error", "The passwords differ."); return; }
  const r = await post("/api/v1/auth/setup", { token, username, password });
  if (!r.ok) { fail("setup-error", r.body.message || ("Setup failed (HTTP " + r.status + ").")); return; }
  show("login-form");
  $("username").value = username;
  $("password").value = password;
  await login(username, password, "");
});

$("enroll-form").addEventListener("submit", async event => {
  event.preventDefault();
  clear("enroll-error");
  const r = await post("/api/v1/auth/mfa/confirm", { code: $("enroll-code").value.replace(/\s+/g, "") });
  if (!r.ok) { fail("enroll-error", r.body.message || "That code was not accepted."); return; }
  const list = $("recovery-codes");
  list.replaceChildren(...r.body.recoveryCodes.map(c => { const li = document.createElement("li"); li.textContent = c; return li; }));
  show("recovery");
});

$("recovery-done").addEventListener("click", () => location.replace(nextPage()));

(async () => {
  try {
    const response = await fetch("/api/v1/auth/setup", { cache: "no-store", headers: { accept: "application/json" } });
    const status = await response.json();
    show(status.setupRequired ? "setup-form" : "login-form");
  } catch (e) {
    show("login-form");
    fail("login-error", "Millrace cannot be reached: " + e.message);
  }
})();
"""#
}
