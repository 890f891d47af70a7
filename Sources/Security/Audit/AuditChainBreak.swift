/// The first place an audit chain is broken, for `millrace audit verify`.
public struct AuditChainBreak: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// The record's contents do not match its hash: it was edited.
        case contentModified
        /// The record's `previousHash` is not the hash of the record before it: a record was removed,
        /// inserted or moved, or the previous one was edited and re-hashed.
        case linkBroken(expectedPreviousHash: String, found: String)
        /// Sequence numbers jump or go back: records were removed or reordered.
        case sequenceMismatch(expected: UInt64, found: UInt64)
        /// The line cannot be parsed as a record.
        case malformed(reason: String)
        /// The log ends before the anchored head: records were cut off the end.
        case truncated(expectedLastSequence: UInt64, foundLastSequence: UInt64?)
        /// The anchored record's hash differs from the anchor: the log was rewritten from there on.
        case anchorMismatch
    }

    /// The 0-based position (line) in the log where the break was found.
    public var position: Int
    public var kind: Kind

    public init(position: Int, kind: Kind) {
        self.position = position
        self.kind = kind
    }

    public var description: String {
        let place = "record \(position + 1)"
        switch kind {
        case .contentModified: return "\(place): contents do not match its hash (the record was modified)"
        case .linkBroken(let expected, let found):
            return "\(place): previous hash \(found.prefix(16))… should be \(expected.prefix(16))… "
                + "(a record before it was removed, inserted, reordered or modified)"
        case .sequenceMismatch(let expected, let found):
            return "\(place): sequence \(found), expected \(expected) (records removed or reordered)"
        case .malformed(let reason): return "\(place): not a valid record: \(reason)"
        case .truncated(let expected, let found):
            let last = found.map(String.init) ?? "none"
            return "the log ends at sequence \(last), but the anchor says \(expected) (records removed from the end)"
        case .anchorMismatch:
            return "\(place): its hash differs from the anchor kept outside the log (the log was rewritten)"
        }
    }
}
