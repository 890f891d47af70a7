/// A stored password hash in the PHC string format (https://github.com/P-H-C/phc-string-format):
/// `$pbkdf2-sha256$i=600000$<salt>$<hash>`, salt and hash in unpadded standard base64.
///
/// `description` shows the parameters only, never the salt or the derived key.
public struct PasswordHash: Hashable, Sendable, CustomStringConvertible {
    /// The PHC algorithm identifier.
    public static let algorithm = "pbkdf2-sha256"
    /// A stored hash with more iterations than this is refused, so a corrupted or hostile value
    /// cannot make a single login burn minutes of CPU.
    public static let maximumIterations = 100_000_000

    public var iterations: Int
    public var salt: [UInt8]
    public var derivedKey: [UInt8]

    public init(iterations: Int, salt: [UInt8], derivedKey: [UInt8]) {
        self.iterations = iterations
        self.salt = salt
        self.derivedKey = derivedKey
    }

    /// Parses a PHC string, reporting which part is wrong (without echoing the value).
    public init(encoded: String) throws(SecurityError) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty else {
            throw SecurityError(.malformedPasswordHash, "expected $\(Self.algorithm)$i=<iterations>$<salt>$<hash>")
        }
        guard parts[1] == Self.algorithm else {
            throw SecurityError(.malformedPasswordHash, "unsupported algorithm '\(parts[1].prefix(32))'")
        }
        guard parts[2].hasPrefix("i="), let iterations = Int(parts[2].dropFirst(2)),
            iterations >= 1, iterations <= Self.maximumIterations
        else {
            throw SecurityError(
                .malformedPasswordHash, "the parameter must be i=<iterations> with 1...\(Self.maximumIterations)")
        }
        let salt = try Base64URL.decodeUnpaddedStandard(String(parts[3]))
        let derivedKey = try Base64URL.decodeUnpaddedStandard(String(parts[4]))
        guard !salt.isEmpty, derivedKey.count >= 16 else {
            throw SecurityError(.malformedPasswordHash, "the salt is empty or the hash shorter than 16 bytes")
        }
        self.init(iterations: iterations, salt: salt, derivedKey: derivedKey)
    }

    /// The PHC string to store.
    public var encoded: String {
        "$\(Self.algorithm)$i=\(iterations)$\(Base64URL.encodeUnpaddedStandard(salt))$"
            + Base64URL.encodeUnpaddedStandard(derivedKey)
    }

    public var description: String {
        "PasswordHash(\(Self.algorithm), i=\(iterations), salt \(salt.count) bytes, hash \(derivedKey.count) bytes)"
    }
}
