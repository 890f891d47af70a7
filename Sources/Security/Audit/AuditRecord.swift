import Crypto
import Foundation
import MillraceCore

/// An audit event in the chain: its position, the hash of the record before it, and its own hash
///
///     hash = SHA-256( previousHash (32 bytes) ‖ canonicalBody )
///
/// where `canonicalBody` is the `CanonicalJSON` of sequence, time, actor, asset and action. Changing,
/// removing or reordering any record breaks the link to every record after it (docs/security.md).
public struct AuditRecord: Hashable, Sendable {
    /// The `previousHash` of the first record: 32 zero bytes.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// 0 for the first record, then +1 per record.
    public var sequence: UInt64
    public var event: AuditEvent
    /// Hex SHA-256 of the previous record, or `genesisHash`.
    public var previousHash: String
    /// Hex SHA-256 of this record.
    public var hash: String

    /// Chains `event` after the record with `previousHash`.
    public init(sequence: UInt64, event: AuditEvent, previousHash: String) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = Self.computeHash(sequence: sequence, event: event, previousHash: previousHash)
    }

    init(sequence: UInt64, event: AuditEvent, previousHash: String, hash: String) {
        self.sequence = sequence
        self.event = event
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash this record should have given its contents.
    public var expectedHash: String { Self.computeHash(sequence: sequence, event: event, previousHash: previousHash) }

    static func computeHash(sequence: UInt64, event: AuditEvent, previousHash: String) -> String {
        // A malformed previous hash still hashes deterministically (as its UTF-8), and the verifier reports it.
        let previous = (try? Hex.decode(previousHash)).flatMap { $0.count == 32 ? $0 : nil } ?? Array(previousHash.utf8)
        return Hex.encode(SHA256.hash(data: previous + body(sequence: sequence, event: event).bytes))
    }

    static func body(sequence: UInt64, event: AuditEvent) -> CanonicalJSON {
        let (type, values) = event.action.fields
        var action = values.mapValues(CanonicalJSON.string)
        action["type"] = .string(type)
        var fields: [String: CanonicalJSON] = [
            "sequence": .integer(Int64(bitPattern: sequence)),
            "time": .integer(event.time.microseconds),
            "actor": event.actor.canonical,
            "action": .object(action),
        ]
        if let asset = event.asset { fields["asset"] = .string(asset.description) }
        return .object(fields)
    }

    /// The record as one line of JSON (no newline): the canonical body plus `previousHash` and `hash`.
    public var jsonLine: String {
        guard case .object(var fields) = Self.body(sequence: sequence, event: event) else { return "" }
        fields["previousHash"] = .string(previousHash)
        fields["hash"] = .string(hash)
        return String(decoding: CanonicalJSON.object(fields).bytes, as: UTF8.self)
    }

    private struct Line: Decodable {
        struct Actor: Decodable {
            var kind: AuditActor.Kind
            var id: String
            var address: String?
        }
        var sequence: UInt64
        var time: Int64
        var actor: Actor
        var asset: String?
        var action: [String: String]
        var previousHash: String
        var hash: String
    }

    /// Parses a line written by `jsonLine`. The hash is read, not checked: `AuditChainVerifier` checks it.
    public init(jsonLine: String) throws(SecurityError) {
        let line: Line
        do { line = try JSONDecoder().decode(Line.self, from: Data(jsonLine.utf8)) } catch {
            throw SecurityError(.malformedAuditRecord, "the line is not an audit record (\(Self.summary(of: error)))")
        }
        var values = line.action
        guard let type = values.removeValue(forKey: "type") else {
            throw SecurityError(.malformedAuditRecord, "the action has no type")
        }
        let asset: AssetPath?
        do { asset = try line.asset.map { text throws(AssetPathError) in try AssetPath(text) } } catch {
            throw SecurityError(.malformedAuditRecord, error.description)
        }
        let event = AuditEvent(
            time: Timestamp(microseconds: line.time),
            actor: AuditActor(kind: line.actor.kind, id: line.actor.id, sourceAddress: line.actor.address),
            action: try AuditAction(type: type, values: values), asset: asset)
        self.init(sequence: line.sequence, event: event, previousHash: line.previousHash, hash: line.hash)
    }

    private static func summary(of error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: "invalid JSON"
        }
    }
}
