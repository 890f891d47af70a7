/// A query that cannot be answered as asked: an empty range, a zero interval, too many buckets, a bad setting.
///
/// Like `PostgresError`, a struct with a `Code`, so new codes can be added without breaking callers who switch.
/// Data problems (NaN, bad quality, duplicates, empty input) are never errors: they give gaps or empty results.
public struct HistorianQueryError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        private init(_ name: String) { self.name = name }

        /// The end of the range is not after its start.
        public static let emptyRange = Code("emptyRange")
        /// An interval or duration is zero or negative.
        public static let nonPositiveInterval = Code("nonPositiveInterval")
        /// The request would produce more buckets or points than `HistorianQueryError.maximumPoints`.
        public static let tooManyPoints = Code("tooManyPoints")
        /// A parameter is out of its range (negative deviation, NaN, a target count too small).
        public static let invalidParameter = Code("invalidParameter")

        public var description: String { name }
    }

    /// The most buckets, interpolated times or plot points one request may produce.
    public static let maximumPoints = 10_000_000

    public var code: Code
    /// What was wrong, for a log or a 400 response.
    public var reason: String

    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    public var description: String { "\(code): \(reason)" }
}
