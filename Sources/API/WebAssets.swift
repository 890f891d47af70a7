import Hummingbird
import WebUI

/// Serves the web UI (the `WebUI` target, ADR 0012): its files, and its index page for every other GET that is
/// not under `/api/`, `/metrics` or `/healthz`, so that pages such as `/assets/demo/packaging/line-1/motor-1`,
/// `/trends` and `/connections` load directly. Unknown files (a path with an extension) and unknown API paths are
/// 404s in the API's error format.
enum WebAssets {
    static func response(for request: Request) throws -> Response {
        guard let asset = WebUI.asset(path: request.uri.path) else {
            throw APIError(.notFound, code: "notFound", "no such resource: \(request.uri.path.prefix(200))")
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: asset.contentType,
                // The shell is revalidated on every load so a new binary's UI is picked up; files are small.
                .cacheControl: asset.isIndex ? "no-cache" : "public, max-age=300",
                .init("X-Content-Type-Options")!: "nosniff",
                .init("Referrer-Policy")!: "same-origin",
                .init("Content-Security-Policy")!: WebUI.contentSecurityPolicy,
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: asset.body)))
    }
}
