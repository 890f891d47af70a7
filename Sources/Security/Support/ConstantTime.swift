/// Comparisons of secret values whose running time does not depend on where the inputs differ.
///
/// An early-exit `==` on a token or hash leaks, through timing, how many leading bytes an attacker guessed
/// right (OWASP Authentication Cheat Sheet, "Compare password hashes using safe functions").
/// Only the lengths may leak, and every caller compares fixed-length digests or tokens.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` hold the same bytes, examining every byte of the shorter input.
    public static func equals<L: Collection<UInt8>, R: Collection<UInt8>>(_ lhs: L, _ rhs: R) -> Bool {
        var difference: UInt8 = lhs.count == rhs.count ? 0 : 1
        for (a, b) in zip(lhs, rhs) { difference |= a ^ b }
        return difference == 0
    }

    /// Whether two strings have the same UTF-8 bytes, in constant time for equal lengths.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
