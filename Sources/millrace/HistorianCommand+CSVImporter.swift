import Historian
import HistorianCore
import MillraceCore

extension HistorianCommand {
    /// Turns CSV records (the header first) into registered tags and appended batches of samples.
    struct CSVImporter {
        /// A problem with the file's content, at a place in it.
        struct Failure: Error {
            var position: CSVPosition
            var message: String
        }

        let file: String
        let prefix: String
        let batchSize: Int
        let store: ChunkedHistorian

        /// The tag of each column after the time column.
        private(set) var columns: [TagID] = []
        /// The kind of every tag known so far, and where it came from (for error messages).
        private var kinds: [TagID: (kind: ValueKind, origin: String)] = [:]
        private var pending: [TaggedSample] = []
        private var sawHeader = false
        /// Tags this import registered.
        private(set) var registered: [TagID] = []
        /// Tags that got at least one sample.
        private(set) var tagsWithSamples: Set<TagID> = []
        /// Samples appended (durable) so far.
        private(set) var samplesImported = 0

        init(file: String, prefix: String, batchSize: Int, store: ChunkedHistorian) {
            self.file = file
            self.prefix = prefix
            self.batchSize = batchSize
            self.store = store
        }

        /// Samples read but not appended yet.
        var pendingCount: Int { pending.count }

        /// Learns the kinds of the tags the historian already has, which the import keeps.
        mutating func loadKnownTags() async throws(HistorianError) {
            for metadata in try await store.tags() {
                kinds[metadata.id] = (metadata.kind, "as the historian already has it")
            }
        }

        /// Takes the next record: the header, or a row of samples.
        mutating func add(_ record: CSVRecord) async throws {
            guard sawHeader else {
                try header(record)
                sawHeader = true
                return
            }
            let time: Timestamp
            switch CSVCellParser.timestamp(record.fields[0]) {
            case .success(let parsed): time = parsed
            case .failure(let error): throw Failure(position: record.positions[0], message: error.message)
            }
            for index in 1..<record.fields.count {
                let tag = columns[index - 1]
                let cell = record.fields[index]
                if kinds[tag] == nil {
                    guard let kind = CSVCellParser.kind(of: cell) else { continue }
                    try await store.register(tags: [TagMetadata(id: tag, name: tag.rawValue, kind: kind)])
                    kinds[tag] = (kind, "from its first value, line \(record.positions[index].line)")
                    registered.append(tag)
                }
                guard let (kind, origin) = kinds[tag] else { continue }
                switch CSVCellParser.value(cell, kind: kind) {
                case .success(nil):
                    continue
                case .success(let value?):
                    pending.append(TaggedSample(tag: tag, time: time, value: value))
                    tagsWithSamples.insert(tag)
                case .failure(let error):
                    throw Failure(
                        position: record.positions[index],
                        message: "\(error.message); tag '\(tag)' holds \(kind.rawValue) values (\(origin))")
                }
            }
            if pending.count >= batchSize { try await flush() }
        }

        /// Appends the samples read so far.
        mutating func flush() async throws(HistorianError) {
            guard !pending.isEmpty else { return }
            try await store.append(pending)
            samplesImported += pending.count
            pending.removeAll(keepingCapacity: true)
        }

        private mutating func header(_ record: CSVRecord) throws(Failure) {
            guard record.fields.count >= 2 else {
                throw Failure(
                    position: record.positions[0],
                    message: "the header has only a time column; add one column per tag (its tag id as the column name)")
            }
            var seen: [TagID: Int] = [:]
            for index in 1..<record.fields.count {
                let name = prefix + String(CSVCellParser.trimmed(record.fields[index]))
                let tag: TagID
                do {
                    tag = try TagID(name)
                } catch {
                    throw Failure(
                        position: record.positions[index],
                        message: "column \(index + 1): \(error.description); a column name is a tag id (1–200 of A-Z a-z 0-9 . _ - :)")
                }
                if let earlier = seen[tag] {
                    throw Failure(
                        position: record.positions[index], message: "column \(index + 1): tag '\(tag)' is already column \(earlier + 1)")
                }
                seen[tag] = index
                columns.append(tag)
            }
        }
    }
}
