/// A proposed password that breaks one or more rules of the `PasswordPolicy`.
public struct PasswordPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    public var violations: [PasswordPolicyViolation]

    public init(violations: [PasswordPolicyViolation]) { self.violations = violations }

    public var description: String { violations.map(\.description).joined(separator: " ") }
}
