import MillraceCore

/// The historian as the rest of Millrace sees it: append samples durably, read them back.
///
/// Implementations: `SQLiteHistorian` (embedded, the default). The compressed chunk engine and the
/// PostgreSQL backend arrive behind this same protocol.
public protocol HistorianStore: Sendable {
    /// Declares tags (creating or updating their metadata). Samples can only be appended for known tags.
    func register(tags: [TagMetadata]) async throws(HistorianError)

    /// Appends samples; returns once they are durable under the store's sync policy.
    /// A sample with the same tag and timestamp as a stored one replaces it (last write wins).
    func append(_ samples: [TaggedSample]) async throws(HistorianError)

    /// Samples of one tag with `from <= time < to`, oldest first, at most `limit` of them.
    func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample]

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
