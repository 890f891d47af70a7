import MillraceCore

/// Where events are kept. Implementations are safe to call from any task.
public protocol EventStore: Sendable {
    /// Stores a new event; returns it with its id.
    func append(_ event: Event) async throws(EventStoreError) -> Event
    /// Marks an open event cleared at `time`. Clearing an already cleared event changes nothing.
    /// - Throws: `notFound` for an unknown id.
    func clear(id: Int64, at time: Timestamp) async throws(EventStoreError)
    /// Revises an open event at `time`: new severity, confidence, title, explanation, evidence and action; sets
    /// `updatedAt`, and appends to `severityHistory` when the severity changed. A cleared event is left as it is.
    /// Returns the event as stored.
    /// - Throws: `notFound` for an unknown id.
    func update(id: Int64, with revision: EventRevision, at time: Timestamp) async throws(EventStoreError) -> Event
    /// The open events, oldest first, of `asset` and the assets below it (all when nil).
    func openEvents(under asset: AssetPath?) async throws(EventStoreError) -> [Event]
    /// Events raised in [from, to) of `asset` and the assets below it (all assets when nil), newest first, at
    /// most `limit`.
    func events(under asset: AssetPath?, from: Timestamp?, to: Timestamp?, limit: Int) async throws(EventStoreError) -> [Event]
}

/// Why the event store failed.
public struct EventStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable { case storage, notFound, corrupt }
        private let base: Base
        private init(_ base: Base) { self.base = base }
        /// The database could not be opened, read or written.
        public static let storage = Code(.storage)
        /// No event has that id.
        public static let notFound = Code(.notFound)
        /// A stored row could not be read back (an unknown kind, state or asset path).
        public static let corrupt = Code(.corrupt)
        public var description: String { base.rawValue }
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
