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

    @Test func bearingsFromAConfigurationExtendTheCatalogue() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let waveform = directory.file("pump.csv")
        #expect(try await ChildProcess.run(binary, ["analyze", "example-waveform", "--output", waveform]).status == 0)
        let unknown = try await ChildProcess.run(binary, ["analyze", "vibration", waveform, "--rate", "25600", "--rpm", "1797", "--bearing", "6309"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("'6309' is not in the bearing catalogue"))
        let config = try directory.write(
            "millrace.yaml",
            """
            version: 1
            enterprise: test
            sites:
              - id: plant
            bearings:
              - designation: "6309"
                rollingElements: 8
                ballDiameter: 17.46
                pitchDiameter: 72.5
                source: test data sheet
            """)
        let known = try await ChildProcess.run(
            binary, ["analyze", "vibration", waveform, "--rate", "25600", "--rpm", "1797", "--bearing", "6309", "--config", config])
        #expect(known.status == 0, "\(known.stderr)")
        // 6309: n = 8, d/D = 17.46/72.5 → BPFO = 4·(1 − 0.2408)·29.95 Hz = 90.95 Hz.
        #expect(known.stdout.contains("bearing 6309: BPFO 90.9"), "\(known.stdout)")
        let bad = try directory.write("bad.yaml", "version: 1\nenterprise: test\nsites:\n  - id: plant\nbearings:\n  - designation: x\n    rollingElements: 8\n    ballDiameter: 20\n    pitchDiameter: 10\n")
        let refused = try await ChildProcess.run(
            binary, ["analyze", "vibration", waveform, "--rate", "25600", "--rpm", "1797", "--config", bad])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("pitchDiameter"), "\(refused.stderr)")
    }
}
