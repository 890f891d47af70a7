import Foundation
import MillraceTestSupport
import Testing

/// `millrace historian import|export|stats|verify` on the real binary, as an operator would run them.
@Suite(.serialized) struct HistorianCLITests {
    /// Times as ISO 8601, epoch seconds, epoch milliseconds and with an offset; an empty cell, a quoted comma,
    /// an escaped quote and CRLF line endings.
    static let fixture = #"""
        time,motor.temp,motor.running,state\#r
        2026-11-26T08:00:00Z,21.5,true,idle\#r
        1795680001,21.75,,"run, fast"\#r
        1795680002500,,false,"say ""hi"""\#r
        2026-11-26T09:00:03+01:00,-3,TRUE,\#r

        """#

    static let wideExport = #"""
        time,motor.temp,motor.running,state
        2026-11-26T08:00:00Z,21.5,true,idle
        2026-11-26T08:00:01Z,21.75,,"run, fast"
        2026-11-26T08:00:02.5Z,,false,"say ""hi"""
        2026-11-26T08:00:03Z,-3.0,true,

        """#

    static let longExport = #"""
        time,tag,value,quality
        2026-11-26T08:00:00Z,motor.temp,21.5,good
        2026-11-26T08:00:00Z,state,idle,good
        2026-11-26T08:00:01Z,motor.temp,21.75,good
        2026-11-26T08:00:01Z,state,"run, fast",good
        2026-11-26T08:00:02.5Z,state,"say ""hi""",good
        2026-11-26T08:00:03Z,motor.temp,-3.0,good

