import ArgumentParser
import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension HistorianCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Decode every chunk (checksum and all samples); exit status 1 if any is bad.",
            discussion: """
                A chunk is bad if its CRC-32C or any section fails to decode, or if it disagrees with its row in \
                the chunk table (sample count, first or last time). With --quarantine, bad chunks are moved to \
                the quarantine table (kept for inspection, no longer read); the exit status is still 1. Stop \
                Millrace on this data directory first.
                """)

        @OptionGroup var options: HistorianCommand.Options

        @Flag(help: "Move bad chunks to the quarantine table.")
        var quarantine = false

        struct BadChunk {
            var tagID: Int64
            var tag: String
            var start: Int64
            var end: Int64
            var count: Int64
            var sealed: Bool
            var reason: String
        }

        func run() throws {
            let database = try HistorianCommand.openDatabase(options.dataDir, readOnly: !quarantine)
            var bad: [BadChunk] = []
            var chunks = 0
            var samples = 0
            var tags = Set<Int64>()
            do {
                try database.read { db in
                    var names: [Int64: String] = [:]
                    for row in try GRDB.Row.fetchAll(db, sql: "SELECT id, name FROM tag") { names[row["id"]] = row["name"] }
                    let cursor = try GRDB.Row.fetchCursor(db, sql: "SELECT tag, start, end, count, sealed, data FROM chunk ORDER BY tag, start")
                    while let row = try cursor.next() {
                        let tagID: Int64 = row["tag"]
                        let data: Data = row["data"]
                        let start: Int64 = row["start"], end: Int64 = row["end"], count: Int64 = row["count"]
                        chunks += 1
                        tags.insert(tagID)
                        if let reason = Self.check(Array(data), start: start, end: end, count: count) {
                            bad.append(
                                BadChunk(
                                    tagID: tagID, tag: names[tagID] ?? "#\(tagID)", start: start, end: end, count: count,
                                    sealed: (row["sealed"] as Int64) != 0, reason: reason))
                        } else {
                            samples += Int(count)
                        }
                    }
                }
            } catch {
                printError("error: \(options.dataDir)/\(HistorianCommand.databaseName): cannot read the chunk table: \(error)")
                throw ExitCode(2)
            }
            for chunk in bad {
                print(
                    "bad chunk: tag \(chunk.tag), \(Timestamp(microseconds: chunk.start).iso8601) to \(Timestamp(microseconds: chunk.end).iso8601), "
                        + "\(chunk.count) samples\(chunk.sealed ? "" : " (head)"): \(chunk.reason)")
            }
            guard !bad.isEmpty else {
                print("verified \(chunks) chunks of \(tags.count) tags (\(samples) samples): all good")
                return
            }
            print("\(bad.count) of \(chunks) chunks are bad")
            if quarantine {
                do {
                    try database.write { db in
                        for chunk in bad {
                            try db.execute(
                                sql: "INSERT INTO quarantine (tag, start, reason, data) SELECT tag, start, ?, data FROM chunk WHERE tag = ? AND start = ?",
                                arguments: [chunk.reason, chunk.tagID, chunk.start])
                            try db.execute(sql: "DELETE FROM chunk WHERE tag = ? AND start = ?", arguments: [chunk.tagID, chunk.start])
                        }
                    }
                } catch {
                    printError("error: cannot move the bad chunks to the quarantine table: \(error)")
                    throw ExitCode(1)
                }
                print("moved \(bad.count) chunks to the quarantine table")
            } else {
                print("run again with --quarantine to move them to the quarantine table")
            }
            throw ExitCode(1)
        }

        /// Why the chunk is bad, or nil if it decodes in full and matches its row.
        static func check(_ bytes: [UInt8], start: Int64, end: Int64, count: Int64) -> String? {
            let chunk: Chunk
            do {
                chunk = try Chunk(bytes)
            } catch {
                return error.description
            }
            var decoder = chunk.makeDecoder()
            var decoded = 0
            var first: Timestamp?, last: Timestamp?
            do {
                while let sample = try decoder.decodeNext() {
                    decoded += 1
                    if first == nil { first = sample.time }
                    last = sample.time
                }
            } catch {
                return "sample \(decoded + 1) does not decode: \(error.description)"
            }
            guard decoded == count, first?.microseconds == start, last?.microseconds == end else {
                return "the chunk table says \(count) samples from \(Timestamp(microseconds: start).iso8601) to \(Timestamp(microseconds: end).iso8601), "
                    + "the chunk holds \(decoded) from \(first?.iso8601 ?? "-") to \(last?.iso8601 ?? "-")"
            }
            return nil
        }
    }
}
