import Crypto

/// Single-use recovery codes for a user who lost their authenticator (OWASP Multifactor Authentication
/// Cheat Sheet, "Recovery codes").
///
/// Each code carries 80 random bits (16 base32 characters, shown as `abcd-efgh-ijkl-mnop`), so storing
/// its SHA-256 is safe against offline guessing without a slow hash. Only the hashes are kept; a redeemed
/// code's hash is removed, so it works once.
public struct RecoveryCodes: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Hex SHA-256 digests of the normalised codes still unused.
    public private(set) var hashes: [String]

    public init(hashes: [String]) { self.hashes = hashes }

    /// Generates `count` fresh codes; returns the plaintext codes (show them once) and the stored set.
    public static func generate<G: RandomNumberGenerator>(count: Int = 10, using generator: inout G)
        -> (codes: [String], stored: RecoveryCodes)
    {
        var codes: [String] = []
        for _ in 0..<count {
            let raw = Base32.encode(SecureRandom.bytes(count: 10, using: &generator), padding: false).lowercased()
            let characters = Array(raw)
            let groups = stride(from: 0, to: 16, by: 4).map { String(characters[$0..<$0 + 4]) }
            codes.append(groups.joined(separator: "-"))
        }
        return (codes, RecoveryCodes(hashes: codes.map(digest)))
    }

    /// How many codes are left.
    public var remaining: Int { hashes.count }

    /// Uses `code` if it is one of the unused codes: returns true and removes it. Case, spaces and
    /// hyphens are ignored. Every stored hash is compared, in constant time.
    public mutating func redeem(_ code: String) -> Bool {
        let candidate = Array(Self.digest(code).utf8)
        var matchIndex: Int?
        for (index, stored) in hashes.enumerated() where ConstantTime.equals(Array(stored.utf8), candidate) {
            matchIndex = index
        }
        guard let matchIndex else { return false }
        hashes.remove(at: matchIndex)
        return true
    }

    static func digest(_ code: String) -> String {
        let normalized = code.lowercased().utf8.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: " ") }
        return Hex.encode(SHA256.hash(data: Array(normalized)))
    }

    public var description: String { "RecoveryCodes(\(remaining) remaining)" }
}
