import Historian
import Hummingbird
import MillraceCore

/// Builds the router of the HTTP API and the web UI.
public enum APIRouter {
    /// The most samples one raw query returns; more come by following `next`.
    public static let maximumLimit = 100_000
    public static let defaultLimit = 10_000

    public static func make(environment: APIEnvironment) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: ErrorMiddleware())

        router.get("/healthz") { _, _ in
            let now = environment.clock.now()
            return try JSONResponse.make(
                HealthDTO(
                    status: "ok", version: environment.version, serverTime: now.iso8601,
                    uptimeSeconds: (now - environment.startedAt).components.seconds))
        }

        TagRoutes.add(to: router, environment: environment)

        router.get("/api/v1/tags/{id}/samples") { request, context in
            let id = try QueryParameters.tagID(context)
            let (from, to) = try QueryParameters.timeRange(request, now: environment.clock.now())
            let limit = try QueryParameters.integer(request, "limit", default: defaultLimit, maximum: maximumLimit)
            let samples = try await historian { try await environment.store.samples(of: id, from: from, to: to, limit: limit) }
            let next = samples.count == limit ? samples.last.map { Timestamp(microseconds: $0.time.microseconds + 1).iso8601 } : nil
            return try JSONResponse.make(
                SamplesDTO(tag: id.rawValue, from: from.iso8601, to: to.iso8601, samples: samples.map(SampleDTO.init), next: next))
        }

        HistoryRoutes.add(to: router, environment: environment)
        AssetRoutes.add(to: router, environment: environment)
        EventRoutes.add(to: router, environment: environment)
        ConnectionRoutes.add(to: router, environment: environment)
        LiveStreamRoutes.add(to: router, environment: environment)

        router.get("/api/v1/openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }

        // The simulator's developing faults — onset, growth, failure time — to score detectors against.
        router.get("/api/v1/simulator/ground-truth") { _, _ in
            guard let csv = environment.groundTruthCSV else {
                throw APIError(.notFound, code: "noSimulator", "the built-in plant simulator is not running (start Millrace without --config)")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"ground-truth.csv\""],
                body: .init(byteBuffer: ByteBuffer(string: csv())))
        }

        // Prometheus scrape endpoint: ingest counters, connection health (docs in README).
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: environment.metricsText())))
        }

        // The web UI: every other GET outside /api/, /metrics and /healthz (single-page app routes get its index).
        router.get("/") { request, _ in try WebAssets.response(for: request) }
        router.get("/**") { request, _ in try WebAssets.response(for: request) }
        return router
    }

    /// Runs a historian call, turning its failure into the API's error format.
    static func historian<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as HistorianError {
            throw APIError(error)
        }
    }
}
