import Crypto
import Foundation
import GRDB
import MillraceCore
import MillraceSecurity
import MillraceTestSupport
import SecurityStore
import Testing

@Suite struct SecurityStoreMigrationTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    @Test func aFreshDatabaseHasEverySchemaVersion() throws {
        let store = try SecurityStore()
        #expect(try store.appliedVersions() == SecurityStore.knownVersions)
        #expect(SecurityStore.knownVersions == ["v1", "v2"])
    }

    @Test func aVersion1DatabaseMigratesAndKeepsItsUsersTokensAndSessions() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("security.sqlite")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/security-v1.sqlite", toPath: path)

        let store = try SecurityStore(path: path)
        #expect(try store.appliedVersions() == ["v1", "v2"])
        let bob = try #require(try store.user(named: "BOB"))  // names are case-insensitive
        #expect(bob.bindings == [RoleBinding(role: .operator, scope: try AssetPath("dayton/packaging/line-2"))])
        #expect(try store.apiTokens(owner: "alice").map(\.name) == ["mes"])
        #expect(try store.setupToken()?.isSpent == true)
        let session = try #require(try store.session(hash: sha256("session")))
        #expect(session.address == nil)  // the v2 column, empty for old rows
        try store.setSetting("k", "v")  // the v2 table
        #expect(try store.setting("k") == "v")

        // The migrated users still log in with their v1 password hashes.
        let clock = TestClock()
        let service = try SecurityService(
            store: store, secretBox: try SecretBox(key: [UInt8](repeating: 1, count: 32)),
            audit: try AuditLogFile(path: directory.file("audit.log")), clock: clock,
            configuration: SecurityServiceConfiguration(mfaPolicy: MFAPolicy(requiredFromRole: nil), passwordIterations: 1_000),
            random: SplitMix64(seed: 1))
        let login = try await service.login(username: "alice", password: "correct horse battery staple", address: "10.0.0.1")
        #expect(login.principal.bindings == [RoleBinding(role: .admin)])
        #expect(try await service.setupStatus() == .complete)
    }

    @Test func aDatabaseFromANewerMillraceIsRefusedWithAClearMessage() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("security.sqlite")
        _ = try SecurityStore(path: path)
        try DatabaseQueue(path: path).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99')") }
        #expect {
            _ = try SecurityStore(path: path)
        } throws: { error in
            let error = error as? SecurityStoreError
            return error?.code == .migrationFailed && error?.message.contains("newer Millrace") == true
        }
    }

    @Test func aFileThatIsNotADatabaseIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("security.sqlite", "this is not SQLite, just text that someone put here\n")
        #expect(throws: SecurityStoreError.self) { _ = try SecurityStore(path: path) }
    }

    @Test func theDatabaseFileIsPrivate() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("security.sqlite")
        _ = try SecurityStore(path: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

func sha256(_ text: String) -> String { Hex.encode(SHA256.hash(data: Array(text.utf8))) }
