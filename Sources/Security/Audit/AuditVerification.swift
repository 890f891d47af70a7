/// The verdict of `AuditChainVerifier`.
public enum AuditVerification: Hashable, Sendable, CustomStringConvertible {
    /// Every link holds; `headHash` is the last record's hash, worth keeping as the next anchor.
    case intact(count: Int, headHash: String)
    case broken(AuditChainBreak)

    public var isIntact: Bool {
        if case .intact = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .intact(let count, let head): "audit trail intact: \(count) records, head \(head)"
        case .broken(let failure): "audit trail BROKEN at \(failure)"
        }
    }
}
