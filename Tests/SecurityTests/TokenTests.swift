import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("Tokens")
struct TokenTests {
    let now = Timestamp(seconds: 1_767_225_600)

    @Test func secretTokensHavePrefix256BitsAndAreStoredHashed() throws {
        var generator = SeededGenerator(seed: 21)
        let token = SecretToken.generate(.api, using: &generator)
        #expect(token.text.hasPrefix("mr_api_"))
        #expect(token.text.count == "mr_api_".count + 43)
        #expect(try Base64URL.decode(String(token.text.dropFirst(7))).count == 32)
        #expect(token.hash.count == 64 && token.hash != token.text)
        #expect(!token.description.contains(token.text.dropFirst(7)))
        let parsed = try SecretToken(parsing: token.text, expecting: .api)
        #expect(parsed == token && parsed.matches(storedHash: token.hash))
        #expect(SecretToken.generate(.api, using: &generator) != token)
    }

    @Test(
        "malformed presented tokens",
        arguments: [
            "", "mr_api_", "mr_ses_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "mr_api_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "mr_api_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+",
            "mr_api_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ])
    func malformed(text: String) {
        let error = #expect(throws: SecurityError.self) { try SecretToken(parsing: text, expecting: .api) }
        #expect(error?.code == .malformedToken)
    }

    @Test func apiTokenScopesExpiryAndRevocation() throws {
        var generator = SeededGenerator(seed: 22)
        var (token, record) = try APIToken.issue(
            name: "MES orders", owner: "integrator", scopes: [.readData], now: now, lifetime: .seconds(90 * 86_400),
            using: &generator)
        #expect(record.tokenHash == token.hash)
        #expect(record.validate(token, now: now + .seconds(3600)) == .valid)
        #expect(record.validate(token, now: now + .seconds(90 * 86_400)) == .expired(at: now + .seconds(90 * 86_400)))
        let other = SecretToken.generate(.api, using: &generator)
        #expect(record.validate(other, now: now) == .mismatch)
        let principal = record.principal(ownerBindings: [RoleBinding(role: .engineer)])
        #expect(principal.kind == .apiToken && principal.permissionLimit == [.readData])
        #expect(!Authorizer().can(principal, .writeDevices, on: try AssetPath("site-a")).isAllowed)
        record.revokedAt = now
        #expect(record.validate(token, now: now) == .revoked)
        #expect(!record.description.contains(token.text))

        #expect(throws: SecurityError.self) {
            try APIToken.issue(name: "x", owner: "y", scopes: [], now: now, lifetime: .seconds(60), using: &generator)
        }
        #expect(throws: SecurityError.self) {
            try APIToken.issue(
                name: "x", owner: "y", scopes: [.readData], now: now, lifetime: .seconds(400 * 86_400),
                using: &generator)
        }
    }

    @Test func sessionIdleAndAbsoluteTimeouts() {
        var generator = SeededGenerator(seed: 23)
        var (token, session) = SessionToken.issue(username: "op", mfaVerified: true, now: now, using: &generator)
        #expect(token.kind == .session && token.text.hasPrefix("mr_ses_"))
        #expect(session.validate(token, now: now + .seconds(29 * 60)) == .valid)
        #expect(session.validate(token, now: now + .seconds(30 * 60)) == .idle(since: now))
        // Activity keeps the session alive, up to the absolute limit of 12 h.
        var time = now
        for _ in 0..<24 {
            time = time + .seconds(29 * 60)
            #expect(session.validate(token, now: time) == .valid)
            session.touch(now: time)
        }
        time = time + .seconds(29 * 60)  // 12 h 5 min after login
        #expect(session.validate(token, now: time) == .expired(at: now + .seconds(12 * 3600)))
        // A session token is not accepted as an API token and vice versa.
        var apiGenerator = SeededGenerator(seed: 23)
        let sameBytes = SecretToken.generate(.api, using: &apiGenerator)
        #expect(session.validate(sameBytes, now: now) == .mismatch)
    }

    @Test func serviceAccountRotationAndDisable() {
        var generator = SeededGenerator(seed: 24)
        var (first, account) = ServiceAccount.create(
            name: "edge-dayton-01", bindings: [RoleBinding(role: .viewer, scope: try! AssetPath("dayton"))], now: now,
            using: &generator)
        #expect(first.text.hasPrefix("mr_svc_"))
        #expect(account.validate(first, now: now) == .valid)
        let second = account.rotate(using: &generator)
        #expect(account.validate(first, now: now) == .mismatch)
        #expect(account.validate(second, now: now) == .valid)
        account.disabled = true
        #expect(account.validate(second, now: now) == .revoked)
        #expect(account.principal.isDisabled && account.principal.kind == .serviceAccount)
    }

    @Test func csrfTokensAreBoundToTheSessionAndKey() throws {
        var generator = SeededGenerator(seed: 25)
        let protection = try CSRFProtection(key: SecureRandom.bytes(count: 32, using: &generator))
        let csrf = protection.issue(forSession: "session-hash-a", using: &generator)
        #expect(protection.verify(csrf, forSession: "session-hash-a"))
        #expect(!protection.verify(csrf, forSession: "session-hash-b"))
        let otherKey = try CSRFProtection(key: SecureRandom.bytes(count: 32, using: &generator))
        #expect(!otherKey.verify(csrf, forSession: "session-hash-a"))
        var tampered = Array(csrf.utf8)
        tampered[2] = tampered[2] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
        #expect(!protection.verify(String(decoding: tampered, as: UTF8.self), forSession: "session-hash-a"))
        for junk in ["", ".", "abc", "a.b.c"] { #expect(!protection.verify(junk, forSession: "session-hash-a")) }
        #expect(throws: SecurityError.self) { try CSRFProtection(key: [1, 2, 3]) }
    }

    @Test func setupTokenWorksOnceAndExpires() {
        var generator = SeededGenerator(seed: 26)
        var (token, state) = SetupToken.generate(now: now, using: &generator)
        #expect(token.text.hasPrefix("mr_setup_"))
        #expect(state.redeem("mr_setup_wrong", now: now) == .mismatch)
        #expect(state.redeem(token.text, now: now + .seconds(60)) == .accepted)
        #expect(state.isSpent)
        #expect(state.redeem(token.text, now: now + .seconds(61)) == .alreadyUsed)

        let (late, unused) = SetupToken.generate(now: now, lifetime: .seconds(600), using: &generator)
        var lateState = unused
        #expect(lateState.redeem(late.text, now: now + .seconds(600)) == .expired)
        #expect(!lateState.isSpent)
        #expect(!state.description.contains(token.text))
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.equals([UInt8](), [0]))
        #expect(ConstantTime.equals("abc", "abc") && !ConstantTime.equals("abc", "abd"))
    }
}
