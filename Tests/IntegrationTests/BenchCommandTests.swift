import Foundation
import MillraceTestSupport
import Testing

/// The Millrace side of `Benchmarks/historian/run` on the real binary with tiny data sets: the data sets are
/// deterministic and shaped as documented, what is loaded reads back, the query and codec reports are
/// well-formed, and bad input is refused with its line. Speed is never asserted here.
@Suite(.serialized) struct BenchCommandTests {
    static let end: Int64 = 1_767_225_600_000_000  // 2026-01-01T00:00:00Z

    func millrace(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
        try await ChildProcess.run(try MillraceBinary.path(), arguments)
    }

    @Test func tsbsDataSetIsDeterministicAndShapedLikeTSBS() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var texts: [String] = []
        for name in ["a.lp", "b.lp"] {
            let file = directory.file(name)
            let result = try await millrace(["bench", "dataset", "--kind", "tsbs", "--hosts", "3", "--duration", "1m", "--output", file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("180 samples in 18 lines"), "\(result.stdout)")
            texts.append(try String(contentsOfFile: file, encoding: .utf8))
        }
        #expect(texts[0] == texts[1])
        let lines = texts[0].split(separator: "\n")
        #expect(lines.count == 18)
        let parts = lines[0].split(separator: " ")
        #expect(parts.count == 3)
        #expect(parts[0].hasPrefix("cpu,hostname=host_0,region="))
        #expect(parts[0].contains(",datacenter="))
        let fields = parts[1].split(separator: ",").map { $0.split(separator: "=") }
        #expect(
            fields.map { String($0[0]) } == [
                "usage_user", "usage_system", "usage_idle", "usage_nice", "usage_iowait", "usage_irq", "usage_softirq",
                "usage_steal", "usage_guest", "usage_guest_nice",
            ])
        for field in fields {
            let value = try #require(Double(String(field[1])))
            #expect(value >= 0 && value <= 100)
        }
        #expect(parts[2] == "\(Self.end)")
        #expect(lines[3].split(separator: " ")[2] == "\(Self.end + 10_000_000)")
    }

    @Test func loadedSamplesReadBackAndEveryTagHasALastValue() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("tsbs.lp")
        #expect(try await millrace(["bench", "dataset", "--kind", "tsbs", "--hosts", "2", "--duration", "1m", "--output", file]).status == 0)
        let store = directory.file("millrace")
        let load = try await millrace([
            "bench", "load", "--engine", "millrace", "--input", file, "--directory", store, "--batch", "7", "--workers", "2",
        ])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains(#""samples": 120, "tags": 20"#), "\(load.stdout)")

        // Values read back exactly as written (shortest round-trip text on both sides).
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("cpu,hostname=host_1,") }
        let written = lines.map { line in
            Double(String(line.split(separator: " ")[1].split(separator: ",")[1].split(separator: "=")[1]))!
        }
        let export = try await millrace([
            "historian", "export", "--data-dir", store, "--tag", "cpu.host_1.usage_system", "--from", "2026-01-01T00:00:00Z",
            "--to", "2026-01-02T00:00:00Z",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let read = export.stdout.split(separator: "\n").dropFirst().map { Double(String($0.split(separator: ",")[1]))! }
        #expect(read == written)
        #expect(read.count == 6)

        let query = try await millrace(["bench", "query", "--directory", store, "--latest", "--repetitions", "2"])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains(#""query": "a", "runs": 2"#), "\(query.stdout)")
        #expect(query.stdout.contains(#""result_rows": 20}"#), "\(query.stdout)")

        let sqlite = try await millrace(["bench", "load", "--engine", "sqlite", "--input", file, "--directory", directory.file("sqlite")])
        #expect(sqlite.status == 0, "\(sqlite.stderr)")
        #expect(sqlite.stdout.contains(#""engine": "sqlite", "samples": 120"#), "\(sqlite.stdout)")
    }

    @Test func yearSetAnswersHourlyMeansAndAPlot() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("year.lp")
        let dataset = try await millrace(["bench", "dataset", "--kind", "year", "--duration", "2h", "--output", file])
        #expect(dataset.status == 0, "\(dataset.stderr)")
        #expect(dataset.stdout.contains("7200 samples in 7200 lines"), "\(dataset.stdout)")
        let store = directory.file("millrace")
        let load = try await millrace(["bench", "load", "--engine", "millrace", "--input", file, "--directory", store, "--sync", "full"])
        #expect(load.status == 0, "\(load.stderr)")
        #expect(load.stdout.contains(#""engine": "millrace-full""#), "\(load.stdout)")
        let query = try await millrace([
            "bench", "query", "--directory", store, "--tag", "year.value", "--from-micros", "\(Self.end - 7_200_000_000)",
            "--to-micros", "\(Self.end)", "--aggregate", "--plot", "100", "--repetitions", "1",
        ])
        #expect(query.status == 0, "\(query.stderr)")
        #expect(query.stdout.contains(#""query": "b", "runs": 1"#), "\(query.stdout)")
        #expect(query.stdout.contains(#""result_rows": 2}"#), "\(query.stdout)")
        #expect(query.stdout.contains(#""query": "c""#), "\(query.stdout)")
    }

    @Test func industrialSetIsThePlantAndLoads() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("plant.lp")
        let dataset = try await millrace(["bench", "dataset", "--kind", "industrial", "--duration", "1m", "--output", file])
        #expect(dataset.status == 0, "\(dataset.stderr)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("running=true") || text.contains("running=false"))
        #expect(text.contains("i ") || text.contains("i,"), "integer fields are written with the i suffix")
        let load = try await millrace(["bench", "load", "--engine", "millrace", "--input", file, "--directory", directory.file("m")])
        #expect(load.status == 0, "\(load.stderr)")
        let again = try await millrace(["bench", "dataset", "--kind", "industrial", "--duration", "1m", "--output", directory.file("again.lp")])
        #expect(again.stdout.split(separator: " ")[2] == dataset.stdout.split(separator: " ")[2])
        #expect(try String(contentsOfFile: directory.file("again.lp"), encoding: .utf8) == text)
    }

    @Test func malformedLineIsRefusedWithItsLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.lp", "cpu,hostname=h usage=1.5 1767225600000000\ncpu,hostname=h usage=abc 1767225601000000\n")
        let load = try await millrace(["bench", "load", "--engine", "millrace", "--input", file, "--directory", directory.file("m")])
        #expect(load.status != 0)
        #expect(load.stderr.contains("bad.lp:2: 'abc' is not a number or boolean"), "\(load.stderr)")
        let missing = try await millrace(["bench", "load", "--engine", "millrace", "--input", directory.file("none.lp"), "--directory", directory.file("n")])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("cannot open"), "\(missing.stderr)")
    }

    /// Gorilla on 1, 1, 2: 64 bits, then a zero XOR (1 bit), then `11`, 5 + 6 bits of window and the 11
    /// meaningful bits of 0x7FF0… (1 leading zero, 52 trailing): 89 bits, 29.67 per value.
    @Test func codecReportsGorillaNextToOursOnTextAndBinaryFiles() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = try directory.write("values.csv", "time,value\n0,1\n1,1.0\n2,2\n")
        let binary = directory.file("values.bin")
        var bytes: [UInt8] = []
        for value in [1.0, 1.0, 2.0] { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        try Data(bytes).write(to: URL(fileURLWithPath: binary))
        let fromText = try await millrace(["bench", "codec", text])
        #expect(fromText.status == 0, "\(fromText.stderr)")
        let row = try #require(fromText.stdout.split(separator: "\n").first { $0.hasPrefix("values.csv") })
        #expect(row.split(separator: " ").dropFirst().first == "3")
        #expect(row.contains(" 29.67 "), "\(row)")
        let fromBinary = try await millrace(["bench", "codec", "--binary", binary])
        #expect(fromBinary.status == 0, "\(fromBinary.stderr)")
        #expect(fromBinary.stdout.contains(" 29.67 "), "\(fromBinary.stdout)")
        let empty = try await millrace(["bench", "codec", try directory.write("empty.csv", "a,b\n")])
        #expect(empty.status != 0)
        #expect(empty.stderr.contains("no numbers found"))
    }
}
