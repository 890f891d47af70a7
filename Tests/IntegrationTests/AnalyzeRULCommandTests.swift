import Foundation
import MillraceCore
import MillraceTestSupport
import Testing

/// `millrace analyze rul` on run-to-failure histories: synthetic exponential degradation, where the true remaining
/// life is known, as one file with a unit column, as a directory of files and in the C-MAPSS text layout.
@Suite struct AnalyzeRULCommandTests {
    /// A unit degrading as h = 0.1·e^{rate·t}·(1 + 2 % noise) from cycle 1 until h reaches 1 (its failure), or until
    /// `fraction` of that life.
    struct Unit {
        var id: String
        var rate: Double
        var life: Int { Int((log(10) / rate).rounded(.down)) }

        func rows(fraction: Double = 1, seed: UInt64) -> [(cycle: Int, health: Double)] {
            var random = SplitMix64(seed: seed)
            let last = max(2, Int(Double(life) * fraction))
            return (1...last).map { cycle in
                (cycle, 0.1 * exp(rate * Double(cycle)) * (1 + 0.02 * (2 * random.nextUnitInterval() - 1)))
            }
        }
    }

    static let library = (0..<30).map { Unit(id: "train-\($0)", rate: 0.02 + 0.02 * Double($0) / 29) }
    static let running = [0.023, 0.027, 0.031, 0.035, 0.038].enumerated().map { Unit(id: "engine-\($0.offset + 1)", rate: $0.element) }

    static func csv(_ units: [Unit], fraction: Double, seedBase: UInt64) -> String {
        var text = "unit,cycle,health\n"
        for (index, unit) in units.enumerated() {
            for row in unit.rows(fraction: fraction, seed: seedBase + UInt64(index)) {
                text += "\(unit.id),\(row.cycle),\(String(format: "%.5f", row.health))\n"
            }
        }
        return text
    }

