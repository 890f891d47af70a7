import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Starts the real `millrace` binary and talks to it over HTTP, as a user would.
@Suite(.serialized) struct BinaryTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Starts `millrace run` with the demo plant on a free port; returns the process and base URL.
    func startDemo(in directory: TemporaryDirectory, extra: [String] = []) async throws -> (ChildProcess, String) {
        try await ChildProcess.startMillrace(dataDirectory: directory.file("data"), arguments: extra, directory: directory.path)
    }

    @Test func demoPlantServesLiveValuesThatChange() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (child, base) = try await startDemo(in: directory)
        let health = try await HTTPTestClient.getJSON(base + "/healthz")
        #expect(health.status == 200)

        func currentTimes() async throws -> [String: String] {
            let (status, json) = try await HTTPTestClient.getJSON(base + "/api/v1/tags")
            #expect(status == 200)
            let tags = (json as? [String: Any])?["tags"] as? [[String: Any]] ?? []
            var result: [String: String] = [:]
            for tag in tags {
                if let id = tag["id"] as? String, let current = tag["current"] as? [String: Any], let time = current["time"] as? String {
                    result[id] = time
                }
            }
            return result
        }
        // Wait for the first values, then for the current-value time of the motor current to move on.
        var first: [String: String] = [:]
        for _ in 0..<600 where first["demo.packaging.line-1.conveyor.motor_current"] == nil {
            first = try await currentTimes()
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(first.count >= 50)
        var changed = false
        for _ in 0..<600 where !changed {
            try await Task.sleep(for: .milliseconds(200))
            changed = try await currentTimes()["demo.packaging.line-1.conveyor.motor_current"] != first["demo.packaging.line-1.conveyor.motor_current"]
        }
        #expect(changed, "the live value did not change")

        let samples = try await HTTPTestClient.getJSON(base + "/api/v1/tags/demo.packaging.line-1.conveyor.motor_current/samples?from=now-5m")
        #expect(samples.status == 200)
        #expect(((samples.json as? [String: Any])?["samples"] as? [Any])?.count ?? 0 >= 2)

        let truth = String(decoding: try await HTTPTestClient.get(base + "/api/v1/simulator/ground-truth").body, as: UTF8.self)
        #expect(truth.contains("D001"), "the demo's bearing fault is in the ground truth: \(truth.prefix(300))")
        #expect(truth.contains("outer_race_defect"))

        let metrics = String(decoding: try await HTTPTestClient.get(base + "/metrics").body, as: UTF8.self)
        #expect(metrics.contains("millrace_samples_stored_total"))

        let page = try await HTTPTestClient.get(base + "/")
        #expect(page.status == 200)
        #expect(String(decoding: page.body, as: UTF8.self).contains("Millrace"))

        child.signal(SIGTERM)
        let (status, waited) = try await child.waitForExit(timeout: .seconds(30))
        #expect(status == 0)
        print("SIGTERM to exit: \(waited)")
        #expect(child.standardError.contains("historian closed"))
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func signalStopsGracefullyWithTheStoreClosed(signal: Int32) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (child, base) = try await startDemo(in: directory)
        // Let some samples be stored first.
        for _ in 0..<600 {
            let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/tags")
            if ((json as? [String: Any])?["tags"] as? [[String: Any]])?.contains(where: { $0["current"] is [String: Any] }) == true { break }
            try await Task.sleep(for: .milliseconds(200))
        }
        child.signal(signal)
        let (status, waited) = try await child.waitForExit(timeout: .seconds(30))
        print("signal \(signal) to exit: \(waited)")
        #expect(status == 0)
        #expect(child.standardError.contains("historian closed"))
        #expect(child.standardError.contains("millrace stopped"))
        // Closed cleanly: the write-ahead log was folded into the database.
        let wal = directory.file("data/historian.sqlite-wal")
        let walSize = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0
        #expect(walSize == 0)
        // And the data is there for the next start.
        let (second, secondBase) = try await startDemo(in: directory)
        let (_, json) = try await HTTPTestClient.getJSON(secondBase + "/api/v1/tags/demo.packaging.line-1.conveyor.motor_current/samples?from=now-10m")
        #expect(((json as? [String: Any])?["samples"] as? [Any])?.isEmpty == false)
        second.signal(SIGTERM)
        _ = try await second.waitForExit()
    }

    @Test func configCheckExitStatuses() async throws {
        let binary = try MillraceBinary.path()
        let fixtures = Self.repository + "/Tests/MillraceConfigurationTests/Fixtures"
        let good = try await ChildProcess.run(binary, ["config", "check", fixtures + "/valid/two-lines.yaml"])
        #expect(good.status == 0)
        #expect(good.stdout.contains("OK"))
        let invalid = try FileManager.default.contentsOfDirectory(atPath: fixtures + "/invalid").filter { $0.hasSuffix(".yaml") }
        #expect(invalid.count >= 10)
        for file in invalid {
            let result = try await ChildProcess.run(binary, ["config", "check", fixtures + "/invalid/" + file])
            #expect(result.status == 2, "\(file)")
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(file): \(result.stderr)")
            #expect(lines.first?.hasPrefix("error: ") == true, "\(file)")
        }
        let missing = try await ChildProcess.run(binary, ["config", "check", "/no/such/file.yaml"])
        #expect(missing.status == 2)
    }

    @Test func runWithABadConfigurationExitsWithStatusTwo() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = try directory.write("bad.yaml", "version: 1\nenterprise: x\nsites: []\n")
        let result = try await ChildProcess.run(try MillraceBinary.path(), ["run", "--config", file, "--http-port", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("sites"))
    }

    @Test func versionAndSchemaCommands() async throws {
        let binary = try MillraceBinary.path()
        let version = try await ChildProcess.run(binary, ["version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("millrace "))
        let schema = try await ChildProcess.run(binary, ["config", "schema"])
        let committed = try String(contentsOfFile: Self.repository + "/docs/schema/millrace.schema.json", encoding: .utf8)
        #expect(schema.stdout == committed)
        let example = try await ChildProcess.run(binary, ["config", "example"])
        #expect(example.stdout.contains("enterprise:"))
    }
}
