import Crypto

/// A bearer secret: a kind prefix plus 256 random bits in base64url (RFC 4648 §5), e.g.
/// `mr_api_3q2-7w…` (43 characters after the prefix).
///
/// 256 bits make guessing hopeless (OWASP Session Management Cheat Sheet asks for at least 64 bits of
/// entropy), so the server stores only `hash` — the SHA-256 of the whole token — and looks tokens up by
/// it; a database leak reveals no usable token. `description` shows the prefix only.
public struct SecretToken: Hashable, Sendable, CustomStringConvertible {
    /// Random bytes per token.
    public static let byteCount = 32
    static let encodedLength = 43  // ceil(32 * 8 / 6), unpadded

    public let kind: TokenKind
    /// The full token text, to hand to the client exactly once.
    public let text: String

    /// A fresh token of `kind` from `generator` (the system CSPRNG in production).
    public static func generate<G: RandomNumberGenerator>(_ kind: TokenKind, using generator: inout G) -> SecretToken {
        SecretToken(
            kind: kind, text: kind.prefix + Base64URL.encode(SecureRandom.bytes(count: byteCount, using: &generator)))
    }

    private init(kind: TokenKind, text: String) {
        self.kind = kind
        self.text = text
    }

    /// Parses a presented token, checking its prefix, length and alphabet (not its validity).
    public init(parsing text: String, expecting kind: TokenKind) throws(SecurityError) {
        guard text.hasPrefix(kind.prefix) else {
            throw SecurityError(.malformedToken, "expected a token starting with '\(kind.prefix)'")
        }
        let body = text.utf8.dropFirst(kind.prefix.utf8.count)
        guard body.count == Self.encodedLength,
            body.allSatisfy({ Self.isBase64URL($0) }),
            (try? Base64URL.decode(String(decoding: body, as: UTF8.self)))?.count == Self.byteCount
        else {
            throw SecurityError(
                .malformedToken, "a '\(kind.prefix)' token has \(Self.encodedLength) base64url characters")
        }
        self.init(kind: kind, text: text)
    }

    /// The hex SHA-256 of the token text: what is stored and looked up.
    public var hash: String { Self.hash(of: text) }

    static func hash(of text: String) -> String { Hex.encode(SHA256.hash(data: Array(text.utf8))) }

    /// Whether this token's hash equals `storedHash`, in constant time.
    public func matches(storedHash: String) -> Bool {
        ConstantTime.equals(Array(hash.utf8), Array(storedHash.utf8))
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    public var description: String { "\(kind.prefix)… (redacted)" }
}
