/// Why a login failed, as recorded in the audit trail (the client is told only "invalid credentials",
/// OWASP Authentication Cheat Sheet "Authentication and error messages").
public enum LoginFailureReason: String, Hashable, Sendable, Codable, CaseIterable {
    case unknownUser
    case wrongPassword
    case wrongSecondFactor
    case replayedSecondFactor
    case lockedOut
    case accountDisabled
    case mfaRequired
}
