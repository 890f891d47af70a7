import Historian
import HistorianCore
import Logging
import MillraceCore
import PostgresNIO

extension PostgresHistorian {
    /// Chunks read per page of a range query.
    static var chunkPageSize: Int64 { 16 }

    /// What one snapshot of a tag's range holds: decoded chunk samples, staged rows, and chunks that failed.
    struct RangeRead: Sendable {
        var fromChunks: [Sample] = []
        var staged: [Sample] = []
        var corrupt: [(start: Int64, reason: String)] = []
    }

    public func samples(of tag: TagID, from: Timestamp, to: Timestamp, limit: Int) async throws(HistorianError) -> [Sample] {
        try checkOpen()
        guard from <= to else { throw HistorianError(.invalidRange, "'from' is after 'to'") }
        let state = try await knownTag(tag)
        if from == to || limit <= 0 { return [] }
        let (id, kind) = (state.id, state.metadata.kind)
        let (lower, upper, cap) = (from.microseconds, to.microseconds, Int64(limit))
        let read = try await session.transaction("read samples of '\(tag)'", readOnlySnapshot: true) { connection, logger in
            var read = RangeRead()
            read.staged = try await SampleColumns.fetch(
                """
                WITH staged AS (
                    SELECT t, bits, text, quality FROM historian_staging
                    WHERE tag = \(id) AND t >= \(lower) AND t < \(upper) ORDER BY t LIMIT \(cap)
                )
                \(unescaped: SampleColumns.aggregateSelect) FROM staged
                """, connection: connection, logger: logger
            ).map { $0.sample(kind: kind) }
            // Chunks a page at a time, until `limit` samples are in hand: a query that wants the first
            // samples of a long range reads one page.
            var after = Int64.min
            pages: while read.fromChunks.count < limit {
                var page: [(Int64, ByteBuffer)] = []
                for try await row in try await connection.query(
                    """
                    SELECT start_time, data FROM historian_chunk
                    WHERE tag = \(id) AND end_time >= \(lower) AND start_time < \(upper) AND start_time > \(after)
                    ORDER BY start_time LIMIT \(Self.chunkPageSize)
                    """, logger: logger
                ).decode((Int64, ByteBuffer).self) {
                    page.append(row)
                }
                for (start, data) in page {
                    after = start
                    let chunk: Chunk
                    do {
                        chunk = try Chunk(data.readableBytesView)
                    } catch {
                        read.corrupt.append((start, "\(error)"))
                        continue
                    }
                    var decoder = chunk.makeDecoder()
                    while let sample = decoder.next() {
                        if sample.time.microseconds < lower { continue }
                        if sample.time.microseconds >= upper { break pages }
                        read.fromChunks.append(sample)
                    }
                    if let error = decoder.error {
                        logger.error("a chunk stopped decoding part way", metadata: ["start": "\(start)", "error": "\(error)"])
                    }
                    if read.fromChunks.count >= limit { break pages }
                }
                if page.count < Self.chunkPageSize { break }
            }
            return read
        }
        if !read.corrupt.isEmpty { await quarantine(read.corrupt, of: tag, id: id) }
        let merged = DuplicatePolicy.lastWriteWins.merge(sorted: read.fromChunks, incoming: read.staged)
        return merged.count > limit ? Array(merged.prefix(limit)) : merged
    }

    /// The newest sample strictly before `time`, for step and time-weighted semantics at a range's start.
    public func sample(of tag: TagID, before time: Timestamp) async throws(HistorianError) -> Sample? {
        try await nearestSample(of: tag, to: time, after: false)
    }

    /// The oldest sample at or after `time`.
    public func sample(of tag: TagID, atOrAfter time: Timestamp) async throws(HistorianError) -> Sample? {
        try await nearestSample(of: tag, to: time, after: true)
    }