    /// Parses the CSV output: unit → (seen, median, low, high, method) of the similarity rows.
    static func estimates(_ text: String, method: String = "similarity") -> [String: (seen: Double, median: Double, low: Double, high: Double)] {
        var result: [String: (Double, Double, Double, Double)] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", maxSplits: 6, omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, fields[6].contains(method),
                let seen = Double(fields[2]), let median = Double(fields[3]), let low = Double(fields[4]), let high = Double(fields[5])
            else { continue }
            result[fields[0]] = (seen, median, low, high)
        }
        return result
    }

    func checkTruthInside(_ output: String, method: String = "similarity", fraction: Double) {
        let estimates = Self.estimates(output, method: method)
        #expect(estimates.count == Self.running.count, "\(output)")
        var inside = 0
        for unit in Self.running {
            guard let estimate = estimates[unit.id] else { continue }
            let truth = Double(unit.life) - Double(max(2, Int(Double(unit.life) * fraction)))
            #expect(estimate.low <= estimate.median && estimate.median <= estimate.high)
            if estimate.low <= truth && truth <= estimate.high { inside += 1 }
        }
        #expect(inside >= 4, "truth inside the interval for \(inside) of \(Self.running.count) units:\n\(output)")
    }

    @Test func remainingLifeIntervalsContainTheTruthFromAUnitColumnFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let train = try directory.write("train.csv", Self.csv(Self.library, fraction: 1, seedBase: 100))
        let input = try directory.write("input.csv", Self.csv(Self.running, fraction: 0.7, seedBase: 900))
        let result = try await ChildProcess.run(binary, ["analyze", "rul", "--train", train, "--input", input, "--threshold", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("unit,observations,time_seen,rul_median,rul_low,rul_high,method\n"))
        #expect(result.stderr.contains("library: 30 run-to-failure histories"))
        checkTruthInside(result.stdout, fraction: 0.7)
        // The trend to the threshold gives a row per unit too.
        #expect(Self.estimates(result.stdout, method: "trend to threshold 1").count == Self.running.count, "\(result.stdout)")
    }

    @Test func aDirectoryOfHistoriesAndTheCMAPSSLayoutAreRead() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let histories = directory.file("histories")
        try FileManager.default.createDirectory(atPath: histories, withIntermediateDirectories: true)
        for (index, unit) in Self.library.enumerated() {
            let text = "cycle\thealth\n" + unit.rows(seed: 100 + UInt64(index)).map { "\($0.cycle)\t\($0.health)" }.joined(separator: "\n")
            try text.write(toFile: histories + "/\(unit.id).tsv", atomically: true, encoding: .utf8)
        }
        let input = try directory.write("input.csv", Self.csv(Self.running, fraction: 0.5, seedBase: 900))
        let fromDirectory = try await ChildProcess.run(binary, ["analyze", "rul", "--train", histories, "--input", input])
        #expect(fromDirectory.status == 0, "\(fromDirectory.stderr)")
        checkTruthInside(fromDirectory.stdout, fraction: 0.5)

        // C-MAPSS: whitespace, no header, unit cycle 3 settings 21 sensors; the indicator in s11.
        func cmapss(_ units: [Unit], fraction: Double, seedBase: UInt64) -> String {
            var text = ""
            for (index, unit) in units.enumerated() {
                for row in unit.rows(fraction: fraction, seed: seedBase + UInt64(index)) {
                    let sensors = (1...21).map { $0 == 11 ? String(format: "%.5f", row.health) : "1.0" }
                    text += "\(index + 1) \(row.cycle) 0.0 0.0 100.0 " + sensors.joined(separator: " ") + " \n"
                }
            }
            return text
        }
        let train = try directory.write("train_FD.txt", cmapss(Self.library, fraction: 1, seedBase: 100))
        let test = try directory.write("test_FD.txt", cmapss(Self.running, fraction: 0.7, seedBase: 900))
        let output = directory.file("rul.csv")
        let result = try await ChildProcess.run(
            binary, ["analyze", "rul", "--train", train, "--input", test, "--preset", "cmapss", "--health-column", "s11", "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
            .replacingOccurrences(of: "\n1,", with: "\nengine-1,").replacingOccurrences(of: "\n2,", with: "\nengine-2,")
            .replacingOccurrences(of: "\n3,", with: "\nengine-3,").replacingOccurrences(of: "\n4,", with: "\nengine-4,")
            .replacingOccurrences(of: "\n5,", with: "\nengine-5,")
        checkTruthInside(text, fraction: 0.7)
    }

    @Test(arguments: [
        ("nounit.csv", "cycle,health\n1,0.1\n2,0.2\n", [] as [String], "nounit.csv:1: no unit column 'unit'"),
        ("backwards.csv", "unit,cycle,health\na,1,0.1\na,3,0.2\nb,1,0.1\na,2,0.3\n", [], "backwards.csv:5: unit a: time 2 does not follow"),
        ("nan.csv", "unit,cycle,health\na,1,0.1\na,2,NaN\n", [], "nan.csv:3: the health indicator 'health' is missing"),
        ("choose.csv", "unit,cycle,h1,h2\na,1,0.1,0.2\na,2,0.2,0.3\n", [], "choose.csv:1: choose the health indicator with --health-column among h1, h2"),
        ("nocolumn.csv", "unit,cycle,health\na,1,0.1\na,2,0.2\n", ["--health-column", "wear"], "nocolumn.csv:1: no health-indicator column 'wear'"),
        ("notime.csv", "unit,age,health\na,1,0.1\na,2,0.2\n", [], "notime.csv:1: no time column"),
        ("ragged.txt", "1 1 0.1\n1 2\n", ["--columns", "unit,cycle,health"], "ragged.txt:2: 2 fields, but --columns names 3"),
        ("text.csv", "unit,cycle,health\na,1,high\n", [], "text.csv:2: column 'health': 'high' is not a number"),
        ("empty.csv", "", [], "empty.csv: the file is empty"),
        ("short.csv", "unit,cycle,health\na,1,0.1\n", [], "short.csv: run-to-failure history a has 1 observations"),
    ])
    func unusableHistoriesEndWithFileLineAndExitTwo(name: String, contents: String, options: [String], message: String) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let train = try directory.write(name, contents)
        let input = try directory.write("input.csv", "unit,cycle,health\nx,1,0.1\nx,2,0.2\n")
        let result = try await ChildProcess.run(binary, ["analyze", "rul", "--train", train, "--input", input] + options)
        #expect(result.status == 2, "\(result.stdout)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aMissingTrainingPathIsNamed() async throws {
        let binary = try MillraceBinary.path()
        let result = try await ChildProcess.run(binary, ["analyze", "rul", "--train", "/nonexistent/histories", "--input", "/nonexistent/input.csv"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/histories: the file or directory does not exist"))
    }
}
