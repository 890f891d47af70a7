import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("Audit chain")
struct AuditChainTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    static func sampleEvents() -> [AuditEvent] {
        let alice = AuditActor(kind: .user, id: "alice", sourceAddress: "10.0.0.5")
        let line2 = try! AssetPath("dayton/packaging/line-2")
        return [
            AuditEvent(
                time: start, actor: AuditActor(kind: .anonymous, id: "-", sourceAddress: "10.0.0.5"),
                action: .loginFailed(username: "alice", reason: .wrongPassword)),
            AuditEvent(time: start + .seconds(5), actor: alice, action: .loginSucceeded(mfa: true)),
            AuditEvent(
                time: start + .seconds(60), actor: alice,
                action: .configurationChanged(key: "alarms.pump-7.high", before: "80.0", after: "85.0"), asset: line2),
            AuditEvent(
                time: start + .seconds(90), actor: alice,
                action: .deviceWrite(
                    tag: TagID(unchecked: "line-2.pump-7.speed-sp"), value: "1450", reason: "WO-4711 \"trial\"\n"),
                asset: line2),
            AuditEvent(
                time: start + .seconds(120), actor: alice, action: .alarmAcknowledged(alarm: "pump-7-high-vibration")),
            AuditEvent(
                time: start + .seconds(130), actor: alice,
                action: .alarmShelved(
                    alarm: "conveyor-jam", reason: "sensor fault, ticket 88", until: start + .seconds(8 * 3600))),
            AuditEvent(
                time: start + .seconds(200), actor: .system,
                action: .roleChanged(
                    username: "contractor", before: [RoleBinding(role: .viewer)],
                    after: [RoleBinding(role: .viewer), RoleBinding(role: .operator, scope: line2)])),
            AuditEvent(
                time: start + .seconds(300), actor: alice,
                action: .tokenIssued(tokenID: "a1b2c3d4e5f6", name: "MES", scopes: [.readData, .configure])),
            AuditEvent(
                time: start + .seconds(400), actor: alice, action: .userChanged(username: "bob", change: "disabled")),
            AuditEvent(
                time: start + .seconds(500), actor: .system, action: .securityAlert(summary: "burst of failed logins")),
        ]
    }

    static func chain() -> [AuditRecord] {
        var chain = AuditChain()
        return sampleEvents().map { chain.append($0) }
    }

    @Test func intactChainVerifies() {
        let records = Self.chain()
        #expect(records.first?.previousHash == AuditRecord.genesisHash)
        for (previous, next) in zip(records, records.dropFirst()) { #expect(next.previousHash == previous.hash) }
        #expect(AuditChainVerifier.verify(records) == .intact(count: 10, headHash: records.last!.hash))
        #expect(AuditChainVerifier.verify([AuditRecord]()).isIntact)
    }

    @Test func canonicalFormIsStableAndJSONLinesRoundTrip() throws {
        let records = Self.chain()
        // Golden: the first record's line and hash, computed independently from docs/security.md
        // (Python: sha256(b"\0" * 32 + body)). A change here invalidates every stored audit log.
        let hash = "58353448e3fa8a9fc9b471f2a48e95501091d2e1d55bb46c14aeb36d13bf7b32"
        #expect(records[0].hash == hash)
        #expect(
            records[0].jsonLine
                == #"{"action":{"reason":"wrongPassword","type":"loginFailed","username":"alice"},"#
                + #""actor":{"address":"10.0.0.5","id":"-","kind":"anonymous"},"#
                + #""hash":"\#(hash)","previousHash":"\#(AuditRecord.genesisHash)","#
                + #""sequence":0,"time":1767225600000000}"#)
        for record in records {
            let parsed = try AuditRecord(jsonLine: record.jsonLine)
            #expect(parsed == record)
            #expect(parsed.expectedHash == record.hash)
        }
        #expect(records[3].jsonLine.contains(#"\"trial\"\n"#))
    }

    @Test func modifiedRecordIsFound() {
        var records = Self.chain()
        records[3].event.action = .deviceWrite(
            tag: TagID(unchecked: "line-2.pump-7.speed-sp"), value: "9999", reason: "x")
        #expect(AuditChainVerifier.verify(records) == .broken(AuditChainBreak(position: 3, kind: .contentModified)))
    }

    @Test func modifiedAndRehashedRecordBreaksTheNextLink() {
        var records = Self.chain()
        records[2] = AuditRecord(
            sequence: 2, event: AuditEvent(time: Self.start, actor: .system, action: .loggedOut),
            previousHash: records[1].hash)
        guard case .broken(let failure) = AuditChainVerifier.verify(records) else {
            Issue.record("tampering not detected")
            return
        }
        #expect(failure.position == 3)
        guard case .linkBroken = failure.kind else {
            Issue.record("expected a broken link, got \(failure)")
            return
        }
    }

    @Test func deletedRecordIsFound() {
        var records = Self.chain()
        records.remove(at: 4)
        #expect(
            AuditChainVerifier.verify(records)
                == .broken(AuditChainBreak(position: 4, kind: .sequenceMismatch(expected: 4, found: 5))))
        var first = Self.chain()
        first.removeFirst()
        #expect(!AuditChainVerifier.verify(first).isIntact)
    }

    @Test func reorderedRecordsAreFound() {
        var records = Self.chain()
        records.swapAt(5, 6)
        #expect(
            AuditChainVerifier.verify(records)
                == .broken(AuditChainBreak(position: 5, kind: .sequenceMismatch(expected: 5, found: 6))))
    }

    @Test func renumberedDeletionIsFoundByTheLink() {
        var records = Self.chain()
        records.remove(at: 4)
        for index in 4..<records.count { records[index].sequence -= 1 }
        guard case .broken(let failure) = AuditChainVerifier.verify(records) else {
            Issue.record("deletion not detected")
            return
        }
        #expect(failure.position == 4)
    }

    @Test func truncationAndRewritesAreFoundAgainstAnAnchor() {
        let records = Self.chain()
        let anchor = AuditChainVerifier.Anchor(sequence: 9, hash: records[9].hash)
        #expect(AuditChainVerifier.verify(records, anchor: anchor).isIntact)
        let truncated = Array(records.prefix(7))
        #expect(AuditChainVerifier.verify(truncated).isIntact)  // the chain alone cannot see a cut tail
        #expect(
            AuditChainVerifier.verify(truncated, anchor: anchor)
                == .broken(
                    AuditChainBreak(position: 7, kind: .truncated(expectedLastSequence: 9, foundLastSequence: 6))))
        // A whole rewritten tail with fresh hashes is found where it passes the anchor.
        var rewritten = AuditChain()
        var forged = Self.sampleEvents()
        forged[8].action = .userChanged(username: "mallory", change: "created admin")
        let forgedRecords = forged.map { rewritten.append($0) }
        #expect(AuditChainVerifier.verify(forgedRecords).isIntact)
        #expect(
            AuditChainVerifier.verify(forgedRecords, anchor: anchor)
                == .broken(AuditChainBreak(position: 9, kind: .anchorMismatch)))
    }

    @Test func everyActionRoundTripsThroughItsFields() throws {
        for event in Self.sampleEvents() {
            let (type, values) = event.action.fields
            #expect(try AuditAction(type: type, values: values) == event.action)
        }
        #expect(throws: SecurityError.self) { try AuditAction(type: "deviceWrite", values: ["tag": "x"]) }
        #expect(throws: SecurityError.self) { try AuditAction(type: "unknownThing", values: [:]) }
    }
}
