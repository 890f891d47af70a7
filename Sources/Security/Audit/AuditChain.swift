/// The append side of the audit trail: the sequence and hash of the last record, and `append` to chain
/// the next event. Pure; `AuditLogFile` persists what it returns.
public struct AuditChain: Hashable, Sendable {
    /// The sequence number the next record gets.
    public private(set) var nextSequence: UInt64
    /// The hash of the last record (`AuditRecord.genesisHash` for an empty log).
    public private(set) var headHash: String

    /// An empty chain.
    public init() {
        nextSequence = 0
        headHash = AuditRecord.genesisHash
    }

    /// A chain continuing after `last` (read back from storage and verified).
    public init(continuingAfter last: AuditRecord) {
        nextSequence = last.sequence + 1
        headHash = last.hash
    }

    /// Chains `event` and returns the record to store.
    public mutating func append(_ event: AuditEvent) -> AuditRecord {
        let record = AuditRecord(sequence: nextSequence, event: event, previousHash: headHash)
        nextSequence += 1
        headHash = record.hash
        return record
    }
}
