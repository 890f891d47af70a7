import Foundation
import GRDB
import MillraceCore
import MillraceSecurity

/// The security database, `security.sqlite` in the data directory: users, role bindings, API tokens,
/// service accounts, sessions and the first-start setup token. Kept apart from the historian so a backup
/// or a copy of plant data never carries credentials, and so its schema migrates on its own.
///
/// A thin typed layer over SQLite (GRDB): no policy here. `SecurityService` decides; this stores.
/// Every method is synchronous and short; callers are the `SecurityService` actor and the CLI.
public final class SecurityStore: Sendable {
    /// The file name inside a data directory.
    public static let fileName = "security.sqlite"

    public let path: String
    private let queue: DatabaseQueue

    /// Opens (creating if needed, mode 0600) the database at `path` and migrates it to the current schema.
    public init(path: String) throws(SecurityStoreError) {
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            queue = try DatabaseQueue(path: path)
        } catch {
            throw SecurityStoreError(.cannotOpen, "cannot open the security database \(path): \(error)")
        }
        self.path = path
        if !existed { chmod(path, 0o600) }
        try migrate()
    }

    /// An in-memory database, for tests.
    public init() throws(SecurityStoreError) {
        do { queue = try DatabaseQueue() } catch {
            throw SecurityStoreError(.cannotOpen, "cannot open an in-memory database: \(error)")
        }
        path = ":memory:"
        try migrate()
    }

    private func migrate() throws(SecurityStoreError) {
        let migrator = Self.migrator
        do {
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(migrator.migrations)
            guard unknown.isEmpty else {
                throw SecurityStoreError(
                    .migrationFailed,
                    "\(path) has schema versions \(unknown.sorted()) this build does not know "
                        + "(written by a newer Millrace); upgrade Millrace or restore a backup")
            }
            try migrator.migrate(queue)
        } catch let error as SecurityStoreError {
            throw error
        } catch {
            throw SecurityStoreError(.migrationFailed, "cannot migrate the security database \(path): \(error)")
        }
    }

    /// The schema versions applied to this database, oldest first.
    public func appliedVersions() throws(SecurityStoreError) -> [String] {
        let migrator = Self.migrator
        let applied = try read("read the schema version") { db in try migrator.appliedIdentifiers(db) }
        return migrator.migrations.filter(applied.contains)
    }

    // MARK: - Access helpers

    func read<T>(_ what: String, _ body: @Sendable (Database) throws -> T) throws(SecurityStoreError) -> T {
        do { return try queue.read(body) } catch let error as SecurityStoreError { throw error } catch {
            throw SecurityStoreError(.storage, "cannot \(what) in \(path): \(error)")
        }
    }

    func write<T>(_ what: String, _ body: @Sendable (Database) throws -> T) throws(SecurityStoreError) -> T {
        do {
            return try queue.write(body)
        } catch let error as SecurityStoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw SecurityStoreError(.duplicate, "cannot \(what): it already exists")
        } catch {
            throw SecurityStoreError(.storage, "cannot \(what) in \(path): \(error)")
        }
    }
}
