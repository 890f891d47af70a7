import MillraceCore

/// Time-based one-time passwords, RFC 6238, built on HOTP, RFC 4226.
///
/// `T = floor((unixTime - T0) / X)` with `T0 = 0` and `X = period` (RFC 6238 §4.2); the code is
/// `HOTP(K, T)` (RFC 4226 §5.3: HMAC, dynamic truncation, modulo `10^digits`). Verification accepts
/// `window` steps either side for clock drift (RFC 6238 §5.2 recommends at most one) and refuses a step
/// at or before the last accepted one, so a code observed over a shoulder cannot be used twice.
///
/// `description` never shows the secret.
public struct TOTP: Hashable, Sendable, CustomStringConvertible {
    /// The shared secret K. RFC 4226 §4 R6: at least 128 bits, 160 recommended.
    public let secret: [UInt8]
    public let algorithm: OTPAlgorithm
    /// 6 to 8 decimal digits (RFC 4226 §5.3 requires at least 6; RFC 6238's vectors use 8).
    public let digits: Int
    /// The time step X in seconds; 30 by default (RFC 6238 §5.2).
    public let period: Int64
    /// Steps accepted either side of the current one.
    public let window: Int64

    public init(
        secret: [UInt8], algorithm: OTPAlgorithm = .sha1, digits: Int = 6, period: Int64 = 30, window: Int64 = 1
    )
        throws(SecurityError)
    {
        guard secret.count >= 16 else {
            throw SecurityError(.invalidOTPParameters, "the secret must be at least 128 bits (RFC 4226 §4 R6)")
        }
        guard (6...8).contains(digits) else {
            throw SecurityError(.invalidOTPParameters, "digits must be 6, 7 or 8")
        }
        guard (1...300).contains(period) else {
            throw SecurityError(.invalidOTPParameters, "the period must be 1 to 300 seconds")
        }
        guard (0...3).contains(window) else {
            throw SecurityError(.invalidOTPParameters, "the window must be 0 to 3 steps")
        }
        self.secret = secret
        self.algorithm = algorithm
        self.digits = digits
        self.period = period
        self.window = window
    }

    /// A fresh secret as long as the algorithm's digest (RFC 4226 §4 R6, RFC 6238 §5.1).
    public static func generateSecret<G: RandomNumberGenerator>(
        for algorithm: OTPAlgorithm = .sha1, using generator: inout G
    )
        -> [UInt8]
    {
        SecureRandom.bytes(count: algorithm.digestLength, using: &generator)
    }

    /// The time step that contains `time` (RFC 6238 §4.2).
    public func step(at time: Timestamp) -> Int64 {
        let seconds = time.seconds
        return seconds >= 0 ? seconds / period : -((-seconds + period - 1) / period)
    }

    /// The code for `time`.
    public func code(at time: Timestamp) -> String { code(forStep: step(at: time)) }

    /// HOTP(K, C) for counter `counter` (RFC 4226 §5.3).
    public func code(forStep counter: Int64) -> String {
        var message = [UInt8](repeating: 0, count: 8)
        let value = UInt64(bitPattern: counter)
        for index in 0..<8 { message[index] = UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * index)) }
        let mac = algorithm.mac(key: secret, message: message)
        // RFC 4226 §5.4 dynamic truncation: the low nibble of the last byte picks a 31-bit window.
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8)
            | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: digits - text.count) + text
    }

    /// Checks `code` at `time`. Pass the step returned by the last accepted verification (or nil) as
    /// `lastUsedStep`; store the step of an `.accepted` result.
    ///
    /// Spaces in the code are ignored (apps show "123 456"). Candidates are compared in constant time and
    /// all steps in the window are always computed.
    public func verify(_ code: String, at time: Timestamp, lastUsedStep: Int64?) -> TOTPVerification {
        let cleaned = Array(code.utf8.filter { $0 != UInt8(ascii: " ") })
        guard cleaned.count == digits, cleaned.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return .rejected
        }
        let current = step(at: time)
        // Two steps of the window may share a code (p ≈ 10^-digits); prefer the earliest step not yet used.
        var matchedFresh: Int64?
        var matchedUsed = false
        for candidate in (current - window)...(current + window) {
            let isMatch = ConstantTime.equals(Array(self.code(forStep: candidate).utf8), cleaned)
            let isUsed = lastUsedStep.map { candidate <= $0 } ?? false
            if isMatch, isUsed { matchedUsed = true }
            if isMatch, !isUsed, matchedFresh == nil { matchedFresh = candidate }
        }
        if let matchedFresh { return .accepted(step: matchedFresh) }
        return matchedUsed ? .replayed : .rejected
    }

    public var description: String {
        "TOTP(\(algorithm.rawValue), \(digits) digits, \(period) s, ±\(window) steps, secret redacted)"
    }
}
