import Foundation
import MillraceCore
import MillraceTestSupport
import Testing

/// `millrace analyze anomalies` on CSV exports: a drift injected into one sensor is flagged after its onset, with
/// that sensor named, and nothing is flagged before; every kind of unusable input ends in exit 2 and FILE:LINE.
@Suite struct AnalyzeAnomaliesCommandTests {
    /// Rows every 10 s of a pump-like asset: flow (the mode) cycling, pressure and current following it, a bearing
    /// temperature with its own noise. From `faultRow` on, the temperature drifts up 0.05 K per row.
    static func table(rows: Int, start: Int64, seed: UInt64, faultRow: Int? = nil, delimiter: String = ",") -> String {
        var random = SplitMix64(seed: seed)
        func gaussian() -> Double {
            let u = max(random.nextUnitInterval(), 1e-12), v = random.nextUnitInterval()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
        var text = ["time", "flow", "pressure", "current", "temperature"].joined(separator: delimiter) + "\n"
        for row in 0..<rows {
            let flow = 80 + 15 * sin(2 * Double.pi * Double(row) / 500) + gaussian()
            let pressure = 2 + 0.02 * flow + 0.02 * gaussian()
            let current = 10 + 0.1 * flow + 0.1 * gaussian()
            var temperature = 40 + 0.05 * flow + 0.2 * gaussian()
            if let faultRow, row >= faultRow { temperature += 0.05 * Double(row - faultRow) }
            let time = Timestamp(seconds: start + 10 * Int64(row)).iso8601
            text += ([time] + [flow, pressure, current, temperature].map { String(format: "%.4f", $0) }).joined(separator: delimiter) + "\n"
        }
        return text
    }

    @Test func anInjectedDriftIsFlaggedAfterOnsetAndNeverBefore() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let start: Int64 = 1_767_225_600
        let train = try directory.write("train.csv", Self.table(rows: 2000, start: start, seed: 1))
        let input = try directory.write("input.csv", Self.table(rows: 1000, start: start + 20_000, seed: 2, faultRow: 600))
        let output = directory.file("scored.csv")
        let result = try await ChildProcess.run(
            binary, ["analyze", "anomalies", "--train", train, "--input", input, "--output", output, "--mode-column", "flow"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("scored 1000 rows"))
        let lines = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.first == "time,anomaly,score,change_point,top_tags,note")
        #expect(lines.count == 1001)
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let flagged = rows.indices.filter { rows[$0][1] == "1" }
        #expect(!flagged.isEmpty)
        #expect(flagged.allSatisfy { $0 >= 600 }, "flagged in the healthy part: \(flagged.prefix(5))")
        #expect(rows[..<600].allSatisfy { $0[3] != "1" }, "a change point in the healthy part")
        let first = try #require(flagged.first)
        #expect(first < 800, "first flagged row \(first)")
        #expect(rows[first][4].drop { $0 == "\"" }.hasPrefix("temperature"), "\(rows[first])")
        #expect(result.stderr.contains("anomaly: At "))
    }

    @Test func semicolonFilesEpochTimesAndMissingValuesAreRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let train = try directory.write(
            "train.csv", "t;a;b\n" + (0..<200).map { "\(1_767_225_600 + $0);\(Double($0 % 7));\(Double($0 % 5) * 2)" }.joined(separator: "\n"))
        let input = try directory.write("input.csv", "t;b;a\n1767300000;4;3\n1767300001;NaN;3\n1767300002;;2\n1767300003;2;1\n")
        let result = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", train, "--input", input, "--time-column", "t"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[2].hasPrefix("1767300001,,,,,skipped: no value for b"))
        #expect(lines[3].hasSuffix("skipped: no value for b"))
        #expect(result.stderr.contains("2 skipped for missing values"))
    }

    @Test func timesWithoutAnOffsetAreReadAsUTC() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let lines = (0..<100).map { "2020-03-09 10:\(String(format: "%02d:%02d", $0 / 60, $0 % 60));\(Double($0 % 7));\(Double($0 % 5))" }
        let train = try directory.write("train.csv", "datetime;a;b\n" + lines.joined(separator: "\n"))
        let result = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", train, "--input", train])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("trained on 100 rows"), "\(result.stderr)")
        #expect(result.stderr.contains("2020-03-09T10:00:00Z"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("empty.csv", "", "empty.csv: the file is empty"),
        ("header.csv", "time,a,b\n", "header.csv: the file has no data rows"),
        ("quote.csv", "time,a,b\n2026-01-01T00:00:00Z,\"1,2\n", "quote.csv:2:"),
        ("ragged.csv", "time,a,b\n2026-01-01T00:00:00Z,1,2\n2026-01-01T00:00:10Z,1\n", "ragged.csv:3:"),
        ("missing.csv", "time,a\n2026-01-01T00:00:00Z,1\n", "missing.csv:1: column 'b' of the training file is missing"),
        ("extra.csv", "time,a,b,c\n2026-01-01T00:00:00Z,1,2,3\n", "extra.csv:1: column 'c' is not in the training file"),
        ("backwards.csv", "time,a,b\n2026-01-01T00:00:10Z,1,2\n2026-01-01T00:00:00Z,1,2\n", "backwards.csv:3: time 2026-01-01T00:00:00Z does not follow"),
        ("text.csv", "time,a,b\n2026-01-01T00:00:00Z,1,banana\n", "text.csv:2: column 'b': 'banana' is not a number"),
        ("badtime.csv", "time,a,b\nyesterday,1,2\n", "badtime.csv:2: 'yesterday' is not a time"),
        ("infinite.csv", "time,a,b\n2026-01-01T00:00:00Z,inf,2\n", "infinite.csv:2: column 'a': inf is not a finite measurement"),
    ])
    func unusableInputEndsWithFileLineAndExitTwo(name: String, contents: String, message: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let train = try directory.write(
            "train.csv", "time,a,b\n" + (0..<100).map { "\(1_767_225_600 + 10 * $0),\(Double($0 % 7)),\(Double($0 % 5))" }.joined(separator: "\n"))
        let input = try directory.write(name, contents)
        let result = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", train, "--input", input])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        // The same file as training data fails the same way (before any scoring).
        if name != "missing.csv" && name != "extra.csv" {
            let asTraining = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", input, "--input", train])
            #expect(asTraining.status == 2)
            #expect(asTraining.stderr.contains(message), "\(asTraining.stderr)")
        }
    }

    @Test func tooLittleTrainingDataAndAWrongModeColumnAreRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let tiny = try directory.write("tiny.csv", "time,a,b\n2026-01-01T00:00:00Z,1,2\n")
        let result = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", tiny, "--input", tiny])
        #expect(result.status == 2)
        #expect(result.stderr.contains("tiny.csv: cannot train on 1 usable rows"), "\(result.stderr)")
        let mode = try await ChildProcess.run(binary, ["analyze", "anomalies", "--train", tiny, "--input", tiny, "--mode-column", "speed"])
        #expect(mode.status == 2)
        #expect(mode.stderr.contains("the mode column 'speed' is not among the sensor columns a, b"), "\(mode.stderr)")
    }
}
