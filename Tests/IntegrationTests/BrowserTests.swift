import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The dashboard in a real browser: headless Chromium driven by Selenium (Tests/Browser/dashboard_test.py)
/// against the real binary running the built-in plant simulator. Screenshots land in .test-artifacts/browser/.
@Suite(.serialized) struct BrowserTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let chromium = ProcessInfo.processInfo.environment["MILLRACE_CHROMIUM"] ?? "/usr/bin/chromium"
    static let chromedriver = ProcessInfo.processInfo.environment["MILLRACE_CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    static let python = ProcessInfo.processInfo.environment["MILLRACE_TEST_PYTHON"]

    /// Runs where the browser is installed, and always in CI (where scripts/test installs it, so its absence is a
    /// failure); elsewhere a missing browser skips the test with this message.
    static let runs: Bool = {
        let installed = FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
            && python != nil
        return installed || ProcessInfo.processInfo.environment["CI"] != nil
    }()

    @Test(
        .enabled(
            if: BrowserTests.runs,
            "skipped: needs chromium and chromedriver (Debian packages chromium, chromium-driver) and MILLRACE_TEST_PYTHON with selenium; CI installs them"
        ))
    func dashboardWorksInChromium() async throws {
        let python = try #require(Self.python, "set MILLRACE_TEST_PYTHON to a Python with selenium")
        for tool in [Self.chromium, Self.chromedriver] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is not installed (apt-get install chromium chromium-driver)")
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let (millrace, base) = try await ChildProcess.startMillrace(dataDirectory: directory.file("data"), directory: directory.path)
        defer { if millrace.process.isRunning { millrace.signal(SIGKILL) } }

        let artifacts = Self.repository + "/.test-artifacts/browser"
        let script = try ChildProcess(
            executable: python,
            arguments: [
                Self.repository + "/Tests/Browser/dashboard_test.py", "--base-url", base, "--artifacts", artifacts,
                "--user", TestCredentials.username, "--password", TestCredentials.password,
            ])
        let (status, _) = try await script.waitForExit(timeout: .seconds(900))
        try await Task.sleep(for: .milliseconds(100))  // let the output handlers drain
        let output = script.standardOutput + script.standardError
        print(output)
        #expect(status == 0, "the browser test failed (screenshots in \(artifacts)):\n\(output.suffix(6000))")
        #expect(output.contains("PASS"))

        millrace.signal(SIGTERM)
        let (exitStatus, _) = try await millrace.waitForExit(timeout: .seconds(30))
        #expect(exitStatus == 0)
    }

    @Test(
        .enabled(
            if: BrowserTests.runs,
            "skipped: needs chromium and chromedriver (Debian packages chromium, chromium-driver) and MILLRACE_TEST_PYTHON with selenium; CI installs them"
        ))
    func firstStartSetsUpTheAdministratorWithASecondFactorInChromium() async throws {
        let python = try #require(Self.python, "set MILLRACE_TEST_PYTHON to a Python with selenium")
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        // A fresh installation, started as a new user would: no user yet, so the console shows the setup token.
        let millrace = try ChildProcess(
            executable: try MillraceBinary.path(), arguments: ["run", "--http-port", "0", "--data-dir", directory.file("data")],
            directory: directory.path)
        defer { if millrace.process.isRunning { millrace.signal(SIGKILL) } }
        try await millrace.waitForOutput { out, _ in out.contains("Dashboard: http") }
        let token = try #require(
            millrace.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("mr_setup_") }.map(String.init))
        let line = try #require(millrace.standardOutput.split(separator: "\n").first { $0.contains("Dashboard: ") })
        let base = try #require(line.split(separator: " ").first { $0.hasPrefix("http://") }).description

        let artifacts = Self.repository + "/.test-artifacts/browser"
        let script = try ChildProcess(
            executable: python,
            arguments: [Self.repository + "/Tests/Browser/dashboard_test.py", "--base-url", base, "--artifacts", artifacts, "--setup-token", token])
        let (status, _) = try await script.waitForExit(timeout: .seconds(600))
        let output = script.standardOutput + script.standardError
        print(output)
        #expect(status == 0, "the first-start browser test failed (screenshots in \(artifacts)):\n\(output.suffix(6000))")
        #expect(output.contains("PASS"))
        millrace.signal(SIGTERM)
        #expect(try await millrace.waitForExit().status == 0)
        let audit = try String(contentsOfFile: directory.file("data/audit.log"), encoding: .utf8)
        #expect(audit.contains("setupCompleted") && audit.contains("mfaEnrolled") && audit.contains("\"loginSucceeded\""))
    }

}
