import HistorianCore
import Historian
import Hummingbird
import MillraceConfiguration
import MillraceCore

/// History queries beyond raw samples: aggregates, interpolated values and plot-ready series.
/// Every route takes `from`/`to` like the raw route, and `format=csv` for a CSV download.
enum HistoryRoutes {
    static let maximumBuckets = 100_000

    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/tags/{id}/aggregates") { request, context in
            let (tag, from, to) = try await range(request, context, environment)
            let interval = try duration(request, "interval", default: .seconds(3600))
            try checkCount(from: from, to: to, interval: interval)
            let kind = try aggregateKind(request)
            let filter = try qualityFilter(request)
            let buckets = try await APIRouter.historian {
                try await environment.store.aggregate(
                    tag.id, from: from, to: to, interval: interval, kind: kind,
                    options: AggregationOptions(filter: filter, mode: InterpolationMode.default(for: tag.kind)))
            }
            if wantsCSV(request) {
                return csv(
                    "start,end,\(tag.id.rawValue),count,percent_good,quality",
                    buckets.map { "\($0.start.iso8601),\($0.end.iso8601),\($0.value.map(number) ?? ""),\($0.count),\(number($0.percentGood)),\($0.quality)" },
                    filename: "\(tag.id.rawValue)-aggregates.csv")
            }
            return try JSONResponse.make(
                AggregatesDTO(
                    tag: tag.id.rawValue, from: from.iso8601, to: to.iso8601, interval: ConfigDuration(interval).description,
                    kind: request.uri.queryParameters.get("kind") ?? "timeWeightedAverage", unit: tag.unit.symbol,
                    buckets: buckets.map(BucketDTO.init)))
        }

        router.get("/api/v1/tags/{id}/interpolated") { request, context in
            let (tag, from, to) = try await range(request, context, environment)
            let interval = try duration(request, "interval", default: .seconds(60))
            try checkCount(from: from, to: to, interval: interval)
            let values = try await APIRouter.historian {
                try await environment.store.interpolate(
                    tag.id, from: from, to: to, every: interval, mode: InterpolationMode.default(for: tag.kind))
            }
            if wantsCSV(request) {
                return csv(
                    "time,\(tag.id.rawValue),quality",
                    values.map { "\($0.time.iso8601),\($0.value.map(csvValue) ?? ""),\($0.quality)" },
                    filename: "\(tag.id.rawValue)-interpolated.csv")
            }
            return try JSONResponse.make(
                InterpolatedDTO(
                    tag: tag.id.rawValue, from: from.iso8601, to: to.iso8601, interval: ConfigDuration(interval).description,
                    values: values.map { SampleDTO(time: $0.time, value: $0.value.map(JSONScalar.init) ?? .null, quality: $0.quality) }))
        }

        router.get("/api/v1/tags/{id}/plot") { request, context in
            let (tag, from, to) = try await range(request, context, environment)
            let pixels = try QueryParameters.integer(request, "pixels", default: 1000, maximum: 10_000)
            let methodText = request.uri.queryParameters.get("method") ?? "minMax"
            guard let method = PlotMethod(rawValue: methodText) else {
                throw APIError(.badRequest, code: "invalidParameter", "'method=\(methodText.prefix(32))' is not one of minMax, lttb")
            }
            let points = try await APIRouter.historian {
                try await environment.store.plot(tag.id, from: from, to: to, pixels: pixels, method: method)
            }
            if wantsCSV(request) {
                return csv(
                    "time,\(tag.id.rawValue),quality",
                    points.map { "\($0.time.iso8601),\($0.value.map(number) ?? ""),\($0.quality)" },
                    filename: "\(tag.id.rawValue)-plot.csv")
            }
            return try JSONResponse.make(
                PlotDTO(
                    tag: tag.id.rawValue, from: from.iso8601, to: to.iso8601, method: method.rawValue, unit: tag.unit.symbol,
                    points: points.map { SampleDTO(time: $0.time, value: $0.value.map { JSONScalar(.double($0)) } ?? .null, quality: $0.quality) }))
        }
    }

    /// The tag and the time range of a history request (default: the last hour).
    static func range(_ request: Request, _ context: APIContext, _ environment: APIEnvironment) async throws
        -> (TagMetadata, Timestamp, Timestamp)
    {
        let tag = try await environment.readableTag(context)
        let (from, to) = try QueryParameters.timeRange(request, now: environment.clock.now())
        return (tag, from, to)
    }

    static func duration(_ request: Request, _ name: String, default value: Duration) throws -> Duration {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let parsed = try? ConfigDuration(parsing: text), parsed.duration > .zero else {
            throw APIError(.badRequest, code: "invalidParameter", "'\(name)=\(text.prefix(32))' is not a duration such as 1m, 15m or 1h")
        }
        return parsed.duration
    }

    static func checkCount(from: Timestamp, to: Timestamp, interval: Duration) throws {
        let count = (to - from).microseconds / max(1, interval.microseconds)
        guard count <= maximumBuckets else {
            throw APIError(
                .badRequest, code: "tooManyPoints",
                "the range and interval give \(count) values; at most \(maximumBuckets) per request — use a longer interval or a shorter range")
        }
    }

    static func aggregateKind(_ request: Request) throws -> AggregateKind {
        let text = request.uri.queryParameters.get("kind") ?? "timeWeightedAverage"
        let kinds: [String: AggregateKind] = [
            "count": .count, "min": .minimum, "max": .maximum, "mean": .mean, "timeWeightedAverage": .timeWeightedAverage,
            "stddev": .standardDeviation, "first": .first, "last": .last, "delta": .delta, "integral": .integralPerSecond,
            "integralPerHour": .integralPerHour, "percentGood": .percentGood, "range": .range,
        ]
        guard let kind = kinds[text] else {
            throw APIError(
                .badRequest, code: "invalidParameter",
                "'kind=\(text.prefix(32))' is not one of \(kinds.keys.sorted().joined(separator: ", "))")
        }
        return kind
    }

    static func qualityFilter(_ request: Request) throws -> QualityFilter {
        switch request.uri.queryParameters.get("quality") ?? "good" {
        case "good": return .goodOnly
        case "uncertain": return .includeUncertain
        case "all": return .all
        case let other:
            throw APIError(.badRequest, code: "invalidParameter", "'quality=\(other.prefix(32))' is not one of good, uncertain, all")
        }
    }

    static func wantsCSV(_ request: Request) -> Bool {
        request.uri.queryParameters.get("format") == "csv" || (request.headers[.accept]?.hasPrefix("text/csv") ?? false)
    }

    static func csv(_ header: String, _ rows: [String], filename: String) -> Response {
        var text = header + "\r\n"
        text.reserveCapacity(rows.count * 40)
        for row in rows { text += row + "\r\n" }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(filename)\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)) : ""
    }

    static func csvValue(_ value: DataValue) -> String {
        switch value {
        case .double(let v): number(v)
        case .integer(let v): String(v)
        case .bool(let v): v ? "true" : "false"
        case .string(let v): "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
    }
}

struct BucketDTO: Encodable {
    var start: String
    var end: String
    var value: JSONScalar
    var count: Int
    var percentGood: Double
    var quality: String

    init(_ bucket: AggregateBucket) {
        start = bucket.start.iso8601
        end = bucket.end.iso8601
        value = bucket.value.map { JSONScalar(.double($0)) } ?? .null
        count = bucket.count
        percentGood = bucket.percentGood
        quality = bucket.quality.description
    }
}

struct AggregatesDTO: Encodable {
    var tag, from, to, interval, kind, unit: String
    var buckets: [BucketDTO]
}

struct InterpolatedDTO: Encodable {
    var tag, from, to, interval: String
    var values: [SampleDTO]
}

struct PlotDTO: Encodable {
    var tag, from, to, method, unit: String
    var points: [SampleDTO]
}
