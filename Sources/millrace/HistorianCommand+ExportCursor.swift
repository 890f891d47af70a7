import Historian
import MillraceCore

extension HistorianCommand {
    /// Reads one tag's samples in `[from, to)` a page at a time, for merging several tags by time.
    struct ExportCursor {
        static let pageSize = 10_000

        let tag: TagID
        private var next: Timestamp
        let to: Timestamp
        private var page: [Sample] = []
        private var index = 0
        private var exhausted = false

        init(tag: TagID, from: Timestamp, to: Timestamp) {
            self.tag = tag
            self.next = from
            self.to = to
        }

        /// The sample the cursor is on; nil once every sample was read.
        var current: Sample? { index < page.count ? page[index] : nil }

        /// Reads the first page.
        mutating func fill(from store: ChunkedHistorian) async throws(HistorianError) {
            guard !exhausted, next < to else {
                exhausted = true
                return
            }
            page = try await store.samples(of: tag, from: next, to: to, limit: Self.pageSize)
            index = 0
            if page.count < Self.pageSize { exhausted = true }
            if let last = page.last { next = Timestamp(microseconds: last.time.microseconds + 1) }
        }

        /// Moves to the next sample, reading the next page when this one is used up.
        mutating func advance(in store: ChunkedHistorian) async throws(HistorianError) {
            index += 1
            if index >= page.count, !exhausted { try await fill(from: store) }
        }
    }
}
