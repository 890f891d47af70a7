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

        router.get("/api/v1/tags") { _, _ in
            let tags = try await historian { try await environment.store.tags() }
            let current = try await historian { try await environment.store.latest(of: tags.map(\.id)) }
            return try JSONResponse.make(
                TagListDTO(
                    enterprise: environment.enterprise, serverTime: environment.clock.now().iso8601,
                    tags: tags.map { TagDTO($0, current: current[$0.id]) }))
        }

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

        // The web UI: its files, and its single page for every other path outside /api (WebAssets.swift).
        router.get("/") { request, _ in try WebAssets.response(for: request) }
        router.get("**") { request, _ in try WebAssets.response(for: request) }
        return router
    }

    /// Runs a historian call, turning its failure into the API's error format.
    static func historian<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let error as HistorianError {
            throw APIError(error)
        }
    }
}
