import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A throwaway PostgreSQL cluster for tests and benchmarks: `initdb` in a temporary directory, one server on
/// 127.0.0.1 and a port picked free, a Unix socket in the same directory, removed by `stop()`.
///
/// PostgreSQL refuses to run as root, and CI runs as root: then every server command runs as the unprivileged
/// `postgres` system user (`runuser -u postgres --`), in directories that user owns. As a normal user the
/// commands run directly.
///
/// ```swift
/// let server = try await PostgresServer.start()
/// defer { server.stopNow() }
/// let url = try await server.createDatabase("historian")  // postgres://millrace:…@127.0.0.1:PORT/historian
/// ```
public final class PostgresServer: @unchecked Sendable {
    /// The superuser the cluster is created with, and its password (password authentication over TCP).
    public static let user = "millrace"
    public static let password = "millrace-test-secret"

    public let directory: TemporaryDirectory
    /// The server's TCP port on 127.0.0.1 (fixed once `start()` returns).
    public private(set) var port: Int
    public let binaries: String
    /// The cluster's data directory.
    public var dataDirectory: String { directory.file("data") }
    /// The directory holding the server's Unix socket.
    public var socketDirectory: String { directory.file("socket") }
    /// A URL for the `postgres` database.
    public var url: String { url(database: "postgres") }

    private let lock = NSLock()
    private var serverProcess: ChildProcess?
    private var earlierLogs = ""
    private var removed = false
    private let runAsUser: String?

