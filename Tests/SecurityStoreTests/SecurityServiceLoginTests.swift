import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

@Suite struct SecurityServiceLoginTests {
    @Test func setupTokenCreatesTheFirstAdminOnceAndOnlyWithTheRightToken() async throws {
        let harness = try SecurityHarness()
        #expect(try await harness.service.setupStatus() == .required)
        let token = try #require(try await harness.service.issueSetupTokenIfNeeded())
        #expect(token.text.hasPrefix("mr_setup_"))

        await #expect(throws: SecurityServiceError.self) {
            try await harness.service.completeSetup(
                token: "mr_setup_wrong", username: "admin", password: SecurityHarness.password)
        }
        await #expect {
            try await harness.service.completeSetup(token: token.text, username: "admin", password: "short")
        } throws: { ($0 as? SecurityServiceError)?.code == .weakPassword }

        let admin = try await harness.service.completeSetup(
            token: token.text, username: "admin", password: SecurityHarness.password, address: "10.0.0.9")
        #expect(admin.bindings == [RoleBinding(role: .admin)])
        #expect(try await harness.service.setupStatus() == .complete)
        #expect(try await harness.service.issueSetupTokenIfNeeded() == nil)
        await #expect {
            try await harness.service.completeSetup(token: token.text, username: "second", password: SecurityHarness.password)
        } throws: { ($0 as? SecurityServiceError)?.code == .setupNotAvailable }
        #expect(try harness.auditTypes() == ["userChanged", "roleChanged", "setupCompleted"])
    }

    @Test func anExpiredSetupTokenIsRefused() async throws {
        let harness = try SecurityHarness()
        let token = try #require(try await harness.service.issueSetupTokenIfNeeded())
        harness.clock.advance(by: .seconds(24 * 3600))
        await #expect {
            try await harness.service.completeSetup(token: token.text, username: "admin", password: SecurityHarness.password)
        } throws: { ($0 as? SecurityServiceError)?.code == .invalidSetupToken }
    }

    @Test func loginOpensASessionThatAuthenticatesAndIsAudited() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .engineer))
        let login = try await harness.service.login(
            username: "Alice", password: SecurityHarness.password, address: "10.0.0.5")
        #expect(login.token.text.hasPrefix("mr_ses_"))
        #expect(login.principal.id == "alice")
        let authentication = try await harness.service.authenticate(.sessionCookie(login.token.text))
        #expect(authentication.principal.bindings == [RoleBinding(role: .engineer)])
        #expect(authentication.sessionHash == login.session.tokenHash)
        #expect(harness.service.verifyCSRF(login.csrfToken, forSession: login.session.tokenHash))
        #expect(!harness.service.verifyCSRF(login.csrfToken, forSession: String(repeating: "0", count: 64)))

        let last = try #require(try harness.auditRecords().last)
        #expect(last.event.action == .loginSucceeded(mfa: false))
        #expect(last.event.actor == AuditActor(kind: .user, id: "alice", sourceAddress: "10.0.0.5"))

        try await harness.service.logout(sessionToken: login.token.text)
        await #expect {
            try await harness.service.authenticate(.sessionCookie(login.token.text))
        } throws: { ($0 as? SecurityServiceError)?.code == .unauthenticated }
        #expect(try harness.auditTypes().last == "loggedOut")
    }

    @Test func failuresAreAuditedWithTheirReasonButLookAlikeToTheClient() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        try await harness.addUser("gone", RoleBinding(role: .viewer))
        try await harness.service.setDisabled(username: "gone", true, by: SecurityHarness.admin)

        for (name, password, reason) in [
            ("alice", "wrong password here", LoginFailureReason.wrongPassword),
            ("mallory", SecurityHarness.password, .unknownUser),
            ("gone", SecurityHarness.password, .accountDisabled),
            ("bad\r\nname", SecurityHarness.password, .unknownUser),
        ] {
            await #expect {
                try await harness.service.login(username: name, password: password, address: "10.0.0.7")
            } throws: { error in
                let error = error as? SecurityServiceError
                return error?.code == .invalidCredentials && error?.loginFailure == reason
                    && error?.message == "invalid user name, password or code"
            }
        }
        let failures = try harness.auditRecords().compactMap { record -> LoginFailureReason? in
            if case .loginFailed(_, let reason) = record.event.action { return reason }
            return nil
        }
        #expect(failures == [.wrongPassword, .unknownUser, .accountDisabled, .unknownUser])
    }

    @Test func fiveFailuresLockTheUserOutAndTheLockoutIsAuditedAsAnAlert() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        for _ in 0..<5 {
            await #expect(throws: SecurityServiceError.self) {
                try await harness.service.login(username: "alice", password: "not the password", address: "10.0.0.8")
            }
        }
        // Even the right password is refused while locked out, without being checked.
        await #expect {
            try await harness.service.login(username: "alice", password: SecurityHarness.password, address: "10.0.0.8")
        } throws: { error in
            let error = error as? SecurityServiceError
            return error?.code == .lockedOut && error?.retryAfter == .seconds(60) && error?.loginFailure == .lockedOut
        }
        #expect(try harness.auditRecords().contains { record in
            if case .securityAlert(let summary) = record.event.action { return summary.contains("locked out") }
            return false
        })
        var events = harness.service.securityEvents.makeAsyncIterator()
        guard case .userLockedOut(let username, _, let failures, 1) = await events.next() else {
            Issue.record("expected a userLockedOut event")
            return
        }
        #expect(username == "alice" && failures == 5)
        harness.clock.advance(by: .seconds(61))
        _ = try await harness.service.login(username: "alice", password: SecurityHarness.password, address: "10.0.0.8")
    }

    @Test func sessionsExpireWhenIdleAndEndWhenRolesChange() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        let first = try await harness.service.login(username: "alice", password: SecurityHarness.password, address: "a")
        harness.clock.advance(by: .seconds(31 * 60))
        await #expect(throws: SecurityServiceError.self) {
            try await harness.service.authenticate(.sessionCookie(first.token.text))
        }
        let second = try await harness.service.login(username: "alice", password: SecurityHarness.password, address: "a")
        // Activity keeps it alive past the idle timeout.
        for _ in 0..<3 {
            harness.clock.advance(by: .seconds(20 * 60))
            _ = try await harness.service.authenticate(.sessionCookie(second.token.text))
        }
        try await harness.service.setRoles(username: "alice", bindings: [RoleBinding(role: .operator)], by: SecurityHarness.admin)
        await #expect(throws: SecurityServiceError.self) {
            try await harness.service.authenticate(.sessionCookie(second.token.text))
        }
        let change = try #require(try harness.auditRecords().last)
        #expect(change.event.action == .roleChanged(username: "alice", before: [RoleBinding(role: .viewer)], after: [RoleBinding(role: .operator)]))
    }

    @Test func malformedCredentialsAreRefusedNotCrashing() async throws {
        let harness = try SecurityHarness()
        for credential in [
            Credential.bearer(""), .bearer("mr_api_"), .bearer("mr_api_\u{0}\u{1}"), .bearer("Basic abc"),
            .bearer("mr_ses_" + String(repeating: "A", count: 43)), .sessionCookie("mr_api_x"),
            .sessionCookie(String(repeating: "x", count: 100_000)), .bearer("mr_api_" + String(repeating: "A", count: 43)),
        ] {
            await #expect {
                try await harness.service.authenticate(credential)
            } throws: { ($0 as? SecurityServiceError)?.code == .unauthenticated }
        }
    }
}
