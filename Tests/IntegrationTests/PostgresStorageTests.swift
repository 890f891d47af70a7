import Foundation
import MillraceTestSupport
import Testing

/// `storage.postgres`: the real binary keeps its historian in a real PostgreSQL (a throwaway cluster started by
/// the test), serves it through the API, and the samples are in PostgreSQL after it stops.
@Suite(.serialized) struct PostgresStorageTests {
    static func config(url: String) -> String {
        """
        version: 1
        enterprise: Central Foods
        sites:
          - id: central
            areas:
              - id: packaging
                assets:
                  - id: motor-1
                    type: motor
                    tags:
                      - { id: motor1.current, connection: sim, address: current, type: float64, unit: A }
                      - { id: motor1.speed, connection: sim, address: speed, type: float64, unit: rpm }
        connections:
          - { id: sim, type: simulator, model: motor, pollInterval: 200ms }
        storage:
          postgres: "\(url)"
        """
    }

    @Test func theBinaryStoresItsHistoryInPostgreSQL() async throws {
        guard PostgresServer.isAvailable else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("PostgreSQL is not installed (scripts/test installs it)") }
            return
        }
        let server = try await PostgresServer.start()
        defer { server.stopNow() }
        let url = try await server.createDatabase("millrace_app")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // The URL carries the database password: it is kept in the configuration sealed with the installation's key.
        let sealed = try await ChildProcess.runMillrace(["secret", "seal", "--data-dir", directory.file("data")], input: url + "\n")
        let secret = sealed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sealed.status == 0 && secret.hasPrefix("mrsec1:"), "\(sealed.stderr)")
        #expect(!secret.contains(PostgresServer.password))
        let config = directory.file("central.yaml")
        try Self.config(url: secret).write(toFile: config, atomically: true, encoding: .utf8)
        #expect(!(try String(contentsOfFile: config, encoding: .utf8)).contains(PostgresServer.password))

        let (run, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)
        #expect(!run.standardOutput.contains(PostgresServer.password) && !run.standardError.contains(PostgresServer.password))

        // Wait (a condition; the loop bound only stops a hang) until current values come back through the API.
        var current: [String: Any] = [:]
        for _ in 0..<600 {
            let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/tags/motor1.current")
            current = (json as? [String: Any])?["current"] as? [String: Any] ?? [:]
            if current["value"] is Double { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(current["value"] is Double, "no current value through the PostgreSQL historian")
        let (status, _) = try await HTTPTestClient.getJSON(base + "/api/v1/tags/motor1.current/samples?from=now-1h")
        #expect(status == 200)

        run.signal(SIGTERM)
        let (exit, _) = try await run.waitForExit()
        #expect(exit == 0, "\(run.standardError.suffix(800))")

        let count = try await server.psql(
            "SELECT (SELECT count(*) FROM historian_staging) + (SELECT coalesce(sum(sample_count), 0) FROM historian_chunk)",
            database: "millrace_app")
        #expect((Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0, "samples in PostgreSQL: \(count)")
    }
}
