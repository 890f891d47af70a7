import MillraceCore
import MillraceSecurity

/// A stored user: the password as a PHC hash, the TOTP secret sealed with `SecretBox`, the unused recovery
/// codes as SHA-256 hashes, and the role bindings. `description` shows none of the secrets.
public struct UserRecord: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var passwordHash: String
    public var disabled: Bool
    /// The confirmed TOTP secret, sealed (`SecretBox`, context `user/<name>/totp`); nil without MFA.
    public var mfaSecret: String?
    /// A secret handed out by `enrollTOTP` and not yet confirmed with a code.
    public var mfaPendingSecret: String?
    public var recoveryCodes: RecoveryCodes
    /// The step of the last accepted TOTP code (RFC 6238 §5.2: each code is accepted once).
    public var lastTOTPStep: Int64?
    public var createdAt: Timestamp
    public var bindings: [RoleBinding]

    public init(
        name: String, passwordHash: String, disabled: Bool = false, mfaSecret: String? = nil,
        mfaPendingSecret: String? = nil, recoveryCodes: RecoveryCodes = RecoveryCodes(hashes: []),
        lastTOTPStep: Int64? = nil, createdAt: Timestamp, bindings: [RoleBinding] = []
    ) {
        self.name = name
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.mfaSecret = mfaSecret
        self.mfaPendingSecret = mfaPendingSecret
        self.recoveryCodes = recoveryCodes
        self.lastTOTPStep = lastTOTPStep
        self.createdAt = createdAt
        self.bindings = bindings
    }

    /// Whether a second factor is enrolled.
    public var hasMFA: Bool { mfaSecret != nil }

    /// The principal the API acts as for this user.
    public var principal: Principal { Principal(kind: .user, id: name, bindings: bindings, isDisabled: disabled) }

    public var description: String {
        "UserRecord('\(name)', \(bindings.map(\.description).joined(separator: "; "))\(disabled ? ", disabled" : "")"
            + "\(hasMFA ? ", MFA" : ""))"
    }
}

/// A stored browser session with the address it was opened from.
public struct SessionRecord: Hashable, Sendable {
    public var session: SessionToken
    public var address: String?

    public init(session: SessionToken, address: String?) {
        self.session = session
        self.address = address
    }
}