        """#

    let range = ["--from", "2026-11-26T00:00:00Z", "--to", "2026-11-27T00:00:00Z"]

    func historian(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ChildProcess.run(try MillraceBinary.path(), ["historian"] + arguments)
    }

    @Test func importThenExportGivesTheSameTable() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let csv = try directory.write("plant.csv", Self.fixture)
        let imported = try await historian(["import", csv, "--data-dir", data])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 9 samples of 3 tags (3 new) from \(csv) in "), "\(imported.stdout)")

        let wide = try await historian(["export", "--data-dir", data, "--tag", "motor.temp", "--tag", "motor.running", "--tag", "state"] + range)
        #expect(wide.status == 0, "\(wide.stderr)")
        #expect(wide.stdout == Self.wideExport)

        let output = directory.file("long.csv")
        let long = try await historian(["export", "--data-dir", data, "--tag", "motor.temp", "--tag", "state", "--long", "--output", output] + range)
        #expect(long.status == 0, "\(long.stderr)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == Self.longExport)
        #expect(long.stderr.contains("exported 6 rows (6 samples of 2 tags)"))

        // The export imports back into the same samples (same tag and time replace): nothing changes.
        let again = try await historian(["import", try directory.write("export.csv", wide.stdout), "--data-dir", data, "--batch", "2"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("imported 9 samples of 3 tags (0 new)"))
        let twice = try await historian(["export", "--data-dir", data, "--tag", "motor.temp", "--tag", "motor.running", "--tag", "state"] + range)
        #expect(twice.stdout == Self.wideExport)
    }

    @Test func importWithPrefixAndGivenDelimiter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let csv = try directory.write("semicolon.csv", "zeit;temp\n2026-11-26T08:00:00Z;1.5\n2026-11-26T08:00:01Z;2.5\n")
        let imported = try await historian(["import", csv, "--data-dir", data, "--tag-prefix", "line1.", "--delimiter", ";"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try await historian(["export", "--data-dir", data, "--tag", "line1.temp"] + range)
        #expect(export.stdout == "time,line1.temp\n2026-11-26T08:00:00Z,1.5\n2026-11-26T08:00:01Z,2.5\n")
    }

    struct BadInput: Sendable, CustomTestStringConvertible {
        var name: String
        var csv: String
        /// The expected `LINE:COL: message` start after the file name.
        var error: String
        var testDescription: String { name }
    }

    static let badInputs = [
        BadInput(
            name: "ragged-row", csv: "time,a,b\n2026-11-26T08:00:00Z,1,2\n2026-11-26T08:00:01Z,1\n",
            error: "3:23: this row has 2 fields, the header (line 1) has 3"),
        BadInput(
            name: "kind-changes", csv: "time,a\n2026-11-26T08:00:00Z,1\n2026-11-26T08:00:01Z,abc\n",
            error: "3:22: 'abc' is not a number; tag 'a' holds double values (from its first value, line 2)"),
        BadInput(name: "column-not-a-tag-id", csv: "time,motor temp\n2026-11-26T08:00:00Z,1\n", error: "1:6: column 2: 'motor temp' is not a valid tag id"),
        BadInput(name: "duplicate-column", csv: "time,a,a\n", error: "1:8: column 3: tag 'a' is already column 2"),
        BadInput(name: "bad-time", csv: "time,a\nyesterday,1\n", error: "2:1: 'yesterday' is not a time"),
        BadInput(name: "implausible-epoch", csv: "time,a\n-9999999999,1\n", error: "2:1: epoch time -9999999999 is 1653-"),
        BadInput(name: "unterminated-quote", csv: "time,a\n2026-11-26T08:00:00Z,\"open\n", error: "2:22: the quoted field that starts here has no closing quote"),
        BadInput(name: "only-a-time-column", csv: "time\n2026-11-26T08:00:00Z\n", error: "1:1: the header has only a time column"),
        BadInput(name: "empty-file", csv: "", error: "1:1: the file is empty"),
    ]

    @Test(arguments: badInputs)
    func badInputExitsWithStatus2AndFileLineColumn(_ bad: BadInput) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let csv = try directory.write("bad.csv", bad.csv)
        let result = try await historian(["import", csv, "--data-dir", directory.file("data")])
        #expect(result.status == 2)
        let first = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(first.hasPrefix("error: \(csv):\(bad.error)"), "\(result.stderr)")
    }

    @Test func rowsBeforeAnErrorStayStoredAndTheNoteSaysSo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let csv = try directory.write("late-error.csv", "time,a\n2026-11-26T08:00:00Z,1\n2026-11-26T08:00:01Z,2\n2026-11-26T08:00:02Z,x\n")
        let result = try await historian(["import", csv, "--data-dir", data, "--batch", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: \(csv):4:22: 'x' is not a number"))
        #expect(result.stderr.contains("note: 2 samples before this row were stored; importing the fixed file again replaces them"))
        let export = try await historian(["export", "--data-dir", data, "--tag", "a"] + range)
        #expect(export.stdout == "time,a\n2026-11-26T08:00:00Z,1.0\n2026-11-26T08:00:01Z,2.0\n")
    }

    @Test func badArgumentsAndMissingThings() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missingFile = try await historian(["import", directory.file("nope.csv"), "--data-dir", directory.file("data")])
        #expect(missingFile.status == 2)
        #expect(missingFile.stderr.hasPrefix("error: \(directory.file("nope.csv")): no such file"))
        let noStore = try await historian(["stats", "--data-dir", directory.file("empty")])
        #expect(noStore.status == 2)
        #expect(noStore.stderr.contains("no historian here"))
        let badDelimiter = try await historian(["import", "x.csv", "--delimiter", "ab"])
        #expect(badDelimiter.status != 0)
        #expect(badDelimiter.stderr.contains("--delimiter must be one ASCII character"))

        let data = directory.file("data")
        _ = try await historian(["import", try directory.write("plant.csv", Self.fixture), "--data-dir", data])
        let unknownTag = try await historian(["export", "--data-dir", data, "--tag", "no.such.tag"] + range)
        #expect(unknownTag.status == 2)
        #expect(unknownTag.stderr.contains("tag 'no.such.tag' is not in the historian"))
        let badTime = try await historian(["export", "--data-dir", data, "--tag", "state", "--from", "yesterday"])
        #expect(badTime.status == 2)
        #expect(badTime.stderr.contains("'yesterday' is not an ISO 8601 time"))
    }

    @Test func statsShowsTagsChunksAndFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        _ = try await historian(["import", try directory.write("plant.csv", Self.fixture), "--data-dir", data])
        let stats = try await historian(["stats", "--data-dir", data])
        #expect(stats.status == 0, "\(stats.stderr)")
        let lines = stats.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("tag") == true)
        let temp = try #require(lines.first { $0.hasPrefix("motor.temp ") })
        #expect(temp.split(separator: " ").prefix(4) == ["motor.temp", "double", "3", "1"])
        // first, last, then the rollup rows per resolution (the three samples share one minute, hour and day).
        let pad = String(repeating: " ", count: 9)
        #expect(temp.hasSuffix("2026-11-26T08:00:00Z" + pad + "2026-11-26T08:00:03Z" + pad + "1/1/1"))
        #expect(lines.first?.hasSuffix("rollups 1m/1h/1d") == true)
        let total = try #require(lines.first { $0.hasPrefix("total (3 tags)") })
        #expect(total.split(separator: " ").dropFirst(3).first == "9")
        #expect(stats.stdout.contains("database: \(data)/historian.sqlite "))
        #expect(stats.stdout.contains("write-ahead log: \(data)/historian.wal "))
        #expect(stats.stdout.contains("quarantined chunks: 0"))
    }

    @Test func statsShowsRetentionPerClassFromTheConfiguration() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        _ = try await historian(["import", try directory.write("plant.csv", Self.fixture), "--data-dir", data])
        let config = try directory.write(
            "millrace.yaml",
            TestPlants.simulatedMotor(
                tags: [("motor.temp", "winding_temperature")],
                sections: """
                    historian:
                      retentionClasses:
                        - id: default
                          raw: 90d
                          rollup1m: 2y
                        - id: critical
                          raw: 5y
                      tags:
                        - tag: motor.temp
                          retentionClass: critical
                    """))
        let stats = try await historian(["stats", "--data-dir", data, "--config", config])
        #expect(stats.status == 0, "\(stats.stderr)")
        #expect(stats.stdout.contains("retention (from \(config); default class 'default'):"))
        #expect(stats.stdout.contains("  default: raw 90d, rollup1m 2y, rollup1h forever, rollup1d forever; 2 tags in the store"))
        #expect(stats.stdout.contains("  critical: raw 5y, rollup1m forever, rollup1h forever, rollup1d forever; 1 tags in the store"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"), "needs the sqlite3 command line tool"))
    func verifyFindsACorruptChunkAndQuarantinesIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        _ = try await historian(["import", try directory.write("plant.csv", Self.fixture), "--data-dir", data])
        let good = try await historian(["verify", "--data-dir", data])
        #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
        #expect(good.stdout == "verified 3 chunks of 3 tags (9 samples): all good\n")

        // Flip the chunk's last byte (part of its CRC-32C) in the database.
        let database = data + "/historian.sqlite"
        let which = "tag = (SELECT id FROM tag WHERE name = 'motor.temp')"
        let hex = try await ChildProcess.run("/usr/bin/sqlite3", [database, "SELECT hex(data) FROM chunk WHERE \(which)"])
        var bytes = Array(hex.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        try #require(bytes.count > 8)
        bytes[bytes.count - 1] = bytes[bytes.count - 1] == "0" ? "1" : "0"
        let update = try await ChildProcess.run("/usr/bin/sqlite3", [database, "UPDATE chunk SET data = x'\(String(bytes))' WHERE \(which)"])
        #expect(update.status == 0, "\(update.stderr)")

        let bad = try await historian(["verify", "--data-dir", data])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("bad chunk: tag motor.temp, 2026-11-26T08:00:00Z to 2026-11-26T08:00:03Z, 3 samples (head): "))
        #expect(bad.stdout.contains("checksum"))
        #expect(bad.stdout.contains("1 of 3 chunks are bad"))

        let moved = try await historian(["verify", "--data-dir", data, "--quarantine"])
        #expect(moved.status == 1)
        #expect(moved.stdout.contains("moved 1 chunks to the quarantine table"))
        let after = try await historian(["verify", "--data-dir", data])
        #expect(after.status == 0)
        #expect(after.stdout == "verified 2 chunks of 2 tags (6 samples): all good\n")
        let quarantined = try await ChildProcess.run("/usr/bin/sqlite3", [database, "SELECT COUNT(*) FROM quarantine"])
        #expect(quarantined.stdout == "1\n")
    }
}
