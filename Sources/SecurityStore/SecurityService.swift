import Foundation
import MillraceCore
import MillraceSecurity

/// Users, logins, sessions, tokens and MFA, with every change audited: the pure rules of
/// `MillraceSecurity` applied to the `SecurityStore`, with the time from a `WallClock` and the records in
/// an `AuditLogFile`.
///
/// The HTTP layer (`APIAuth`) and the CLI call this; neither touches the store directly. Admin operations
/// take the acting `AuditActor`; the caller has already checked the actor's permission (the routes with
/// `requirePermission(.manageUsers)`, the CLI by running on the server with access to the data directory).
///
/// Password hashing (PBKDF2, about 0.3 s) runs off the actor, so a login never stalls the authentication of
/// other requests. The throttle is checked before and updated after it; concurrent attempts on one name may
/// overshoot the lockout threshold by the number in flight.
public actor SecurityService {
    public let store: SecurityStore
    public nonisolated let configuration: SecurityServiceConfiguration
    let secretBox: SecretBox
    let audit: AuditLogFile
    let clock: any WallClock
    let hasher: PasswordHasher
    let csrf: CSRFProtection
    var throttle: LoginThrottle
    var random: ErasedRandomNumberGenerator
    /// A hash of a random password, verified when the user name is unknown so that the answer takes as
    /// long as for a known name (OWASP Authentication Cheat Sheet: no user enumeration by timing). Made on
    /// the first login, so the CLI's verbs do not pay for it.
    var dummyPasswordHash: String?

    /// Lockouts and bursts of failed logins as they happen, for the security monitor to raise alarms
    /// (also audited as `securityAlert`). Buffers the newest 100 if nobody reads.
    public nonisolated let securityEvents: AsyncStream<SecurityEvent>
    let securityEventContinuation: AsyncStream<SecurityEvent>.Continuation

    /// Sessions are written back at most this often on activity (the idle timeout's precision).
    static let touchInterval: Duration = .seconds(60)

    /// `random` is the system CSPRNG in production; tests pass a seeded generator.
    public init(
        store: SecurityStore, secretBox: SecretBox, audit: AuditLogFile, clock: any WallClock,
        configuration: SecurityServiceConfiguration = SecurityServiceConfiguration(),
        random: some RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) throws(SecurityServiceError) {
        var random = random
        let hasher: PasswordHasher
        let csrf: CSRFProtection
        do {
            hasher = try PasswordHasher(iterations: configuration.passwordIterations)
            csrf = try CSRFProtection(key: try Self.csrfKey(store: store, secretBox: secretBox, random: &random))
        } catch {
            throw SecurityServiceError(.invalidInput, "cannot start the security service: \(error)")
        }
        self.hasher = hasher
        self.csrf = csrf
        self.store = store
        self.secretBox = secretBox
        self.audit = audit
        self.clock = clock
        self.configuration = configuration
        self.throttle = LoginThrottle(configuration: configuration.throttle)
        self.random = ErasedRandomNumberGenerator(random)
        (securityEvents, securityEventContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(100))
    }

    /// The CSRF key: 32 random bytes, sealed in the settings table so restarts keep issued tokens valid.
    private static func csrfKey(store: SecurityStore, secretBox: SecretBox, random: inout some RandomNumberGenerator)
        throws -> [UInt8]
    {
        let context = "setting/csrf_key"
        if let sealed = try store.setting("csrf_key") { return try secretBox.open(sealed, context: context) }
        let key = SecureRandom.bytes(count: 32, using: &random)
        try store.setSetting("csrf_key", try secretBox.seal(key, context: context, using: &random))
        return key
    }

    // MARK: - Helpers shared by the extensions

    func now() -> Timestamp { clock.now() }

    func writeAudit(_ action: AuditAction, by actor: AuditActor, asset: AssetPath? = nil) async throws(SecurityServiceError) {
        do { try await audit.append(AuditEvent(time: now(), actor: actor, action: action, asset: asset)) } catch {
            throw SecurityServiceError(.auditUnavailable, "the audit trail cannot be written (\(error.message)); refused")
        }
    }

    func storeCall<T>(_ body: () throws(SecurityStoreError) -> T) throws(SecurityServiceError) -> T {
        do { return try body() } catch { throw SecurityServiceError(error) }
    }

    func existingUser(_ name: String) throws(SecurityServiceError) -> UserRecord {
        guard let user = try storeCall({ () throws(SecurityStoreError) in try store.user(named: name) }) else {
            throw SecurityServiceError(.notFound, "there is no user '\(name.prefix(64))'")
        }
        return user
    }

    /// The hash verified in place of an unknown user's.
    func dummyHash() async throws(SecurityServiceError) -> String {
        if let dummyPasswordHash { return dummyPasswordHash }
        let hash = try await hashPassword(Base64URL.encode(SecureRandom.bytes(count: 24)))
        dummyPasswordHash = hash
        return hash
    }

    nonisolated func verifyPassword(_ password: String, against hash: String) async -> Bool {
        (try? hasher.verify(password, against: hash)) ?? false
    }

    nonisolated func hashPassword(_ password: String) async throws(SecurityServiceError) -> String {
        do { return try hasher.hash(password) } catch {
            throw SecurityServiceError(.invalidInput, "cannot hash the password: \(error.message)")
        }
    }

    /// User and service account names: 1 to 64 of letters, digits, `.`, `_`, `@`, `-`, starting with a
    /// letter or digit (they appear in audit records, cookies' owners and CLI output; no control characters).
    public nonisolated static func validateName(_ name: String) throws(SecurityServiceError) {
        let bytes = Array(name.utf8)
        guard (1...64).contains(bytes.count),
            bytes.allSatisfy({ byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "@")
                    || byte == UInt8(ascii: "-")
            }),
            let first = bytes.first, first != UInt8(ascii: "."), first != UInt8(ascii: "_"),
            first != UInt8(ascii: "@"), first != UInt8(ascii: "-")
        else {
            throw SecurityServiceError(
                .invalidInput,
                "a name is 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit")
        }
    }

    func checkPolicy(_ password: String, username: String) throws(SecurityServiceError) {
        do { try configuration.passwordPolicy.validate(password, username: username) } catch {
            throw SecurityServiceError(.weakPassword, error.description)
        }
    }

    /// Whether the MFA policy asks a second factor of a user with `bindings`.
    public nonisolated func mfaRequired(for bindings: [RoleBinding]) -> Bool {
        configuration.mfaPolicy.isRequired(for: bindings)
    }
}