    /// The sample nearest to `time` on one side: at or after it (`after`), or strictly before it. One read of the
    /// staging table and of the one chunk that can hold it (chunks do not overlap), in one snapshot; a staged sample
    /// wins a tie with a chunk's, as in range reads.
    private func nearestSample(of tag: TagID, to time: Timestamp, after: Bool) async throws(HistorianError) -> Sample? {
        try checkOpen()
        let state = try await knownTag(tag)
        let (id, kind, bound) = (state.id, state.metadata.kind, time.microseconds)
        // Constant SQL fragments only; the values stay bound parameters.
        let (stagedWhere, chunkWhere, order) =
            after ? ("t >=", "end_time >=", "ASC") : ("t <", "start_time <", "DESC")
        let what = "read the sample of '\(tag)' \(after ? "at or after" : "before") \(time)"
        let read = try await session.transaction(what, readOnlySnapshot: true) { connection, logger in
            var read = RangeRead()
            for try await (t, bits, text, quality) in try await connection.query(
                "SELECT t, bits, text, quality FROM historian_staging WHERE tag = \(id) AND \(unescaped: stagedWhere) \(bound) ORDER BY t \(unescaped: order) LIMIT 1",
                logger: logger
            ).decode((Int64, Int64, String, Int16).self) {
                read.staged.append(SampleColumns(time: t, bits: bits, text: text, quality: quality).sample(kind: kind))
            }
            for try await (start, data) in try await connection.query(
                "SELECT start_time, data FROM historian_chunk WHERE tag = \(id) AND \(unescaped: chunkWhere) \(bound) ORDER BY start_time \(unescaped: order) LIMIT 1",
                logger: logger
            ).decode((Int64, ByteBuffer).self) {
                do {
                    let samples = try Chunk.decode(data.readableBytesView)
                    let found = after
                        ? samples.first(where: { $0.time.microseconds >= bound }) : samples.last(where: { $0.time.microseconds < bound })
                    if let found { read.fromChunks.append(found) }
                } catch {
                    read.corrupt.append((start, "\(error)"))
                }
            }
            return read
        }
        if !read.corrupt.isEmpty { await quarantine(read.corrupt, of: tag, id: id) }
        switch (read.fromChunks.first, read.staged.first) {
        case (let chunk?, let staged?):
            let chunkIsNearer = after ? chunk.time < staged.time : chunk.time > staged.time
            return chunkIsNearer ? chunk : staged
        case (let chunk, let staged): return staged ?? chunk
        }
    }

    /// The tag's state; reloads the tags once (another instance may have registered it) before refusing.
    func knownTag(_ tag: TagID) async throws(HistorianError) -> TagState {
        if let state = tagStates[tag] { return state }
        try await loadTags()
        guard let state = tagStates[tag] else { throw HistorianError(.unknownTag, "tag '\(tag)' is not registered") }
        return state
    }

    /// Moves chunks that failed to decode to `historian_quarantine`, with an error in the log; the rest of the
    /// tag stays readable. Best effort: a failure here is logged, and the next read tries again.
    func quarantine(_ corrupt: [(start: Int64, reason: String)], of tag: TagID, id: Int32) async {
        for (start, reason) in corrupt {
            logger.error("quarantined a corrupt chunk", metadata: ["tag": "\(tag)", "start": "\(start)", "error": "\(reason)"])
            do {
                try await session.perform("quarantine a chunk of '\(tag)'") { [logger] connection in
                    _ = try await connection.query(
                        """
                        WITH moved AS (DELETE FROM historian_chunk WHERE tag = \(id) AND start_time = \(start) RETURNING tag, start_time, data)
                        INSERT INTO historian_quarantine (tag, start_time, reason, data) SELECT tag, start_time, \(reason), data FROM moved
                        """, logger: logger)
                }
            } catch {
                logger.error("could not quarantine a corrupt chunk", metadata: ["tag": "\(tag)", "error": "\(error)"])
            }
        }
    }
}