    /// Where the PostgreSQL programs are: `MILLRACE_POSTGRES_BIN`, else the newest /usr/lib/postgresql/N/bin.
    public static func findBinaries() throws -> String {
        if let override = ProcessInfo.processInfo.environment["MILLRACE_POSTGRES_BIN"], !override.isEmpty { return override }
        let base = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [])
            .compactMap(Int.init).sorted(by: >)
        for version in versions where FileManager.default.isExecutableFile(atPath: "\(base)/\(version)/bin/initdb") {
            return "\(base)/\(version)/bin"
        }
        throw ChildProcessError(
            "no PostgreSQL server programs under \(base)/*/bin; install Debian's `postgresql` or set MILLRACE_POSTGRES_BIN")
    }

    /// Whether a PostgreSQL server can be started here (tests use it to explain a skip).
    public static var isAvailable: Bool { (try? findBinaries()) != nil }

    private init(directory: TemporaryDirectory, port: Int, binaries: String, runAsUser: String?) {
        self.directory = directory
        self.port = port
        self.binaries = binaries
        self.runAsUser = runAsUser
    }

    /// Creates a cluster and starts its server; waits until it accepts connections.
    public static func start() async throws -> PostgresServer {
        let binaries = try findBinaries()
        let directory = try TemporaryDirectory(prefix: "millrace-pg")
        let runAsUser: String? = getuid() == 0 ? "postgres" : nil
        let server = PostgresServer(directory: directory, port: try TestPeers.freePort(), binaries: binaries, runAsUser: runAsUser)
        do {
            try server.prepareDirectories()
            try await server.run(
                "initdb", ["-D", server.dataDirectory, "-U", user, "--pwfile", directory.file("pwfile"),
                           "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync",
                           "--no-instructions"])
            // A port found free can be taken by another test before the server binds it: then try another.
            for attempt in 1...5 {
                do {
                    try await server.startServer()
                    break
                } catch where attempt < 5 && server.log.contains("could not bind") {
                    server.lock.withLock { server.serverProcess = nil }
                    server.port = try TestPeers.freePort()
                }
            }
        } catch {
            server.stopNow()
            throw error
        }
        return server
    }

    /// A URL for `database` with the cluster's superuser and password.
    public func url(database: String) -> String {
        "postgres://\(Self.user):\(Self.password)@127.0.0.1:\(port)/\(database)"
    }

    /// Creates a database and returns its URL.
    public func createDatabase(_ name: String) async throws -> String {
        try await run("createdb", ["-h", socketDirectory, "-p", String(port), "-U", Self.user, name])
        return url(database: name)
    }

    /// Runs SQL through `psql` on the Unix socket and returns what it printed (unaligned, tuples only).
    public func psql(_ sql: String, database: String = "postgres") async throws -> String {
        try await run("psql", ["-h", socketDirectory, "-p", String(port), "-U", Self.user, "-d", database, "-X", "-A", "-t",
                               "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    /// Stops the server; `immediate` is a crash (no checkpoint, recovery from the WAL at the next start).
    public func stopServer(immediate: Bool = false) async throws {
        guard let process = lock.withLock({ serverProcess }) else { return }
        try await run("pg_ctl", ["stop", "-D", dataDirectory, "-m", immediate ? "immediate" : "fast", "-w"])
        _ = try await process.waitForExit(timeout: .seconds(60))
        lock.withLock {
            earlierLogs += process.standardError
            serverProcess = nil
        }
    }

    /// Starts the server again (after `stopServer`) on the same port and data; returns once it accepts connections.
    ///
    /// The server runs in the foreground as a child of this process, not daemonised by `pg_ctl start`: a daemon
    /// would inherit the descriptor Foundation's `Process` watches to see its child exit, and the wait would
    /// never end.
    public func startServer() async throws {
        let (executable, arguments) = command(
            "postgres",
            ["-D", dataDirectory, "-p", String(port), "-h", "127.0.0.1", "-k", socketDirectory,
             "-c", "max_connections=30", "-c", "shared_buffers=32MB"])
        let process = try ChildProcess(executable: executable, arguments: arguments, directory: directory.path)
        lock.withLock { serverProcess = process }
        try await process.waitForOutput(timeout: .seconds(300)) { _, err in err.contains("ready to accept connections") }
    }

    /// Stops the server and removes the cluster.
    public func stop() async throws {
        try await stopServer()
        remove()
    }

    /// Stops the server (`pg_ctl stop -m immediate`, blocking) and removes the cluster; for `defer` and failures.
    public func stopNow() {
        if let process = lock.withLock({ serverProcess }) {
            let stopper = Process()
            let (executable, arguments) = command("pg_ctl", ["stop", "-D", dataDirectory, "-m", "immediate", "-w"])
            stopper.executableURL = URL(fileURLWithPath: executable)
            stopper.arguments = arguments
            stopper.standardOutput = FileHandle.nullDevice
            stopper.standardError = FileHandle.nullDevice
            if (try? stopper.run()) != nil { stopper.waitUntilExit() }
            if process.process.isRunning { process.signal(SIGKILL) }
            lock.withLock { serverProcess = nil }
        }
        remove()
    }

    /// The server's log so far (its standard error, across restarts), for failure messages.
    public var log: String {
        lock.withLock { earlierLogs + (serverProcess?.standardError ?? "") }
    }

    deinit { stopNow() }

    private func remove() {
        let alreadyRemoved = lock.withLock {
            defer { removed = true }
            return removed
        }
        if !alreadyRemoved { directory.remove() }
    }

    private func prepareDirectories() throws {
        let manager = FileManager.default
        try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        try manager.createDirectory(atPath: socketDirectory, withIntermediateDirectories: true)
        try directory.write("pwfile", Self.password + "\n")
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: dataDirectory)
        guard let runAsUser else { return }
        // As root: the server's user must own what it writes, and reach it through the parent directory.
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.path)
        for path in [dataDirectory, socketDirectory, directory.file("pwfile")] {
            try manager.setAttributes([.ownerAccountName: runAsUser, .groupOwnerAccountName: runAsUser], ofItemAtPath: path)
        }
    }

    private func command(_ program: String, _ arguments: [String]) -> (String, [String]) {
        let executable = binaries + "/" + program
        guard let runAsUser else { return (executable, arguments) }
        if FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") {
            return ("/usr/sbin/runuser", ["-u", runAsUser, "--", executable] + arguments)
        }
        return ("/usr/bin/setpriv", ["--reuid=\(runAsUser)", "--regid=\(runAsUser)", "--init-groups", executable] + arguments)
    }

    @discardableResult
    private func run(_ program: String, _ arguments: [String]) async throws -> String {
        let (executable, arguments) = command(program, arguments)
        let result = try await ChildProcess.run(executable, arguments, directory: directory.path)
        guard result.status == 0 else {
            throw ChildProcessError(
                "\(program) exited with status \(result.status): \(result.stderr.suffix(2000)) \(result.stdout.suffix(1000))"
                    + (program == "pg_ctl" ? "\nserver log: \(log.suffix(2000))" : ""))
        }
        return result.stdout
    }
}
