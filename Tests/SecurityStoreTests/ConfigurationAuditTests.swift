import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

/// Configuration changes between starts land in the audit trail with their text before and after (issue #7).
@Suite struct ConfigurationAuditTests {
    static let actor = AuditActor(kind: .system, id: "millrace run")

    @Test func firstStartRecordsEverySectionThenOnlyChangesWithBeforeAndAfter() async throws {
        let harness = try SecurityHarness()
        let first = try await harness.service.recordConfiguration(
            [("http", #"{"host":"127.0.0.1","port":8080}"#), ("sites", #"[{"id":"a"}]"#)], by: Self.actor)
        #expect(first == ["http", "sites"])
        // Unchanged: nothing new in the trail.
        let again = try await harness.service.recordConfiguration(
            [("http", #"{"host":"127.0.0.1","port":8080}"#), ("sites", #"[{"id":"a"}]"#)], by: Self.actor)
        #expect(again == [])
        let changed = try await harness.service.recordConfiguration(
            [("http", #"{"host":"0.0.0.0","port":8443}"#), ("sites", #"[{"id":"a"}]"#)], by: Self.actor)
        #expect(changed == ["http"])

        let records = try harness.auditRecords().filter { $0.event.action.fields.type == "configurationChanged" }
        #expect(records.count == 3)
        let last = try #require(records.last).event
        #expect(last.actor.id == "millrace run")
        #expect(last.action == .configurationChanged(key: "http", before: #"{"host":"127.0.0.1","port":8080}"#, after: #"{"host":"0.0.0.0","port":8443}"#))
        #expect(records.first?.event.action == .configurationChanged(key: "http", before: nil, after: #"{"host":"127.0.0.1","port":8080}"#))
        let (verification, _) = try AuditLogFile.verify(path: harness.auditPath)
        #expect(verification.isIntact)
    }

    @Test func aLongSectionIsRecordedByFingerprint() async throws {
        let harness = try SecurityHarness()
        let long = String(repeating: "x", count: SecurityService.maximumAuditedSectionLength + 1)
        _ = try await harness.service.recordConfiguration([("sites", long)], by: Self.actor)
        let record = try #require(try harness.auditRecords().last)
        guard case .configurationChanged(_, nil, let after?) = record.event.action else {
            Issue.record("expected a configuration change, got \(record.event.action)")
            return
        }
        #expect(after.hasPrefix("sha256:") && after.hasSuffix("(\(long.utf8.count) bytes)"))
    }
}

/// "New or unknown clients" (issue #7): a login from an address the user never came from is an alarm.
@Suite struct NewClientAddressTests {
    @Test func aLoginFromANewAddressRaisesAnEventButNotTheFirstOrARepeatedOne() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("bob", RoleBinding(role: .viewer))
        _ = try await harness.service.login(username: "bob", password: SecurityHarness.password, address: "10.0.0.5")
        _ = try await harness.service.login(username: "bob", password: SecurityHarness.password, address: "10.0.0.5")
        _ = try await harness.service.login(username: "bob", password: SecurityHarness.password, address: "192.168.7.9")
        var events = harness.service.securityEvents.makeAsyncIterator()
        guard case .newClientAddress(let username, let address, _) = await events.next() else {
            Issue.record("expected a newClientAddress event")
            return
        }
        #expect(username == "bob" && address == "192.168.7.9")
        let alerts = try harness.auditRecords().compactMap { record -> String? in
            if case .securityAlert(let summary) = record.event.action { return summary }
            return nil
        }
        #expect(alerts == [SecurityEvent.newClientAddress(username: "bob", address: "192.168.7.9", at: harness.clock.now()).description])
    }
}
