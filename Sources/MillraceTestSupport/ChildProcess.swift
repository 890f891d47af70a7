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
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stdoutText += String(decoding: data, as: UTF8.self) }
        }
        err.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.stderrText += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
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
        return (process.terminationStatus, clock.now - start)
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }

    /// Runs a command to completion and returns its status and output.
    public static func run(_ executable: String, _ arguments: [String], directory: String? = nil) async throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let child = try ChildProcess(executable: executable, arguments: arguments, directory: directory)
        let (status, _) = try await child.waitForExit(timeout: .seconds(120))
        try await Task.sleep(for: .milliseconds(50))  // Let the readability handlers drain.
        return (status, child.standardOutput, child.standardError)
    }
}

extension ChildProcess {
    /// Starts `millrace run --http-port 0 --data-dir DATA ARGUMENTS…` and waits for its dashboard line;
    /// returns the process and the base URL it listens on.
    public static func startMillrace(dataDirectory: String, arguments: [String] = [], directory: String? = nil)
        async throws -> (process: ChildProcess, baseURL: String)
    {
        let child = try ChildProcess(
            executable: try MillraceBinary.path(),
            arguments: ["run", "--http-port", "0", "--data-dir", dataDirectory] + arguments, directory: directory)
        try await child.waitForOutput { out, _ in out.contains("Dashboard: http://") }
        guard let line = child.standardOutput.split(separator: "\n").first(where: { $0.contains("Dashboard: http://") }),
            let url = line.split(separator: " ").first(where: { $0.hasPrefix("http://") })
        else { throw ChildProcessError("no dashboard URL in: \(child.standardOutput.suffix(500))") }
        return (child, String(url))
    }
}
