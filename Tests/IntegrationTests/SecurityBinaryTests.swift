import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Security of the real binary (issue #7): HTTPS with the certificate made on first start, checked by Python's
/// `ssl` as a real client; the one-time setup token; the outbound-only edge mode; the software bill of materials.
@Suite struct SecurityBinaryTests {
    static let plant = """
        version: 1
        enterprise: Test
        sites:
          - id: s
            areas:
              - id: a
                assets:
                  - id: m
                    type: motor
                    tags:
                      - { id: m.current, connection: sim, address: current, type: float64 }
        connections:
          - { id: sim, type: simulator, model: motor, pollInterval: 1s }

        """

    /// Python's ssl module verifies the server against the certificate file and prints what it got.
    static let client = """
        import http.client, ssl, sys
        port, ca, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        context = ssl.create_default_context(cafile=ca)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        for path, auth in (("/healthz", None), ("/api/v1/tags", None), ("/api/v1/tags", token)):
            connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=10)
            connection.request("GET", path, headers={"Authorization": "Bearer " + auth} if auth else {})
            response = connection.getresponse()
            response.read()
            print(path, "auth" if auth else "anonymous", response.status, response.getheader("Strict-Transport-Security"),
                  connection.sock.version())
            connection.close()
        """

    @Test(.enabled(if: TestPeers.pythonCanImport("ssl"), "needs a Python with ssl"))
    func httpsWithTheCertificateOfFirstStartPassesARealClient() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try directory.write("plant.yaml", Self.plant + "security:\n  tls: on\n")
        let data = directory.file("data")
        let credentials = try await TestCredentials.ensure(dataDirectory: data)
        let (millrace, base) = try await ChildProcess.startMillrace(
            dataDirectory: data, arguments: ["--config", config], directory: directory.path)
        defer { if millrace.process.isRunning { millrace.signal(SIGKILL) } }
        #expect(base.hasPrefix("https://127.0.0.1:"))
        #expect(millrace.standardOutput.contains("SHA-256"), "the console shows the fingerprint: \(millrace.standardOutput)")
        let port = try #require(Int(base.split(separator: ":").last ?? ""))

        let script = try directory.write("client.py", Self.client)
        let run = try await ChildProcess.run(
            TestPeers.python[0], Array(TestPeers.python.dropFirst()) + [script, String(port), data + "/tls/server.crt", credentials.token])
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.stdout) \(run.stderr)")
        #expect(lines.first?.hasPrefix("/healthz anonymous 200 max-age=31536000 TLSv1.") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("/api/v1/tags anonymous 401 ") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("/api/v1/tags auth 200 ") == true, "\(lines)")
        millrace.signal(SIGTERM)
        _ = try await millrace.waitForExit()
    }

    @Test func aFreshInstallationPrintsASetupTokenOnceUntilAnAdminExists() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = try directory.write("plant.yaml", Self.plant)
        let data = directory.file("data")
        let child = try ChildProcess(
            executable: try MillraceBinary.path(),
            arguments: ["run", "--config", config, "--http-port", "0", "--data-dir", data], directory: directory.path)
        defer { if child.process.isRunning { child.signal(SIGKILL) } }
        try await child.waitForOutput { out, _ in out.contains("Dashboard: http") }
        let token = try #require(
            child.standardOutput.split(separator: " ").first { $0.hasPrefix("mr_setup_") }.map { String($0.prefix { !$0.isNewline }) })
        #expect(!child.standardError.contains(token), "the setup token is for the console, never the log")
        let line = try #require(child.standardOutput.split(separator: "\n").first { $0.contains("Dashboard: ") })
        let base = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }).description

        let setup = try await HTTPTestClient.postJSON(
            base + "/api/v1/auth/setup", ["token": token, "username": "plant-admin", "password": "a long passphrase of ours"],
            authenticated: false)
        #expect(setup.status == 201, "\(setup.json)")
        let again = try await HTTPTestClient.postJSON(
            base + "/api/v1/auth/setup", ["token": token, "username": "intruder", "password": "a long passphrase of ours"],
            authenticated: false)
        #expect(again.status == 409, "setup works once: \(again.json)")
        child.signal(SIGTERM)
        _ = try await child.waitForExit()

        // Set up: the next start prints no token.
        let second = try ChildProcess(
            executable: try MillraceBinary.path(),
            arguments: ["run", "--config", config, "--http-port", "0", "--data-dir", data], directory: directory.path)
        defer { if second.process.isRunning { second.signal(SIGKILL) } }
        try await second.waitForOutput { out, _ in out.contains("Dashboard: http") }
        #expect(!second.standardOutput.contains("mr_setup_"))
        second.signal(SIGTERM)
        _ = try await second.waitForExit()
        let audit = try String(contentsOfFile: data + "/audit.log", encoding: .utf8)
        #expect(audit.contains("setupCompleted") && audit.contains("configurationChanged"))
    }

    @Test func outboundOnlyModeOpensNoListenerAndPlainHTTPOnTheNetworkIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try TestPeers.freePort()
        let edge = try directory.write("edge.yaml", Self.plant + "security:\n  outboundOnly: true\n")
        let child = try ChildProcess(
            executable: try MillraceBinary.path(),
            arguments: ["run", "--config", edge, "--http-port", String(port), "--data-dir", directory.file("data")],
            directory: directory.path)
        defer { if child.process.isRunning { child.signal(SIGKILL) } }
        try await child.waitForOutput { _, err in err.contains("outbound-only mode") && err.contains("input started") }
        let probe = try? await HTTPTestClient.get("http://127.0.0.1:\(port)/healthz")
        #expect(probe == nil, "nothing listens on \(port)")
        child.signal(SIGTERM)
        #expect(try await child.waitForExit().status == 0)

        let plain = try directory.write("plain.yaml", Self.plant + "security:\n  tls: off\n")
        let refused = try await ChildProcess.run(
            try MillraceBinary.path(), ["run", "--config", plain, "--http-host", "0.0.0.0", "--http-port", "0", "--data-dir", directory.file("data2")])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("allowPlaintextOnNetwork"), "\(refused.stderr)")
    }

    @Test func aSealedSecretOpensOnlyWithItsInstallationsKey() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let url = "postgres://millrace:s3cret-pw@127.0.0.1:1/millrace"
        let sealed = try await ChildProcess.runMillrace(["secret", "seal", "--data-dir", directory.file("a")], input: url + "\n")
        let secret = sealed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(sealed.status == 0 && secret.hasPrefix("mrsec1:") && !secret.contains("s3cret-pw"), "\(sealed.stderr)")
        let config = try directory.write("c.yaml", Self.plant + "storage:\n  postgres: \"\(secret)\"\n")
        #expect(try await ChildProcess.runMillrace(["config", "check", config]).status == 0)
        // Another installation's key cannot open it: a clear error, the secret never printed.
        _ = try await ChildProcess.runMillrace(["secret", "seal", "--data-dir", directory.file("b")], input: "x\n")
        let run = try await ChildProcess.runMillrace(["run", "--config", config, "--data-dir", directory.file("b"), "--http-port", "0"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot open the sealed value of storage.postgres"), "\(run.stderr)")
        #expect(!run.stderr.contains("s3cret-pw") && !run.stdout.contains("s3cret-pw"))
    }

    @Test func aServiceAccountReadsItsScopeUntilRevoked() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let data = directory.file("data")
        let config = try directory.write("plant.yaml", Self.plant)
        let added = try await ChildProcess.runMillrace(
            ["service-account", "add", "edge-1", "--role", "viewer", "--scope", "s/a", "--expires", "30d", "--data-dir", data])
        let token = added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(added.status == 0 && token.hasPrefix("mr_svc_"), "\(added.stderr)")
        let bearer = ["Authorization": "Bearer \(token)"]

        var (millrace, base) = try await ChildProcess.startMillrace(dataDirectory: data, arguments: ["--config", config], directory: directory.path)
        #expect(try await HTTPTestClient.get(base + "/api/v1/tags/m.current", authenticated: false, headers: bearer).status == 200)
        #expect(try await HTTPTestClient.get(base + "/api/v1/connections", authenticated: false, headers: bearer).status == 403, "scoped: no installation-wide reads")
        millrace.signal(SIGTERM)
        _ = try await millrace.waitForExit()

        let revoked = try await ChildProcess.runMillrace(["service-account", "revoke", "edge-1", "--data-dir", data])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        (millrace, base) = try await ChildProcess.startMillrace(dataDirectory: data, arguments: ["--config", config], directory: directory.path)
        defer { if millrace.process.isRunning { millrace.signal(SIGKILL) } }
        #expect(try await HTTPTestClient.get(base + "/api/v1/tags/m.current", authenticated: false, headers: bearer).status == 401)
        millrace.signal(SIGTERM)
        _ = try await millrace.waitForExit()
    }

    @Test func theBillOfMaterialsListsTheResolvedDependencies() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let output = directory.file("sbom.json")
        let run = try await ChildProcess.run(TestPeers.repository + "/scripts/sbom", [output], directory: TestPeers.repository)
        #expect(run.status == 0, "\(run.stderr)")
        let bom = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any])
        #expect(bom["bomFormat"] as? String == "CycloneDX")
        let components = try #require(bom["components"] as? [[String: Any]])
        let nio = try #require(components.first { $0["name"] as? String == "swift-nio" })
        #expect((nio["version"] as? String)?.split(separator: ".").count == 3)
        #expect((nio["purl"] as? String)?.hasPrefix("pkg:swift/github.com/apple/swift-nio@") == true)
        #expect(components.contains { $0["name"] as? String == "GRDB.swift" && $0["licenses"] != nil })
    }
}
