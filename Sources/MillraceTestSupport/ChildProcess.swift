import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `millrace` executable built next to the test bundle, or the one named by `MILLRACE_BINARY`.
public enum MillraceBinary {
    public static func path() throws -> String {
        if let override = ProcessInfo.processInfo.environment["MILLRACE_BINARY"] { return override }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = directory.appendingPathComponent("millrace").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw ChildProcessError("cannot find the millrace executable near \(CommandLine.arguments[0]); build it with `swift build` or set MILLRACE_BINARY")
    }
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A child process whose output is collected line by line, for tests that drive the real binary.
public final class ChildProcess: @unchecked Sendable {
    public let process = Process()
    private let lock = NSLock()
    private var stdoutText = ""
    private var stderrText = ""
    /// Pipes that reached end of file: everything the process wrote has been read.
    private var closedPipes = 0

    public init(executable: String, arguments: [String], directory: String? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty { return self.pipeClosed(handle) }
            self.lock.withLock { self.stdoutText += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self else { return }
            if data.isEmpty { return self.pipeClosed(handle) }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    private func pipeClosed(_ handle: FileHandle) {
        handle.readabilityHandler = nil
        lock.withLock { closedPipes += 1 }
    }

    public var standardOutput: String { lock.withLock { stdoutText } }
    public var standardError: String { lock.withLock { stderrText } }

    /// Waits until `predicate` holds for the output so far, polling; throws after `timeout`.
    public func waitForOutput(timeout: Duration = .seconds(300), _ predicate: (String, String) -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if predicate(standardOutput, standardError) { return }
            if !process.isRunning {
                try await Task.sleep(for: .milliseconds(100))
                if predicate(standardOutput, standardError) { return }
                throw ChildProcessError("the process exited with status \(process.terminationStatus) before the expected output; stderr: \(standardError.suffix(2000))")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChildProcessError("timed out waiting for output; stdout: \(standardOutput.suffix(1000)) stderr: \(standardError.suffix(2000))")
    }

    /// Sends a signal to the process.
    public func signal(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to exit and returns its status and how long the wait took; kills it after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(30)) async throws -> (status: Int32, waited: Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        while process.isRunning {
            if clock.now - start > timeout {
                kill(process.processIdentifier, SIGKILL)
                throw ChildProcessError("the process did not exit within \(timeout); killed")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        let waited = clock.now - start
        // Let the output handlers read what the process wrote last (its goodbye lines), up to end of file.
        let drainStart = clock.now
        while lock.withLock({ closedPipes }) < 2, clock.now - drainStart < .seconds(2) {
            try await Task.sleep(for: .milliseconds(10))
        }
        return (process.terminationStatus, waited)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs a command to completion with `input` on its standard input and returns its status and whole output.
    /// Both pipes are read to end of file on their own threads (no output is lost however the process exits, and a
    /// full stderr cannot block it while stdout is read); killed and an error after `timeout`.
    public static func run(
        _ executable: String, _ arguments: [String], directory: String? = nil, input: String = "",
        timeout: Duration = .seconds(120)
    ) async throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let watchdog = Task { () -> Bool in
            do { try await Task.sleep(for: timeout) } catch { return false }
            guard process.isRunning else { return false }
            kill(process.processIdentifier, SIGKILL)
            return true
        }
        defer { watchdog.cancel() }
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        async let out = readToEnd(stdout.fileHandleForReading)
        async let err = readToEnd(stderr.fileHandleForReading)
        let (outData, errData) = await (out, err)
        process.waitUntilExit()
        watchdog.cancel()
        if await watchdog.value {
            throw ChildProcessError("\(executable) did not exit within \(timeout); killed")
        }
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}

extension ChildProcess {
    /// Starts `millrace run --http-port 0 --data-dir DATA ARGUMENTS…` and waits for its dashboard line;
    /// returns the process and the base URL it listens on. Every route but health and login needs a credential,
    /// so a test user (`TestCredentials`) with an API token is created in DATA first (once per data directory);
    /// `HTTPTestClient` sends that token to this base URL by itself.
    public static func startMillrace(dataDirectory: String, arguments: [String] = [], directory: String? = nil)
        async throws -> (process: ChildProcess, baseURL: String)
    {
        let credentials = try await TestCredentials.ensure(dataDirectory: dataDirectory)
        let child = try ChildProcess(
            executable: try MillraceBinary.path(),
            arguments: ["run", "--http-port", "0", "--data-dir", dataDirectory] + arguments, directory: directory)
        try await child.waitForOutput { out, _ in out.contains("Dashboard: http") }
        guard let line = child.standardOutput.split(separator: "\n").first(where: { $0.contains("Dashboard: http") }),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") || $0.hasPrefix("https://") })
        else { throw ChildProcessError("no dashboard URL in: \(child.standardOutput.suffix(500))") }
        TestCredentials.register(credentials, for: String(url))
        return (child, String(url))
    }

    /// Runs the `millrace` binary to completion with `input` on its standard input.
    public static func runMillrace(_ arguments: [String], input: String = "") async throws -> (status: Int32, stdout: String, stderr: String) {
        try await run(try MillraceBinary.path(), arguments, input: input)
    }
}

/// The user the integration tests act as: an engineer (no second factor required by the default MFA policy, so
/// the browser tests can sign in with a password) with an API token, created with the real CLI
/// (`millrace user add`, `millrace token create`) before Millrace starts.
public struct TestCredentials: Sendable, Hashable {
    public static let username = "tester"
    public static let password = "millrace integration tests"
    public var token: String

    /// The credentials of a data directory, made on first use and kept in DATA/test-api-token.
    public static func ensure(dataDirectory: String) async throws -> TestCredentials {
        let file = dataDirectory + "/test-api-token"
        if let token = try? String(contentsOfFile: file, encoding: .utf8), !token.isEmpty {
            return TestCredentials(token: token.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let data = ["--data-dir", dataDirectory]
        let user = try await ChildProcess.runMillrace(
            ["user", "add", username, "--role", "engineer", "--password-stdin"] + data, input: password + "\n")
        guard user.status == 0 else { throw ChildProcessError("millrace user add failed: \(user.stderr)") }
        let token = try await ChildProcess.runMillrace(
            ["token", "create", "--user", username, "--name", "integration-tests", "--expires", "30d"]
                + ["readData", "acknowledgeAlarms", "shelveAlarms", "writeDevices", "configure"].flatMap { ["--scope", $0] } + data)
        let text = token.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard token.status == 0, !text.isEmpty else { throw ChildProcessError("millrace token create failed: \(token.stderr)") }
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return TestCredentials(token: text)
    }

    private static let registry = Registry()

    /// Remembers the credentials of a running Millrace for `HTTPTestClient`.
    public static func register(_ credentials: TestCredentials, for baseURL: String) { registry.set(baseURL, credentials) }

    /// The credentials registered for the server of `url`.
    public static func credentials(for url: String) -> TestCredentials? { registry.find(url) }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var byBase: [String: TestCredentials] = [:]
        func set(_ base: String, _ credentials: TestCredentials) { lock.withLock { byBase[base] = credentials } }
        func find(_ url: String) -> TestCredentials? {
            lock.withLock { byBase.first { url == $0.key || url.hasPrefix($0.key + "/") || url.hasPrefix($0.key + "?") }?.value }
        }
    }
}
