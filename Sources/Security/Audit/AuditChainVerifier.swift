/// Checks an audit trail record by record and reports the first broken link.
///
/// The chain alone proves that no record was changed, removed or reordered *before the last one*.
/// Removing records from the end, or rewriting the whole tail with fresh hashes, is detected only
/// against an anchor — the sequence and hash of a record copied elsewhere (a checkpoint the app sends to
/// syslog or off the box, or the head shown by the last `millrace audit verify`). Pass it as `anchor`.
public struct AuditChainVerifier: Sendable {
    /// A trusted (sequence, hash) of a record, kept outside the log.
    public struct Anchor: Hashable, Sendable {
        public var sequence: UInt64
        public var hash: String
        public init(sequence: UInt64, hash: String) {
            self.sequence = sequence
            self.hash = hash
        }
    }

    /// The verifier's state between records, so a log can be checked as a stream without loading it.
    public private(set) var recordCount = 0
    public private(set) var lastRecord: AuditRecord?
    public private(set) var firstBreak: AuditChainBreak?
    public let anchor: Anchor?

    public init(anchor: Anchor? = nil) { self.anchor = anchor }

    /// Feeds the next record; after the first break, further records are ignored.
    public mutating func consume(_ record: AuditRecord) {
        guard firstBreak == nil else { return }
        let position = recordCount
        recordCount += 1
        let expectedSequence = lastRecord.map { $0.sequence + 1 } ?? 0
        let expectedPrevious = lastRecord?.hash ?? AuditRecord.genesisHash
        if record.sequence != expectedSequence {
            firstBreak = AuditChainBreak(
                position: position, kind: .sequenceMismatch(expected: expectedSequence, found: record.sequence))
        } else if !ConstantTime.equals(record.previousHash, expectedPrevious) {
            firstBreak = AuditChainBreak(
                position: position,
                kind: .linkBroken(expectedPreviousHash: expectedPrevious, found: record.previousHash))
        } else if !ConstantTime.equals(record.expectedHash, record.hash) {
            firstBreak = AuditChainBreak(position: position, kind: .contentModified)
        } else if let anchor, anchor.sequence == record.sequence, !ConstantTime.equals(anchor.hash, record.hash) {
            firstBreak = AuditChainBreak(position: position, kind: .anchorMismatch)
        }
        lastRecord = record
    }

    /// Feeds a line that could not be parsed.
    public mutating func consumeMalformed(reason: String) {
        guard firstBreak == nil else { return }
        firstBreak = AuditChainBreak(position: recordCount, kind: .malformed(reason: reason))
        recordCount += 1
    }

    /// The verdict after the last record.
    public func finish() -> AuditVerification {
        if let firstBreak { return .broken(firstBreak) }
        if let anchor, (lastRecord?.sequence).map({ $0 < anchor.sequence }) ?? true {
            return .broken(
                AuditChainBreak(
                    position: recordCount,
                    kind: .truncated(expectedLastSequence: anchor.sequence, foundLastSequence: lastRecord?.sequence)))
        }
        return .intact(count: recordCount, headHash: lastRecord?.hash ?? AuditRecord.genesisHash)
    }

    /// Verifies a whole sequence of records.
    public static func verify<S: Sequence<AuditRecord>>(_ records: S, anchor: Anchor? = nil) -> AuditVerification {
        var verifier = AuditChainVerifier(anchor: anchor)
        for record in records { verifier.consume(record) }
        return verifier.finish()
    }
}
