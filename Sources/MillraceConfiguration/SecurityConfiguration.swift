import MillraceCore

/// When the HTTP listener speaks TLS.
public enum TLSMode: String, ConfigEnum {
    /// TLS whenever the listener can be reached from another machine (any address but loopback); plain HTTP
    /// only on 127.0.0.1 / ::1 / localhost, where nothing leaves the host (the default; ADR 0017).
    case auto
    /// Always TLS, loopback included.
    case on
    /// Never TLS. Refused on a non-loopback address unless `allowPlaintextOnNetwork` says so on purpose.
    case off
}

/// Who must pass a second factor at login.
public enum MFARequirement: String, ConfigEnum {
    case everyone, `operator`, engineer, admin, none
}

/// The `security:` section: TLS, the secret key, MFA policy and the edge's outbound-only mode (docs/security.md).
public struct SecurityConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var tls: TLSMode
    /// The plant's certificate chain (PEM) for HTTPS; with `privateKey`. Without it Millrace makes a self-signed
    /// certificate in DATA-DIR/tls on first start.
    public var certificate: String?
    public var privateKey: String?
    /// The key that encrypts secrets at rest (TOTP seeds, `secret:` values of this file); default DATA-DIR/secret.key.
    /// Keep it out of backups of the data directory.
    public var secretKeyFile: String?
    /// Who needs MFA: everyone, or anyone holding at least this role (default admin), or none.
    public var mfa: MFARequirement
    /// Asset paths (usually sites) where every user with a role needs MFA, whatever `mfa` says.
    public var mfaScopes: [String]
    /// Edge mode: no HTTP listener at all; the node only makes outbound connections (to devices, PostgreSQL).
    public var outboundOnly: Bool
    /// `tls: off` on an address other than loopback is refused unless this is true.
    public var allowPlaintextOnNetwork: Bool

    public enum Keys: String, CodingKey, CaseIterable {
        case tls, certificate, privateKey, secretKeyFile, mfa, mfaScopes, outboundOnly, allowPlaintextOnNetwork
    }

    public init(
        tls: TLSMode = .auto, certificate: String? = nil, privateKey: String? = nil, secretKeyFile: String? = nil,
        mfa: MFARequirement = .admin, mfaScopes: [String] = [], outboundOnly: Bool = false,
        allowPlaintextOnNetwork: Bool = false
    ) {
        self.tls = tls
        self.certificate = certificate
        self.privateKey = privateKey
        self.secretKeyFile = secretKeyFile
        self.mfa = mfa
        self.mfaScopes = mfaScopes
        self.outboundOnly = outboundOnly
        self.allowPlaintextOnNetwork = allowPlaintextOnNetwork
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        let path: (String) -> String? = { $0.isEmpty || $0.contains("\0") ? "found '\($0.prefix(80))', expected a file path" : nil }
        tls = try container.decodeIfPresent(TLSMode.self, forKey: .tls) ?? .auto
        certificate = try container.decodeIfPresent(String.self, forKey: .certificate, check: path)
        privateKey = try container.decodeIfPresent(String.self, forKey: .privateKey, check: path)
        if (certificate == nil) != (privateKey == nil) {
            throw container.invalid(
                certificate == nil ? .certificate : .privateKey,
                "found only one of certificate and privateKey, expected both (the plant's PEM chain and its key) or neither")
        }
        secretKeyFile = try container.decodeIfPresent(String.self, forKey: .secretKeyFile, check: path)
        mfa = try container.decodeIfPresent(MFARequirement.self, forKey: .mfa) ?? .admin
        mfaScopes = try container.decodeIfPresent([String].self, forKey: .mfaScopes) { scopes in
            for scope in scopes {
                if (try? AssetPath(scope)) == nil { return "found '\(scope.prefix(80))', expected an asset path such as 'site-a'" }
            }
            return nil
        } ?? []
        outboundOnly = try container.decodeIfPresent(Bool.self, forKey: .outboundOnly) ?? false
        allowPlaintextOnNetwork = try container.decodeIfPresent(Bool.self, forKey: .allowPlaintextOnNetwork) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(tls, forKey: .tls)
        try container.encodeIfPresent(certificate, forKey: .certificate)
        try container.encodeIfPresent(privateKey, forKey: .privateKey)
        try container.encodeIfPresent(secretKeyFile, forKey: .secretKeyFile)
        try container.encode(mfa, forKey: .mfa)
        if !mfaScopes.isEmpty { try container.encode(mfaScopes, forKey: .mfaScopes) }
        if outboundOnly { try container.encode(outboundOnly, forKey: .outboundOnly) }
        if allowPlaintextOnNetwork { try container.encode(allowPlaintextOnNetwork, forKey: .allowPlaintextOnNetwork) }
    }

    /// Whether an HTTP listener on `host` speaks TLS under this policy.
    public func usesTLS(host: String) -> Bool {
        switch tls {
        case .on: true
        case .off: false
        case .auto: !Self.isLoopback(host)
        }
    }

    /// 127.0.0.0/8, ::1 and localhost: addresses other machines cannot reach.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        if lowered == "localhost" || lowered == "::1" || lowered == "[::1]" { return true }
        let parts = lowered.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }
}
