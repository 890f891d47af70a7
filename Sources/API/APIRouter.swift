import APIAuth
import Historian
import Hummingbird
import MillraceCore
import MillraceSecurity

/// Builds the router of the HTTP API and the web UI.
public enum APIRouter {
    /// The most samples one raw query returns; more come by following `next`.
    public static let maximumLimit = 100_000
    public static let defaultLimit = 10_000

    /// What needs no credential: health, login and first-start setup, and the few files the login page is
    /// made of (it must load before anyone is logged in). Everything else needs a session or a token.
    public static let publicPaths: Set<String> = [
        "/healthz", "/api/v1/auth/login", "/api/v1/auth/setup", "/login",
        "/login.js", "/app.css", "/theme.js", "/favicon.svg", "/favicon.ico",
    ]

    /// The middleware's settings for this API: the public paths above, the login page for browsers, HSTS under TLS.
    public static func authConfiguration(tls: Bool) -> AuthMiddlewareConfiguration {
        AuthMiddlewareConfiguration(publicPaths: publicPaths, publicPrefixes: [], tls: tls, loginPage: "/login")
    }

    public static func make(environment: APIEnvironment) -> Router<APIContext> {
        let router = Router(context: APIContext.self)
        // First: nothing below runs for a request without a valid credential (ADR 0015).
        router.add(middleware: AuthMiddleware(service: environment.security, configuration: authConfiguration(tls: environment.tls)))
        router.add(middleware: ErrorMiddleware())
        AuthRoutes.add(to: router, service: environment.security, secureCookies: environment.tls)

        router.get("/healthz") { _, _ in
            let now = environment.clock.now()
            return try JSONResponse.make(
                HealthDTO(
                    status: "ok", version: environment.version, serverTime: now.iso8601,
                    uptimeSeconds: (now - environment.startedAt).components.seconds))
        }

        TagRoutes.add(to: router, environment: environment)

        router.get("/api/v1/tags/{id}/samples") { request, context in
            let id = try await environment.readableTag(context).id
            let (from, to) = try QueryParameters.timeRange(request, now: environment.clock.now())
            let limit = try QueryParameters.integer(request, "limit", default: defaultLimit, maximum: maximumLimit)
            let samples = try await historian { try await environment.store.samples(of: id, from: from, to: to, limit: limit) }
            let next = samples.count == limit ? samples.last.map { Timestamp(microseconds: $0.time.microseconds + 1).iso8601 } : nil
            return try JSONResponse.make(
                SamplesDTO(tag: id.rawValue, from: from.iso8601, to: to.iso8601, samples: samples.map(SampleDTO.init), next: next))
        }

        HistoryRoutes.add(to: router, environment: environment)
        DeviceWriteRoutes.add(to: router, environment: environment)
        AssetRoutes.add(to: router, environment: environment)
        EventRoutes.add(to: router, environment: environment)
        ConnectionRoutes.add(to: router, environment: environment)
        LiveStreamRoutes.add(to: router, environment: environment)

        router.get("/api/v1/openapi.json") { _, context in
            _ = try ReadAccess(context)
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }

        // The simulator's developing faults — onset, growth, failure time — to score detectors against.
        router.get("/api/v1/simulator/ground-truth") { _, context in
            try context.requirePermission(.readData)
            guard let csv = environment.groundTruthCSV else {
                throw APIError(.notFound, code: "noSimulator", "the built-in plant simulator is not running (start Millrace without --config)")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"ground-truth.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: csv())))
        }

        // Prometheus scrape endpoint: ingest counters, connection health (docs in README).
        router.get("/metrics") { _, context in
            try context.requirePermission(.readData)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: environment.metricsText())))
        }

        // The web UI: every other GET outside /api/, /metrics and /healthz (single-page app routes get its index).
        // The login page is public (allow-listed above); the app itself is for logged-in users.
        router.get("/login") { request, _ in try WebAssets.response(for: request) }
        router.get("/") { request, context in
            _ = try ReadAccess(context)
            return try WebAssets.response(for: request)
        }
        router.get("/**") { request, context in
            if !APIRouter.publicPaths.contains(request.uri.path) { _ = try ReadAccess(context) }
            return try WebAssets.response(for: request)
        }
        return router
    }

    /// Runs a historian call, turning its failure into the API's error format.
    static func historian<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as HistorianError {
            throw APIError(error)
        }
    }
}
