import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

@Suite struct SecurityServiceMFATests {
    /// Enrolls `name` from a fresh session and returns the authenticator's TOTP and the recovery codes.
    func enroll(_ harness: SecurityHarness, _ name: String) async throws -> (TOTP, [String]) {
        let login = try await harness.service.login(username: name, password: SecurityHarness.password, address: "a")
        let enrollment = try await harness.service.enrollTOTP(username: name)
        #expect(enrollment.provisioningURI.hasPrefix("otpauth://totp/Millrace:\(name)?"))
        let totp = try TOTP.fromBase32(enrollment.secretBase32)
        await #expect(throws: SecurityServiceError.self) {
            try await harness.service.confirmTOTP(username: name, code: "000000", sessionHash: login.session.tokenHash)
        }
        let codes = try await harness.service.confirmTOTP(
            username: name, code: totp.code(at: harness.clock.now()), sessionHash: login.session.tokenHash)
        #expect(codes.count == 10)
        let authentication = try await harness.service.authenticate(.sessionCookie(login.token.text))
        #expect(!authentication.mfaEnrollmentRequired)
        return (totp, codes)
    }

    @Test func afterEnrollmentLoginNeedsTheCodeAndRefusesReplays() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .engineer))
        let (totp, _) = try await enroll(harness, "alice")
        #expect(try harness.auditTypes().contains("mfaEnrolled"))

        await #expect {
            try await harness.service.login(username: "alice", password: SecurityHarness.password, address: "a")
        } throws: { ($0 as? SecurityServiceError)?.code == .mfaRequired }
        await #expect {
            try await harness.service.login(username: "alice", password: SecurityHarness.password, totp: "123456", address: "a")
        } throws: { ($0 as? SecurityServiceError)?.loginFailure == .wrongSecondFactor }

        harness.clock.advance(by: .seconds(30))
        let code = totp.code(at: harness.clock.now())
        let login = try await harness.service.login(
            username: "alice", password: SecurityHarness.password, totp: code, address: "a")
        #expect(login.session.mfaVerified)
        #expect(try harness.auditRecords().last?.event.action == .loginSucceeded(mfa: true))
        await #expect {
            try await harness.service.login(username: "alice", password: SecurityHarness.password, totp: code, address: "a")
        } throws: { ($0 as? SecurityServiceError)?.loginFailure == .replayedSecondFactor }
    }

    @Test func aRecoveryCodeWorksOnceInPlaceOfTheCode() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        let (_, codes) = try await enroll(harness, "alice")
        let login = try await harness.service.useRecoveryCode(
            username: "alice", password: SecurityHarness.password, code: codes[3].uppercased(), address: "a")
        #expect(login.session.mfaVerified)
        #expect(try harness.auditRecords().contains { $0.event.action == .recoveryCodeUsed(username: "alice", remaining: 9) })
        await #expect {
            try await harness.service.useRecoveryCode(username: "alice", password: SecurityHarness.password, code: codes[3], address: "a")
        } throws: { ($0 as? SecurityServiceError)?.loginFailure == .wrongSecondFactor }
        #expect(try await harness.service.userSummary("alice").recoveryCodesLeft == 9)
    }

    @Test func thePolicyConfinesAnUnenrolledAdminToEnrollment() async throws {
        let harness = try SecurityHarness(mfaPolicy: MFAPolicy())  // default: admins need MFA
        try await harness.addUser("root", RoleBinding(role: .admin))
        try await harness.addUser("viewer", RoleBinding(role: .viewer))
        let admin = try await harness.service.login(username: "root", password: SecurityHarness.password, address: "a")
        #expect(admin.mfaEnrollmentRequired)
        #expect(try await harness.service.authenticate(.sessionCookie(admin.token.text)).mfaEnrollmentRequired)
        let viewer = try await harness.service.login(username: "viewer", password: SecurityHarness.password, address: "a")
        #expect(!viewer.mfaEnrollmentRequired)
        _ = try await enroll(harness, "root")
    }

    @Test func mfaPerSiteAppliesToUsersWithRolesThere() async throws {
        let site = try AssetPath("dayton")
        let harness = try SecurityHarness(mfaPolicy: MFAPolicy(requiredScopes: [site], requiredFromRole: nil))
        try await harness.addUser("dayton-op", RoleBinding(role: .operator, scope: try AssetPath("dayton/packaging")))
        try await harness.addUser("lyon-op", RoleBinding(role: .operator, scope: try AssetPath("lyon")))
        #expect(try await harness.service.login(username: "dayton-op", password: SecurityHarness.password, address: "a").mfaEnrollmentRequired)
        #expect(!(try await harness.service.login(username: "lyon-op", password: SecurityHarness.password, address: "a").mfaEnrollmentRequired))
    }

    @Test func theSecretIsStoredSealedNotInTheClear() async throws {
        let harness = try SecurityHarness()
        try await harness.addUser("alice", RoleBinding(role: .viewer))
        let enrollment = try await harness.service.enrollTOTP(username: "alice")
        let stored = try #require(try harness.store.user(named: "alice")?.mfaPendingSecret)
        #expect(stored.hasPrefix("mrsec1:"))
        #expect(!stored.contains(enrollment.secretBase32))
    }
}
