/// One rule of the `PasswordPolicy` that a proposed password breaks, with a message fit for the user.
public enum PasswordPolicyViolation: Hashable, Sendable, CustomStringConvertible {
    case tooShort(minimum: Int, actual: Int)
    case tooLong(maximum: Int)
    case equalsUsername
    case commonPassword
    case repeatedCharacter

    /// A stable code for the API.
    public var code: String {
        switch self {
        case .tooShort: "too_short"
        case .tooLong: "too_long"
        case .equalsUsername: "equals_username"
        case .commonPassword: "common_password"
        case .repeatedCharacter: "repeated_character"
        }
    }

    /// What to tell the person choosing the password (never repeats the password).
    public var description: String {
        switch self {
        case .tooShort(let minimum, let actual):
            "Use at least \(minimum) characters (this one has \(actual)). A few unrelated words make a good passphrase."
        case .tooLong(let maximum): "Use at most \(maximum) characters."
        case .equalsUsername: "The password must not be the same as the user name."
        case .commonPassword: "This password is on the list of the most commonly used passwords; choose another."
        case .repeatedCharacter: "The password must not be one character repeated."
        }
    }
}