extension SecurityService {
    /// Opens the security files of a data directory: `security.sqlite`, `audit.log` and the SecretBox key
    /// (`secret.key` there unless `keyFile` names another place, as docs/security.md recommends), creating
    /// the key on first start.
    public static func open(
        dataDirectory: String, keyFile: String? = nil, clock: any WallClock,
        configuration: SecurityServiceConfiguration = SecurityServiceConfiguration()
    ) throws(SecurityServiceError) -> SecurityService {
        do {
            try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        } catch {
            throw SecurityServiceError(.storageFailure, "cannot create the data directory \(dataDirectory)")
        }
        let keyPath = keyFile ?? dataDirectory + "/secret.key"
        let keyFile = SecretBoxKeyFile(path: keyPath)
        let box: SecretBox
        let audit: AuditLogFile
        do {
            if FileManager.default.fileExists(atPath: keyPath) {
                box = try keyFile.load()
            } else {
                var generator = SystemRandomNumberGenerator()
                box = try keyFile.create(using: &generator)
            }
            audit = try AuditLogFile(path: dataDirectory + "/audit.log")
        } catch {
            throw SecurityServiceError(.storageFailure, error.message)
        }
        let store: SecurityStore
        do { store = try SecurityStore(path: dataDirectory + "/" + SecurityStore.fileName) } catch {
            throw SecurityServiceError(error)
        }
        return try SecurityService(
            store: store, secretBox: box, audit: audit, clock: clock, configuration: configuration)
    }
}

/// A concrete wrapper, so the actor's generator is passed `inout` to generic code without opening an
/// existential (which crashes the Swift 6.3.1 compiler's IR generation in some call shapes).
struct ErasedRandomNumberGenerator: RandomNumberGenerator {
    var base: any RandomNumberGenerator

    init(_ base: some RandomNumberGenerator) { self.base = base }

    mutating func next() -> UInt64 { base.next() }
}
