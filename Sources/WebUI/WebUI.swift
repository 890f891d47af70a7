/// The dashboard: a single-page app of plain HTML, CSS and JavaScript modules written for Millrace and compiled
/// into the binary as string literals (no resource bundle to lose, no npm, no third-party code). See ADR 0012.
///
/// Files have fixed names at the root (`/app.js`, `/app.css`, …). Every other path without a file extension is a
/// page of the app (`/`, `/assets/<site>/<area>/…`, `/trends`, `/connections`) and gets `index.html`; the
/// browser-side router reads the path. A path with an unknown file extension is not found.
public enum WebUI {
    /// The Content-Security-Policy the pages are written for: no inline scripts or styles, same-origin only.
    public static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

    /// The asset for a request path (query string already removed), or nil when there is none.
    public static func asset(path: String) -> WebAsset? {
        if let file = files[path] { return file }
        if path == "/" || path == "/index.html" { return index }
        if path == "/login" { return login }
        // API, metrics and health routes are never pages: their unknown paths must stay 404s.
        for prefix in ["/api/", "/metrics", "/healthz"] where path == prefix || path.hasPrefix(prefix) { return nil }
        if path.hasPrefix("/assets/") { return index }  // asset ids are [A-Za-z0-9_-], but be lenient
        let last = path.split(separator: "/").last ?? ""
        return last.contains(".") ? nil : index
    }

    static let index = WebAsset(contentType: "text/html; charset=utf-8", text: IndexPage.html, isIndex: true)
    static let login = WebAsset(contentType: "text/html; charset=utf-8", text: LoginPage.html, isIndex: true)

    static let files: [String: WebAsset] = {
        let js = "text/javascript; charset=utf-8"
        return [
            "/app.css": WebAsset(contentType: "text/css; charset=utf-8", text: AppStyle.css),
            "/theme.js": WebAsset(contentType: js, text: ThemeScript.js),
            "/app.js": WebAsset(contentType: js, text: AppScript.js),
            "/live.js": WebAsset(contentType: js, text: LiveScript.js),
            "/format.js": WebAsset(contentType: js, text: FormatScript.js),
            "/chart.js": WebAsset(contentType: js, text: ChartScript.js),
            "/overview.js": WebAsset(contentType: js, text: OverviewScript.js),
            "/asset.js": WebAsset(contentType: js, text: AssetScript.js),
            "/trends.js": WebAsset(contentType: js, text: TrendsScript.js),
            "/connections.js": WebAsset(contentType: js, text: ConnectionsScript.js),
            "/login.js": WebAsset(contentType: js, text: LoginScript.js),
            "/favicon.svg": WebAsset(contentType: "image/svg+xml", text: Favicon.svg),
        ]
    }()

    /// Every file name the app consists of, for tests.
    public static var fileNames: [String] { files.keys.sorted() }
}
