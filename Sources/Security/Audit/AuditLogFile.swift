import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The audit trail on disk: one `AuditRecord.jsonLine` per line, opened with `O_APPEND` and synced after
/// every record, so records are only ever added at the end (append-only by construction; make the file
/// `chattr +a` on Linux for defence against root mistakes).
///
/// Opening reads and verifies the existing file and continues its chain; a broken file is refused, so
/// nothing is appended after tampering until someone looks (`millrace audit verify`).
public actor AuditLogFile {
    public nonisolated let path: String
    private var chain: AuditChain
    private let descriptor: Int32

    /// Opens (or creates, mode 0600) the log at `path` and verifies it.
    public init(path: String) throws(SecurityError) {
        let verification = try Self.verify(path: path)
        guard case .intact = verification.result else {
            throw SecurityError(.auditLogIO, "refusing to append to \(path): \(verification.result)")
        }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw SecurityError(.auditLogIO, "cannot open \(path) for appending") }
        self.path = path
        self.descriptor = descriptor
        self.chain = verification.lastRecord.map(AuditChain.init(continuingAfter:)) ?? AuditChain()
    }

    deinit { close(descriptor) }

    /// Chains `event`, writes it and syncs it to disk before returning it.
    @discardableResult
    public func append(_ event: AuditEvent) throws(SecurityError) -> AuditRecord {
        var next = chain
        let record = next.append(event)
        let line = Array((record.jsonLine + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw SecurityError(.auditLogIO, "cannot write to \(path)")
        }
        chain = next  // only advance once the record is durable
        return record
    }

    /// The sequence and hash of the last record, to copy elsewhere as an anchor.
    public var head: AuditChainVerifier.Anchor? {
        chain.nextSequence == 0
            ? nil : AuditChainVerifier.Anchor(sequence: chain.nextSequence - 1, hash: chain.headHash)
    }

    /// Reads and verifies the log at `path` (a missing file is an empty, intact log).
    public static func verify(path: String, anchor: AuditChainVerifier.Anchor? = nil) throws(SecurityError)
        -> (result: AuditVerification, lastRecord: AuditRecord?)
    {
        guard FileManager.default.fileExists(atPath: path) else {
            return (AuditChainVerifier(anchor: anchor).finish(), nil)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SecurityError(.auditLogIO, "cannot read \(path)")
        }
        var verifier = AuditChainVerifier(anchor: anchor)
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            // The final element after the last newline is empty; an unterminated last line is a torn write.
            if index == lines.count - 1 {
                if !line.isEmpty { verifier.consumeMalformed(reason: "the last line is incomplete (torn write)") }
                break
            }
            guard let text = String(validating: Array(line), as: UTF8.self) else {
                verifier.consumeMalformed(reason: "not UTF-8")
                continue
            }
            do { verifier.consume(try AuditRecord(jsonLine: text)) } catch {
                verifier.consumeMalformed(reason: error.message)
            }
        }
        return (verifier.finish(), verifier.lastRecord)
    }
}
