import HistorianCore
import MillraceCore

/// The historian as the rest of Millrace sees it: append samples durably, read them back.
///
/// Implementations: `ChunkedHistorian` (embedded, the default: compressed chunks in SQLite and a write-ahead
/// log). The PostgreSQL backend arrives behind this same protocol.
public protocol HistorianStore: Sendable {
    /// Declares tags (creating or updating their metadata). Samples can only be appended for known tags.
    func register(tags: [TagMetadata]) async throws(HistorianError)

    /// Appends samples; returns once they are durable under the store's sync policy.
    /// A sample with the same tag and timestamp as a stored one replaces it (last write wins).
    func append(_ samples: [TaggedSample]) async throws(HistorianError)

    /// Samples of one tag with `from <= time < to`, oldest first, at most `limit` of them.
    func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample]

    /// The newest sample of `tag` strictly before `time` (the value in effect at `time`), if any.
    func sample(of tag: TagID, before time: Timestamp) async throws(HistorianError) -> Sample?

    /// The oldest sample of `tag` at or after `time`, if any.
    func sample(of tag: TagID, atOrAfter time: Timestamp) async throws(HistorianError) -> Sample?

    /// One aggregate value per `interval` over `[from, to)` (docs/historian-queries.md).
    func aggregate(
        _ tag: TagID, from: Timestamp, to: Timestamp, interval: Duration, kind: AggregateKind,
        options: AggregationOptions
    ) async throws(HistorianError) -> [AggregateBucket]

    /// Values at `from`, `from + every`, … up to `to`, linear or step.
    func interpolate(
        _ tag: TagID, from: Timestamp, to: Timestamp, every interval: Duration, mode: InterpolationMode
    ) async throws(HistorianError) -> [InterpolatedValue]

    /// About `pixels` points that draw `[from, to)` faithfully (gaps kept as points without a value).
    func plot(_ tag: TagID, from: Timestamp, to: Timestamp, pixels: Int, method: PlotMethod) async throws(HistorianError)
        -> [PlotPoint]

    /// The newest sample of each of the given tags that has one.
    func latest(of tags: [TagID]) async throws(HistorianError) -> [TagID: Sample]

    /// Every registered tag.
    func tags() async throws(HistorianError) -> [TagMetadata]

    /// Flushes and closes the store; later calls fail with `.closed`.
    func close() async throws(HistorianError)
}

/// Why the historian refused or failed an operation.
public struct HistorianError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let unknownTag = Code(name: "unknownTag")
        public static let implausibleTime = Code(name: "implausibleTime")
        public static let kindMismatch = Code(name: "kindMismatch")
        public static let invalidRange = Code(name: "invalidRange")
        public static let storage = Code(name: "storage")
        public static let closed = Code(name: "closed")
        public var description: String { name }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// How hard the historian works to make an acknowledged write survive.
public enum HistorianSyncPolicy: String, Sendable, CaseIterable, Codable {
    /// fsync at every append: an acknowledged write survives power loss.
    case full
    /// Written to the operating system at every append, fsync at checkpoints: an acknowledged write survives a
    /// crash or `kill -9` of the process; the last appends may be lost if the machine loses power.
    case normal
}
