import Foundation
import Historian
import HistorianCore
import Logging
import MillraceCore
import PostgresNIO

/// The historian in PostgreSQL, for central deployments: the same compressed chunks as `ChunkedHistorian`
/// (docs/format/chunk-v1.md), in the tables of docs/format/postgres-v1.md.
///
/// Write path (ADR 0010): an append is one SQL statement that upserts the samples into `historian_staging`
/// and the newest ones into `historian_current`; when it commits, the samples are durable and the call returns.
/// When a tag has a chunk's worth of staged samples (`chunkCapacity`, or `chunkSpan` of time), they are
/// *folded*: taken out of staging and encoded into chunks, late ones merged into the chunk they belong in, in
/// one transaction. Reads merge the chunks with the staged rows, which win on equal times (last write wins).
///
/// ```swift
/// let historian = try await PostgresHistorian.connect(url: "postgres://millrace:secret@db:5432/millrace", logger: logger)
/// ```
public actor PostgresHistorian: HistorianStore {
    public struct Options: Sendable {
        /// Staged samples of one tag that make a chunk…
        public var chunkCapacity = 2048
        /// …or the time they span.
        public var chunkSpan: Duration = .seconds(4 * 3600)
        /// `.full`: a commit waits for PostgreSQL's WAL flush (the server default). `.normal`: asynchronous commit.
        public var sync: HistorianSyncPolicy = .full
        /// How long one operation may take, retries after connection failures included, before it fails.
        public var operationTimeout: Duration = .seconds(30)
        /// How long to wait for a TCP connection to the server.
        public var connectTimeout: Duration = .seconds(5)
        /// The pool's connection limit.
        public var maximumConnections = 4
        public init() {}
    }

    struct TagState: Sendable {
        var id: Int32
        var metadata: TagMetadata
    }

    /// What this instance knows of a tag's staged samples, to decide when to fold. An estimate (duplicates
    /// count twice, another writer's rows are not seen) that only decides *when*, never *what*.
    struct Staged: Sendable {
        var count = 0
        var first = Int64.max
        var last = Int64.min
    }

    let session: PostgresSession
    let options: Options
    let logger: Logger
    var tagStates: [TagID: TagState] = [:]
    var names: [Int32: TagID] = [:]
    var staged: [Int32: Staged] = [:]
    var closed = false
    /// Appends and registrations run one at a time, in call order, so "last write wins" follows the calls
    /// even though the actor is re-entered at every await.
    let writeGate = AsyncGate()

    /// Connects to `url` (`postgres://user:password@host:port/database?sslmode=disable|prefer|require`), applies
    /// missing schema migrations, and loads the tags. Fails with `.storage` if the URL is invalid or the server
    /// does not answer within `options.operationTimeout`.
    public static func connect(url: String, options: Options = Options(), logger: Logger) async throws(HistorianError)
        -> PostgresHistorian
    {
        let parsed: PostgresConnectionURL
        do {
            parsed = try PostgresConnectionURL(parsing: url)
        } catch {
            throw HistorianError(.storage, error.description)
        }
        return try await connect(url: parsed, options: options, logger: logger)
    }

    /// Connects to a parsed URL; see `connect(url:options:logger:)`.
    public static func connect(url: PostgresConnectionURL, options: Options = Options(), logger: Logger) async throws(HistorianError)
        -> PostgresHistorian
    {
        let session = PostgresSession(url: url, options: options, logger: logger)
        let historian = PostgresHistorian(session: session, options: options, logger: logger)
        do {
            let applied = try await session.transaction("apply the schema migrations") { connection, logger in
                try await PostgresSchema.migrate(connection, logger: logger)
            }
            if !applied.isEmpty {
                logger.info("historian schema migrated", metadata: ["versions": "\(applied)", "database": "\(url)"])
            }
            try await historian.loadTags()
            try await historian.loadStaged()
        } catch {
            await session.shutdown()
            throw error
        }
        logger.info("historian connected", metadata: ["database": "\(url)"])
        return historian
    }

    init(session: PostgresSession, options: Options, logger: Logger) {
        self.session = session
        self.options = options
        self.logger = logger
    }

    var grouping: ChunkGrouping { ChunkGrouping(capacity: max(1, options.chunkCapacity), span: options.chunkSpan) }

    // MARK: HistorianStore

    public func register(tags newTags: [TagMetadata]) async throws(HistorianError) {
        try checkOpen()
        if newTags.isEmpty { return }
        await writeGate.enter()
        defer { writeGate.leave() }
        // One row per name; the later declaration wins, as it would in two calls.
        var unique: [TagID: TagMetadata] = [:]
        for metadata in newTags { unique[metadata.id] = metadata }
        let ordered = unique.values.sorted { $0.id < $1.id }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var names: [String] = [], kinds: [String] = [], documents: [String] = []
        for metadata in ordered {
            names.append(metadata.id.rawValue)
            kinds.append(metadata.kind.rawValue)
            do {
                documents.append(String(decoding: try encoder.encode(metadata), as: UTF8.self))
            } catch {
                throw HistorianError(.storage, "cannot encode the metadata of '\(metadata.id)': \(error)")
            }
        }
        let rows = try await session.transaction(
            "register \(ordered.count) tags",
            onRefusal: { error in (error as? KindChange).map { HistorianError(.kindMismatch, $0.description) } }
        ) { [names, kinds, documents] connection, logger in
            // A tag that holds values keeps its kind: its chunks could not be read as another.
            var holding: [(String, String)] = []
            for try await row in try await connection.query(
                """
                SELECT t.name, t.kind FROM historian_tag t JOIN historian_current c ON c.tag = t.id
                WHERE t.name = ANY(\(names))
                """, logger: logger
            ).decode((String, String).self) {
                holding.append(row)
            }
            for (name, kind) in holding {
                if let index = names.firstIndex(of: name), kinds[index] != kind {
                    throw KindChange(tag: name, stored: kind, requested: kinds[index])
                }
            }
            var ids: [(Int32, String)] = []
            for try await row in try await connection.query(
                """
                INSERT INTO historian_tag (name, kind, metadata)
                SELECT n, k, m::jsonb FROM unnest(\(names)::text[], \(kinds)::text[], \(documents)::text[]) AS u(n, k, m)
                ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, metadata = excluded.metadata
                RETURNING id, name
                """, logger: logger
            ).decode((Int32, String).self) {
                ids.append(row)
            }
            return ids
        }
        let byName = Dictionary(ordered.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { $1 })
        for (id, name) in rows {
            guard let metadata = byName[name] else { continue }
            tagStates[metadata.id] = TagState(id: id, metadata: metadata)
            self.names[id] = metadata.id
        }
    }

    public func append(_ samples: [TaggedSample]) async throws(HistorianError) {
        try checkOpen()
        if samples.isEmpty { return }
        await writeGate.enter()
        defer { writeGate.leave() }
        if samples.contains(where: { tagStates[$0.tag] == nil }) {
            // Another Millrace may have registered it in the shared database since we loaded the tags.
            try await loadTags()
        }
        // The whole batch is checked before anything is written: a refused batch leaves no trace.
        for tagged in samples {
            guard let state = tagStates[tagged.tag] else {
                throw HistorianError(.unknownTag, "tag '\(tagged.tag)' is not registered")
            }
            guard tagged.sample.time.isPlausible else {
                throw HistorianError(
                    .implausibleTime,
                    "sample of '\(tagged.tag)' at \(tagged.sample.time.microseconds) µs is outside 1900–2200")
            }
            guard tagged.sample.value.kind == state.metadata.kind else {
                throw HistorianError(
                    .kindMismatch,
                    "tag '\(tagged.tag)' holds \(state.metadata.kind.rawValue) values, got \(tagged.sample.value.kind.rawValue)")
            }
        }
        let (rows, newest) = Self.stagingRows(samples, ids: tagStates.mapValues(\.id))
        // One statement, so one atomic commit: the samples into staging, the newest of each tag into the
        // current values unless a newer one is already there.
        try await session.perform("append \(rows.count) samples") { [logger] connection in
            _ = try await connection.query(
                """
                WITH staged AS (
                    INSERT INTO historian_staging (tag, t, bits, text, quality)
                    SELECT * FROM unnest(\(rows.tags)::integer[], \(rows.times)::bigint[], \(rows.bits)::bigint[],
                                         \(rows.texts)::text[], \(rows.qualities)::smallint[])
                    ON CONFLICT (tag, t) DO UPDATE SET bits = excluded.bits, text = excluded.text, quality = excluded.quality
                )
                INSERT INTO historian_current (tag, t, bits, text, quality)
                SELECT * FROM unnest(\(newest.tags)::integer[], \(newest.times)::bigint[], \(newest.bits)::bigint[],
                                     \(newest.texts)::text[], \(newest.qualities)::smallint[])
                ON CONFLICT (tag) DO UPDATE SET t = excluded.t, bits = excluded.bits, text = excluded.text, quality = excluded.quality
                WHERE historian_current.t <= excluded.t
                """, logger: logger)
        }
        // Durable from here on. Folding is housekeeping: if it fails, the samples stay staged and readable.
        for index in rows.tags.indices {
            staged[rows.tags[index], default: Staged()].note(rows.times[index])
        }
        for tag in Set(rows.tags) {
            guard let estimate = staged[tag], shouldFold(estimate) else { continue }
            do {
                try await fold(tag: tag, force: false)
            } catch {
                let name = names[tag]?.rawValue ?? String(tag)
                logger.warning(
                    "could not fold staged samples into chunks; they stay staged", metadata: ["tag": "\(name)", "error": "\(error)"])
            }
        }
    }

    public func latest(of tagIDs: [TagID]) async throws(HistorianError) -> [TagID: Sample] {
        try checkOpen()
        let known = tagIDs.compactMap { tagStates[$0] }
        if known.isEmpty { return [:] }
        let ids = known.map(\.id)
        let rows = try await session.perform("read current values") { [logger] connection in
            var rows: [(Int32, SampleColumns)] = []
            for try await (tag, t, bits, text, quality) in try await connection.query(
                "SELECT tag, t, bits, text, quality FROM historian_current WHERE tag = ANY(\(ids))", logger: logger
            ).decode((Int32, Int64, Int64, String, Int16).self) {
                rows.append((tag, SampleColumns(time: t, bits: bits, text: text, quality: quality)))
            }
            return rows
        }
        var result: [TagID: Sample] = [:]
        for (id, columns) in rows {
            guard let tag = names[id], let state = tagStates[tag] else { continue }
            result[tag] = columns.sample(kind: state.metadata.kind)
        }
        return result
    }

    public func tags() async throws(HistorianError) -> [TagMetadata] {
        try checkOpen()
        try await loadTags()
        return tagStates.values.map(\.metadata).sorted { $0.id < $1.id }
    }

    public func close() async throws(HistorianError) {
        guard !closed else { return }
        closed = true
        // Wait for an append in flight: its caller is owed an answer before the pool goes away.
        await writeGate.enter()
        writeGate.leave()
        await session.shutdown()
        logger.info("historian closed")
    }

    // MARK: Helpers

    func checkOpen() throws(HistorianError) {
        if closed { throw HistorianError(.closed, "the historian is closed") }
    }

    func shouldFold(_ estimate: Staged) -> Bool {
        estimate.count >= grouping.capacity || (estimate.count > 1 && estimate.last - estimate.first >= grouping.span.microseconds)
    }

    /// Reads every tag from the database (another instance may have registered some).
    func loadTags() async throws(HistorianError) {
        let rows = try await session.perform("read the tags") { [logger] connection in
            var rows: [(Int32, String, String)] = []
            for try await row in try await connection.query(
                "SELECT id, name, metadata::text FROM historian_tag", logger: logger
            ).decode((Int32, String, String).self) {
                rows.append(row)
            }
            return rows
        }
        let decoder = JSONDecoder()
        for (id, name, json) in rows {
            do {
                let metadata = try decoder.decode(TagMetadata.self, from: Data(json.utf8))
                tagStates[metadata.id] = TagState(id: id, metadata: metadata)
                names[id] = metadata.id
            } catch {
                logger.error("a tag's metadata cannot be read; the tag is skipped", metadata: ["tag": "\(name)", "error": "\(error)"])
            }
        }
    }

    /// Reads how many samples each tag has staged, so folding resumes where the last run left it.
    func loadStaged() async throws(HistorianError) {
        let rows = try await session.perform("read the staging summary") { [logger] connection in
            var rows: [(Int32, Int64, Int64, Int64)] = []
            for try await row in try await connection.query(
                "SELECT tag, count(*), min(t), max(t) FROM historian_staging GROUP BY tag", logger: logger
            ).decode((Int32, Int64, Int64, Int64).self) {
                rows.append(row)
            }
            return rows
        }
        for (tag, count, first, last) in rows {
            staged[tag] = Staged(count: Int(count), first: first, last: last)
        }
    }

    /// The batch as staging rows (one per tag and time, the later element winning) and, per tag, its newest
    /// sample for the current-value table.
    static func stagingRows(_ samples: [TaggedSample], ids: [TagID: Int32]) -> (rows: SampleColumnArrays, newest: SampleColumnArrays) {
        var position: [TagTime: Int] = [:]
        position.reserveCapacity(samples.count)
        var rows = SampleColumnArrays()
        rows.reserveCapacity(samples.count)
        var newest: [Int32: SampleColumns] = [:]
        for tagged in samples {
            guard let id = ids[tagged.tag] else { continue }
            let columns = SampleColumns(tagged.sample)
            let key = TagTime(tag: id, time: columns.time)
            if let index = position[key] {
                // PostgreSQL refuses to update one row twice in a statement: keep the later sample only.
                rows.bits[index] = columns.bits
                rows.texts[index] = columns.text
                rows.qualities[index] = columns.quality
            } else {
                position[key] = rows.count
                rows.append(tag: id, columns)
            }
            if let current = newest[id], current.time > columns.time { continue }
            newest[id] = columns
        }
        var newestRows = SampleColumnArrays()
        for (id, columns) in newest.sorted(by: { $0.key < $1.key }) { newestRows.append(tag: id, columns) }
        return (rows, newestRows)
    }

    struct TagTime: Hashable {
        var tag: Int32
        var time: Int64
    }

    /// A registration that would change the kind of a tag holding values.
    struct KindChange: Error, CustomStringConvertible {
        var tag: String
        var stored: String
        var requested: String
        var description: String { "tag '\(tag)' already holds \(stored) values; it cannot become \(requested)" }
    }
}

extension PostgresHistorian.Staged {
    mutating func note(_ time: Int64) {
        count += 1
        first = Swift.min(first, time)
        last = Swift.max(last, time)
    }
}
