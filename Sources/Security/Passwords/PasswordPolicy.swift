/// The rules a new password must satisfy, after NIST SP 800-63B §5.1.1.2 and the OWASP Authentication
/// Cheat Sheet: a minimum length rather than composition rules, a generous maximum so passphrases fit,
/// and a block list of the passwords attackers try first.
///
/// No composition rules ("one digit, one symbol") and no periodic expiry: both push people toward
/// predictable passwords (NIST SP 800-63B §5.1.1.2).
public struct PasswordPolicy: Hashable, Sendable {
    /// Minimum length in characters (Unicode grapheme clusters). OWASP: at least 8, 12+ with no MFA.
    public var minimumLength: Int
    /// Maximum length in characters; long enough for passphrases, short enough to bound hashing cost.
    public var maximumLength: Int
    /// Lower-cased passwords that are refused outright.
    public var blockedPasswords: Set<String>

    public init(
        minimumLength: Int = 12, maximumLength: Int = 256,
        blockedPasswords: Set<String> = PasswordPolicy.commonPasswords
    ) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
        self.blockedPasswords = Set(blockedPasswords.map { $0.lowercased() })
    }

    /// Every rule `password` breaks for the account `username`; empty when the password is acceptable.
    public func violations(of password: String, username: String) -> [PasswordPolicyViolation] {
        var found: [PasswordPolicyViolation] = []
        let length = password.count
        if length < minimumLength { found.append(.tooShort(minimum: minimumLength, actual: length)) }
        if length > maximumLength { found.append(.tooLong(maximum: maximumLength)) }
        let folded = password.lowercased()
        if !username.isEmpty, folded == username.lowercased() { found.append(.equalsUsername) }
        if blockedPasswords.contains(folded) { found.append(.commonPassword) }
        if length > 0, Set(password).count == 1 { found.append(.repeatedCharacter) }
        return found
    }

    /// Throws the first broken rule; the message lists all of them.
    public func validate(_ password: String, username: String) throws(PasswordPolicyError) {
        let found = violations(of: password, username: username)
        if !found.isEmpty { throw PasswordPolicyError(violations: found) }
    }

    /// A short list of the most common passwords of at least 12 characters (from public breach corpora
    /// such as the SecLists "10k most common" list), plus plant-floor favourites. Shorter ones are already
    /// refused by the length rule.
    public static let commonPasswords: Set<String> = [
        "123456789012", "1234567890123", "12345678901234", "123123123123", "111111111111", "000000000000",
        "qwertyuiopasdfgh", "qwertyuiop123", "qwerty123456", "1q2w3e4r5t6y", "1qaz2wsx3edc", "zaq12wsxcde3",
        "password1234", "password12345", "password123456", "passwordpassword", "password1234!", "p@ssw0rd1234",
        "iloveyou1234", "letmein12345", "welcome12345", "welcome123456", "changeme1234", "changeme123!",
        "administrator", "administrator1", "admin1234567", "adminadmin123", "rootroot1234", "superuser123",
        "trustno1trustno1", "abcdefghijkl", "abc123abc123", "monkey123456", "football1234", "baseball1234",
        "dragon123456", "sunshine1234", "princess1234", "starwars1234", "whatever1234", "master123456",
        "millrace1234", "millrace12345", "millraceadmin", "scada1234567", "operator1234", "engineer1234",
        "plcpassword1", "siemens12345", "wonderware12", "rockwell1234", "factory12345", "manufacturing",
    ]
}
