import Foundation
import MillraceTestSupport
import Testing

/// `millrace analyze vibration` on files, as a reliability engineer uses it on an export from a portable analyser.
@Suite struct AnalyzeCommandTests {
    @Test func outerRaceDefectIsDiagnosedWithEvidenceAndAHealthyMachineStaysQuiet() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let faulty = directory.file("pump-de.csv"), healthy = directory.file("healthy.csv"), svg = directory.file("spectrum.svg")
        #expect(try await ChildProcess.run(binary, ["analyze", "example-waveform", "--fault", "outer_race", "--severity", "0.5", "--output", faulty]).status == 0)
        #expect(try await ChildProcess.run(binary, ["analyze", "example-waveform", "--output", healthy]).status == 0)

        let result = try await ChildProcess.run(
            binary, ["analyze", "vibration", faulty, "--rate", "25600", "--rpm", "1797", "--bearing", "6205", "--svg", svg])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("BPFO 107.36 Hz"))
        let finding = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("finding: outer-race bearing defect") })
        #expect(finding.contains("= BPFO of 6205"))
        #expect(finding.contains("Action:"))
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("BPFO"))

        let quiet = try await ChildProcess.run(binary, ["analyze", "vibration", healthy, "--rate", "25600", "--rpm", "1797", "--bearing", "6205"])
        #expect(quiet.status == 0)
        #expect(quiet.stdout.contains("zone A"))
        #expect(!quiet.stdout.contains("finding:"))
    }

    @Test func badFilesGiveAnErrorWithTheLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let broken = try directory.write("broken.csv", "g\n0.1\n0.2\nbanana\n")
        let result = try await ChildProcess.run(binary, ["analyze", "vibration", broken, "--rate", "25600", "--rpm", "1797"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("broken.csv:4:"))
        let short = try directory.write("short.csv", (0..<100).map { "\($0)" }.joined(separator: "\n"))
        let tooShort = try await ChildProcess.run(binary, ["analyze", "vibration", short, "--rate", "25600", "--rpm", "1797"])
        #expect(tooShort.status == 2)
        #expect(tooShort.stderr.contains("at least 1024"))
        let badOption = try await ChildProcess.run(binary, ["analyze", "vibration", short, "--rate", "-5", "--rpm", "1797"])
        #expect(badOption.status != 0)
    }
}
