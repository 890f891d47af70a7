import Hummingbird
import MillraceConfiguration
import MillraceCore

/// Parsing of query parameters with errors in the API format.
enum QueryParameters {
    /// A time: ISO 8601 with a zone (`2026-11-26T08:00:00Z`), `now`, or `now-<duration>` (`now-1h`, `now-15m`).
    static func time(_ request: Request, _ name: String, now: Timestamp) throws -> Timestamp? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        if text == "now" { return now }
        if text.hasPrefix("now-") {
            guard let duration = try? ConfigDuration(parsing: String(text.dropFirst(4))) else {
                throw APIError(.badRequest, code: "invalidTime", "'\(name)=\(text.prefix(64))' is not a time; use ISO 8601 such as 2026-11-26T08:00:00Z, 'now' or 'now-1h'")
            }
            return now - duration.duration
        }
        do {
            let time = try Timestamp(iso8601: text)
            guard time.isPlausible else {
                throw APIError(.badRequest, code: "invalidTime", "'\(name)=\(text)' is outside the years 1900 to 2200")
            }
            return time
        } catch let error as TimestampParseError {
            throw APIError(.badRequest, code: "invalidTime", "'\(name)': \(error.description)")
        }
    }

    /// The `{id}` of the route as a tag id; an id that cannot exist is an unknown tag.
    static func tagID(_ context: APIContext) throws -> TagID {
        let text = try context.parameters.require("id")
        guard let id = try? TagID(text) else {
            throw APIError(.notFound, code: "unknownTag", "no tag has the id '\(text.prefix(80))'")
        }
        return id
    }

    /// `from` and `to` of a history request: `to` defaults to now, `from` to an hour before `to`; `from < to`.
    static func timeRange(_ request: Request, now: Timestamp) throws -> (from: Timestamp, to: Timestamp) {
        let to = try time(request, "to", now: now) ?? now
        let from = try time(request, "from", now: now) ?? (to - .seconds(3600))
        guard from < to else {
            throw APIError(.badRequest, code: "invalidRange", "'from' (\(from.iso8601)) must be before 'to' (\(to.iso8601))")
        }
        return (from, to)
    }

    /// A positive integer up to `maximum`.
    static func integer(_ request: Request, _ name: String, default value: Int, maximum: Int) throws -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let number = Int(text), number >= 1 else {
            throw APIError(.badRequest, code: "invalidParameter", "'\(name)=\(text.prefix(32))' is not a whole number of at least 1")
        }
        guard number <= maximum else {
            throw APIError(.badRequest, code: "invalidParameter", "'\(name)=\(number)' is more than the maximum of \(maximum)")
        }
        return number
    }
}
