import Foundation
import Historian
import Logging
import PostgresNIO

/// The historian's connection pool to one PostgreSQL database, with the retry rule of ADR 0010.
///
/// `PostgresClient` reconnects by itself, but a query on a connection the server dropped fails once, and a
/// lease waits forever while the server is unreachable. So every operation runs under a deadline
/// (`operationTimeout`) and is retried, with a growing pause, when it failed because the connection did:
/// the first operation after a server restart succeeds, and one against a server that stays down fails with
/// `.storage` after the deadline instead of hanging. Errors the server reports about the SQL are not retried.
/// Every write is idempotent (upserts keyed by tag and time), so retrying one whose commit was lost with the
/// connection stores the same rows once.
final class PostgresSession: Sendable {
    let url: PostgresConnectionURL
    let client: PostgresClient
    let operationTimeout: Duration
    let logger: Logger
    private let runTask: Task<Void, Never>

    init(url: PostgresConnectionURL, options: PostgresHistorian.Options, logger: Logger) {
        self.url = url
        self.operationTimeout = options.operationTimeout
        self.logger = logger
        let tls: PostgresClient.Configuration.TLS =
            switch url.tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        configuration.options.maximumConnections = options.maximumConnections
        configuration.options.connectTimeout = options.connectTimeout
        var parameters = [("application_name", "millrace-historian")]
        // HistorianSyncPolicy.normal: a commit returns before its WAL record is flushed (PostgreSQL 15 §30.4,
        // asynchronous commit); a crash of the server may lose the last fraction of a second of acknowledged
        // appends, but never leaves them half applied.
        if options.sync == .normal { parameters.append(("synchronous_commit", "off")) }
        configuration.options.additionalStartupParameters = parameters
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runTask = Task { await client.run() }
    }

    /// Stops the pool; operations started afterwards fail.
    func shutdown() async {
        runTask.cancel()
        await runTask.value
    }

    /// Runs `body` on a pooled connection under the deadline, retrying on connection failures.
    /// `onRefusal` may turn an error of `body`'s own (a refusal, not a failure) into a `HistorianError`.
    func perform<Result: Sendable>(
        _ what: String, onRefusal: (any Error) -> HistorianError? = { _ in nil },
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws(HistorianError) -> Result {
        let clock = ContinuousClock()
        let deadline = clock.now + operationTimeout
        var pause = Duration.milliseconds(50)
        var attempt = 1
        while true {
            do {
                return try await Self.withDeadline(deadline) { [client] in
                    try await client.withConnection { connection in try await body(connection) }
                }
            } catch {
                if let refusal = onRefusal(error) { throw refusal }
                let retryable = error is DeadlineExceeded ? false : Self.isConnectionFailure(error)
                if retryable, clock.now + pause < deadline, !Task.isCancelled {
                    logger.warning(
                        "PostgreSQL operation failed; retrying",
                        metadata: ["operation": "\(what)", "attempt": "\(attempt)", "error": "\(Self.describe(error))"])
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, .seconds(1))
                    attempt += 1
                    continue
                }
                if error is DeadlineExceeded {
                    throw HistorianError(
                        .storage,
                        "cannot \(what): PostgreSQL at \(url.host):\(url.port) did not answer within \(operationTimeout) (is the server running and reachable?)")
                }
                throw HistorianError(.storage, "cannot \(what) in PostgreSQL \(url): \(Self.describe(error))")
            }
        }
    }

    /// `perform` inside a transaction: BEGIN, `body`, COMMIT; ROLLBACK if `body` throws.
    func transaction<Result: Sendable>(
        _ what: String, readOnlySnapshot: Bool = false, onRefusal: (any Error) -> HistorianError? = { _ in nil },
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Result
    ) async throws(HistorianError) -> Result {
        let logger = logger
        return try await perform(what, onRefusal: onRefusal) { connection in
            // A read-only snapshot sees the staging table and the chunks as of one instant, so a fold that
            // moves samples from one to the other while a query runs can neither hide nor double them.
            _ = try await connection.query(
                readOnlySnapshot ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN", logger: logger)
            do {
                let result = try await body(connection, logger)
                _ = try await connection.query("COMMIT", logger: logger)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    struct DeadlineExceeded: Error {}

    /// Runs `body`, or throws `DeadlineExceeded` at `deadline` (cancelling `body`).
    static func withDeadline<Result: Sendable>(
        _ deadline: ContinuousClock.Instant, _ body: @escaping @Sendable () async throws -> Result
    ) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                throw DeadlineExceeded()
            }
            defer { group.cancelAll() }
            // The first child to finish decides; the other is cancelled.
            guard let first = try await group.next(), let result = first else { throw DeadlineExceeded() }
            return result
        }
    }

    /// Whether `error` means the connection (not the SQL) failed, so the operation may succeed on a new one.
    static func isConnectionFailure(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError].contains {
                $0.map(isConnectionFailure) ?? false
            }
        }
        if let error = error as? PSQLError {
            switch error.code {
            case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return true
            case .server:
                // Class 08 (connection exception) and 57P (operator intervention: shutdown, crash, starting up).
                let state = error.serverInfo?[.sqlState] ?? ""
                return state.hasPrefix("08") || state.hasPrefix("57P")
            default:
                return false
            }
        }
        if error is ChannelError || error is IOError { return true }
        return false
    }

    /// A message a person can act on: the server's message and SQLSTATE, or the connection failure.
    /// (`PSQLError.description` is deliberately generic.)
    static func describe(_ error: any Error) -> String {
        if let transaction = error as? PostgresTransactionError {
            let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError
            return inner.map(describe) ?? "the transaction failed"
        }
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                var text = info[.message] ?? "the server refused the request"
                if let state = info[.sqlState] { text += " (SQLSTATE \(state))" }
                if let detail = info[.detail] { text += "; \(detail)" }
                if let hint = info[.hint] { text += "; hint: \(hint)" }
                return text
            }
            var text = "\(error.code)"
            if let underlying = error.underlying { text += ": \(underlying)" }
            return text
        }
        return "\(error)"
    }
}
