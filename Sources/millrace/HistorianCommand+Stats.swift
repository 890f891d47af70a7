import ArgumentParser
import Foundation
import GRDB
import HistorianCore
import MillraceConfiguration
import MillraceCore

extension HistorianCommand {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Show samples, chunks, bytes and rollup rows per tag, retention per class, and file sizes.",
            discussion: """
                Reads historian.sqlite as it is on disk. Samples that are only in the write-ahead log (while \
                Millrace runs, or after it was killed) are counted after the next start or clean stop. With \
                --config, also shows the retention classes of historian: and how many tags each holds.
                """)

        @OptionGroup var options: HistorianCommand.Options
        @Option(name: .long, help: "The configuration file, to show the retention classes.") var config: String?

        struct Row {
            var tag: String
            var kind: String
            var samples: Int64
            var chunks: Int64
            var bytes: Int64
            var first: Int64?
            var last: Int64?
        }

        func run() throws {
            let database = try HistorianCommand.openDatabase(options.dataDir, readOnly: true)
            let (rows, quarantined): ([Row], Int)
            var rollups: [String: [Int: Int64]] = [:]
            do {
                (rows, quarantined) = try database.read { db in
                    let rows = try GRDB.Row.fetchAll(
                        db,
                        sql: """
                            SELECT t.name, t.kind, COUNT(c.tag) AS chunks, COALESCE(SUM(c.count), 0) AS samples,
                                   COALESCE(SUM(LENGTH(c.data)), 0) AS bytes, MIN(c.start) AS first, MAX(c.end) AS last
                            FROM tag t LEFT JOIN chunk c ON c.tag = t.id
                            GROUP BY t.id ORDER BY t.name
                            """
                    ).map { row in
                        Row(
                            tag: row["name"], kind: row["kind"], samples: row["samples"], chunks: row["chunks"], bytes: row["bytes"],
                            first: row["first"], last: row["last"])
                    }
                    return (rows, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine") ?? 0)
                }
                rollups = try database.read { db in
                    guard try db.tableExists("rollup") else { return [:] }
                    var result: [String: [Int: Int64]] = [:]
                    for row in try GRDB.Row.fetchAll(
                        db, sql: "SELECT t.name, r.resolution, COUNT(*) AS n FROM rollup r JOIN tag t ON t.id = r.tag GROUP BY r.tag, r.resolution")
                    {
                        result[row["name"], default: [:]][row["resolution"]] = row["n"]
                    }
                    return result
                }
            } catch {
                printError("error: \(options.dataDir)/\(HistorianCommand.databaseName): cannot read the chunk tables: \(error)")
                throw ExitCode(2)
            }
            let width = max(24, (rows.map(\.tag.count).max() ?? 0) + 2)
            func line(
                _ tag: String, _ kind: String, _ samples: String, _ chunks: String, _ bytes: String, _ perSample: String, _ first: String,
                _ last: String, _ rollup: String
            ) {
                print(
                    HistorianCommand.left(tag, width) + HistorianCommand.left(kind, 8) + HistorianCommand.right(samples, 12)
                        + HistorianCommand.right(chunks, 8) + HistorianCommand.right(bytes, 13) + HistorianCommand.right(perSample, 14) + "  "
                        + HistorianCommand.left(first, 29) + HistorianCommand.left(last, 29) + rollup)
            }
            func rollupText(_ counts: [Int: Int64]) -> String {
                RollupResolution.allCases.map { "\(counts[$0.rawValue, default: 0])" }.joined(separator: "/")
            }
            func time(_ micros: Int64?) -> String { micros.map { Timestamp(microseconds: $0).iso8601 } ?? "-" }
            func perSample(_ bytes: Int64, _ samples: Int64) -> String {
                samples > 0 ? String(format: "%.2f", Double(bytes) / Double(samples)) : "-"
            }
            line("tag", "kind", "samples", "chunks", "chunk bytes", "bytes/sample", "first", "last", "rollups 1m/1h/1d")
            for row in rows {
                line(
                    row.tag, row.kind, "\(row.samples)", "\(row.chunks)", "\(row.bytes)", perSample(row.bytes, row.samples), time(row.first),
                    time(row.last), rollupText(rollups[row.tag] ?? [:]))
            }
            let samples = rows.reduce(0) { $0 + $1.samples }
            let bytes = rows.reduce(0) { $0 + $1.bytes }
            line(
                "total (\(rows.count) tags)", "", "\(samples)", "\(rows.reduce(0) { $0 + $1.chunks })", "\(bytes)", perSample(bytes, samples),
                time(rows.compactMap(\.first).min()), time(rows.compactMap(\.last).max()),
                rollupText(rollups.values.reduce(into: [:]) { total, counts in total.merge(counts, uniquingKeysWith: +) }))
            let directory = options.dataDir
            let databaseBytes = HistorianCommand.fileSize(directory + "/" + HistorianCommand.databaseName)
            let sqliteWAL = HistorianCommand.fileSize(directory + "/" + HistorianCommand.databaseName + "-wal")
            let walBytes = HistorianCommand.fileSize(directory + "/" + HistorianCommand.walName)
            print("database: \(directory)/\(HistorianCommand.databaseName) \(databaseBytes) bytes (+ \(sqliteWAL) bytes in \(HistorianCommand.databaseName)-wal)")
            print("write-ahead log: \(directory)/\(HistorianCommand.walName) \(walBytes) bytes")
            print("quarantined chunks: \(quarantined)")
            if let config {
                let configuration: MillraceConfiguration
                do {
                    configuration = try ConfigurationLoader.load(path: config)
                } catch {
                    printError("error: \(error)")
                    throw ExitCode(2)
                }
                let historian = configuration.historian
                var members: [String: Int] = [:]
                for row in rows { members[historian.retentionClass(of: TagID(unchecked: row.tag)).id, default: 0] += 1 }
                var classes = historian.retentionClasses
                for name in members.keys where !classes.contains(where: { $0.id == name }) {
                    classes.append(RetentionClassConfiguration(id: name))
                }
                print("retention (from \(config); default class '\(historian.defaultRetentionClass)'):")
                for retention in classes {
                    print(
                        "  \(retention.id): raw \(retention.raw), rollup1m \(retention.rollup1m), rollup1h \(retention.rollup1h), "
                            + "rollup1d \(retention.rollup1d); \(members[retention.id, default: 0]) tags in the store")
                }
            }
            if walBytes > WALFormat.headerSize {
                print("note: the write-ahead log holds samples not counted above; they are after Millrace's next start or clean stop")
            }
        }
    }
}
