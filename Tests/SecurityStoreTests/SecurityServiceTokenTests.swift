import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

@Suite struct SecurityServiceTokenTests {
    @Test func anAPITokenActsForItsOwnerWithinItsScopesUntilItExpires() async throws {
        let harness = try SecurityHarness()
        let line2 = try AssetPath("dayton/packaging/line-2")
        try await harness.addUser("mes", RoleBinding(role: .operator, scope: line2))
        let (token, record) = try await harness.service.createAPIToken(
            owner: "mes", name: "MES bridge", scopes: [.readData], lifetime: .seconds(90 * 86_400), by: SecurityHarness.admin)
        #expect(token.text.hasPrefix("mr_api_"))
        #expect(try harness.auditRecords().last?.event.action == .tokenIssued(tokenID: record.id, name: "MES bridge", scopes: [.readData]))

        let principal = try await harness.service.authenticate(.bearer(token.text)).principal
        let authorizer = Authorizer()
        #expect(authorizer.can(principal, .readData, on: try line2.appending("filler")).isAllowed)
        #expect(!authorizer.can(principal, .readData, on: try AssetPath("dayton/packaging/line-1")).isAllowed)
        // The owner may acknowledge on line 2, the token was not issued for it.
        #expect(!authorizer.can(principal, .acknowledgeAlarms, on: line2).isAllowed)

        harness.clock.advance(by: .seconds(90 * 86_400))
        await #expect {
            try await harness.service.authenticate(.bearer(token.text))
        } throws: { error in
            let error = error as? SecurityServiceError
            return error?.code == .unauthenticated && error?.message.contains("expired") == true
        }
    }

    @Test func aRevokedTokenAndADisabledOwnerStopAtOnce() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("mes", RoleBinding(role: .viewer))
        let (first, record) = try await harness.service.createAPIToken(
            owner: "mes", name: "a", scopes: [.readData], lifetime: .seconds(3600), by: SecurityHarness.admin)
        let (second, _) = try await harness.service.createAPIToken(
            owner: "mes", name: "b", scopes: [.readData], lifetime: .seconds(3600), by: SecurityHarness.admin)
        try await harness.service.revoke(.apiToken(id: record.id), by: SecurityHarness.admin)
        await #expect(throws: SecurityServiceError.self) { try await harness.service.authenticate(.bearer(first.text)) }
        _ = try await harness.service.authenticate(.bearer(second.text))
        try await harness.service.setDisabled(username: "mes", true, by: SecurityHarness.admin)
        await #expect(throws: SecurityServiceError.self) { try await harness.service.authenticate(.bearer(second.text)) }
        #expect(try harness.auditTypes().suffix(2) == ["tokenRevoked", "userChanged"])
    }

    @Test func tokenLifetimeAndScopesAreChecked() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("mes", RoleBinding(role: .viewer))
        for (scopes, lifetime) in [(Set<Permission>(), Duration.seconds(60)), ([.readData], .seconds(400 * 86_400)), ([.readData], .zero)] {
            await #expect {
                try await harness.service.createAPIToken(owner: "mes", name: "x", scopes: scopes, lifetime: lifetime, by: SecurityHarness.admin)
            } throws: { ($0 as? SecurityServiceError)?.code == .invalidInput }
        }
        await #expect {
            try await harness.service.createAPIToken(owner: "nobody", name: "x", scopes: [.readData], lifetime: .seconds(60), by: SecurityHarness.admin)
        } throws: { ($0 as? SecurityServiceError)?.code == .notFound }
    }

    @Test func aServiceAccountAuthenticatesWithItsOwnBindingsUntilRevoked() async throws {
        let harness = try SecurityHarness()
        let site = try AssetPath("dayton")
        let token = try await harness.service.createServiceAccount(
            name: "edge-dayton", bindings: [RoleBinding(role: .viewer, scope: site)], by: SecurityHarness.admin)
        #expect(token.text.hasPrefix("mr_svc_"))
        let principal = try await harness.service.authenticate(.bearer(token.text)).principal
        #expect(principal.kind == .serviceAccount)
        #expect(Authorizer().can(principal, .readData, on: try site.appending("press-1")).isAllowed)
        try await harness.service.revoke(.serviceAccount(name: "edge-dayton"), by: SecurityHarness.admin)
        await #expect(throws: SecurityServiceError.self) { try await harness.service.authenticate(.bearer(token.text)) }
    }

    @Test func duplicateNamesAndBadNamesAreRefused() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        await #expect {
            try await harness.addUser("ALICE", RoleBinding(role: .viewer))
        } throws: { ($0 as? SecurityServiceError)?.code == .alreadyExists }
        for name in ["", "-x", "a b", "a\nb", String(repeating: "a", count: 65), "ü"] {
            await #expect {
                try await harness.addUser(name, RoleBinding(role: .viewer))
            } throws: { ($0 as? SecurityServiceError)?.code == .invalidInput }
        }
    }

    @Test func everyChangeLeavesAnIntactAuditChain() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .admin))
        _ = try await harness.service.createAPIToken(owner: "alice", name: "t", scopes: [.readData], lifetime: .seconds(60), by: SecurityHarness.admin)
        try await harness.service.changePassword(username: "alice", newPassword: "another long passphrase", by: SecurityHarness.admin)
        try await harness.service.resetMFA(username: "alice", by: SecurityHarness.admin)
        try await harness.service.revoke(.sessions(username: "alice"), by: SecurityHarness.admin)
        let (verification, _) = try AuditLogFile.verify(path: harness.auditPath)
        #expect(verification == .intact(count: 6, headHash: try harness.auditRecords().last!.hash))
    }
}
