import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Helpers for tests that start real peers (Python servers, the millrace binary) on ports they pick.
public enum TestPeers {
    /// The repository root, found from this file (through the symlinks of a scratch package).
    public static let repository: String = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The Python the test script prepared (`MILLRACE_TEST_PYTHON`, a venv with the peers), else `python3`.
    public static let python: [String] = {
        if let python = ProcessInfo.processInfo.environment["MILLRACE_TEST_PYTHON"], !python.isEmpty {
            return [python]
        }
        return ["/usr/bin/env", "python3"]
    }()

    /// Whether that Python can import `module`.
    public static func pythonCanImport(_ module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python[0])
        process.arguments = Array(python.dropFirst()) + ["-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to 0, then released).
    public static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ChildProcessError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        guard bound else { throw ChildProcessError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
