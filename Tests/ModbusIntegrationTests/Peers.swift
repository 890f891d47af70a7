import Foundation
import MillraceTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Real Modbus peers for the integration tests: pymodbus (server and client scripts) and a C server on
/// libmodbus, started as child processes on ports the tests pick, and stopped by the tests.
enum Peers {
    /// The repository root, found from this file (through the symlinks of a scratch package).
    static let repository: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The Python the test script prepared (`MILLRACE_TEST_PYTHON`, a venv with pymodbus), else `python3`.
    static let python: [String] = TestPeers.python

    /// The pymodbus version, or nil when that Python cannot import pymodbus.
    static let pymodbusVersion: String? = {
        let result = runSync(python + ["-c", "import pymodbus; print(pymodbus.__version__)"])
        guard result.status == 0 else { return nil }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }()

    /// Whether pymodbus can be imported (the condition of the pymodbus tests).
    static var pymodbusAvailable: Bool { pymodbusVersion != nil }

    /// Whether a C compiler and libmodbus's header are installed (Debian: libmodbus-dev).
    static let libmodbusAvailable: Bool = {
        FileManager.default.fileExists(atPath: "/usr/include/modbus/modbus.h")
            && runSync(["/usr/bin/env", "cc", "--version"]).status == 0
    }()

    /// Compiles scripts/peers/libmodbus_server.c into `directory`; returns the executable's path.
    static func buildLibmodbusServer(in directory: TemporaryDirectory) async throws -> String {
        let output = directory.file("libmodbus_server")
        let result = try await ChildProcess.run(
            "/usr/bin/env",
            [
                "cc", "-O2", "-o", output, repository + "/scripts/peers/libmodbus_server.c", "-I/usr/include/modbus",
                "-lmodbus",
            ])
        guard result.status == 0 else { throw ChildProcessError("cc failed: \(result.stderr)") }
        return output
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, then released).
    static func freePort() throws -> Int { try TestPeers.freePort() }

    /// Starts a server process and waits for its "READY" line.
    static func startServer(_ command: [String]) async throws -> ChildProcess {
        let child = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst()))
        do {
            try await child.waitForOutput(timeout: .seconds(120)) { out, _ in out.contains("READY") }
        } catch {
            child.signal(SIGKILL)
            _ = try? await child.waitForExit()
            throw error
        }
        return child
    }

    /// The pymodbus server on `port` (RTU framing over TCP when `rtu`).
    static func startPymodbusServer(port: Int, rtu: Bool = false) async throws -> ChildProcess {
        try await startServer(
            python + [repository + "/scripts/peers/pymodbus_server.py", String(port)] + (rtu ? ["--rtu"] : []))
    }

    /// Stops a server: SIGTERM, then SIGKILL if it does not exit.
    static func stop(_ child: ChildProcess) async {
        child.signal(SIGTERM)
        _ = try? await child.waitForExit(timeout: .seconds(10))
    }

    private static func runSync(_ command: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
