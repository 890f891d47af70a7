import Foundation
import MillraceCore
import MillraceSecurity
import MillraceTestSupport
import SecurityStore

/// A `SecurityService` on an in-memory store, a test clock, a seeded generator and an audit log in a
/// temporary directory; PBKDF2 at 1,000 iterations so tests stay fast.
struct SecurityHarness {
    let directory: TemporaryDirectory
    let clock: TestClock
    let store: SecurityStore
    let service: SecurityService
    let box: SecretBox

    static let password = "correct horse battery staple"
    static let admin = AuditActor(kind: .system, id: "test")

    init(
        mfaPolicy: MFAPolicy = MFAPolicy(requiredFromRole: nil),
        throttle: LoginThrottleConfiguration = LoginThrottleConfiguration(), seed: UInt64 = 7
    ) throws {
        directory = try TemporaryDirectory(prefix: "security-store")
        clock = TestClock()
        store = try SecurityStore()
        box = try SecretBox(key: [UInt8](repeating: 0x42, count: 32))
        service = try SecurityService(
            store: store, secretBox: box, audit: try AuditLogFile(path: directory.file("audit.log")), clock: clock,
            configuration: SecurityServiceConfiguration(mfaPolicy: mfaPolicy, throttle: throttle, passwordIterations: 1_000),
            random: SplitMix64(seed: seed))
    }

    var auditPath: String { directory.file("audit.log") }

    /// The `type` of every audit record so far, in order.
    func auditTypes() throws -> [String] {
        try auditRecords().map { $0.event.action.fields.type }
    }

    func auditRecords() throws -> [AuditRecord] {
        let text = try String(contentsOfFile: auditPath, encoding: .utf8)
        return try text.split(separator: "\n").map { try AuditRecord(jsonLine: String($0)) }
    }

    @discardableResult
    func addUser(_ name: String, _ bindings: RoleBinding...) async throws -> UserSummary {
        try await service.createUser(name: name, password: Self.password, bindings: bindings, by: Self.admin)
    }
}

extension TOTP {
    /// The TOTP of a secret given in base32, as an authenticator app would hold it.
    static func fromBase32(_ text: String) throws -> TOTP { try TOTP(secret: try Base32.decode(text)) }
}
