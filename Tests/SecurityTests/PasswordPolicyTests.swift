import Testing

@testable import MillraceSecurity

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    let policy = PasswordPolicy()

    @Test func acceptsAPassphrase() {
        #expect(policy.violations(of: "pump house rhubarb kettle", username: "alice").isEmpty)
        #expect(throws: Never.self) { try policy.validate("pump house rhubarb kettle", username: "alice") }
    }

    @Test func lengthLimits() {
        #expect(policy.violations(of: "short-pw", username: "a") == [.tooShort(minimum: 12, actual: 8)])
        #expect(policy.violations(of: "exactly12chr", username: "a").isEmpty)
        #expect(policy.violations(of: String(repeating: "ab", count: 129), username: "a") == [.tooLong(maximum: 256)])
        // Length counts characters, not bytes: 12 emoji are 12 characters.
        #expect(policy.violations(of: String(repeating: "🔧", count: 6) + "spanner", username: "a").isEmpty)
    }

    @Test func rejectsUsernameCaseInsensitively() {
        #expect(policy.violations(of: "Maintenance01", username: "maintenance01") == [.equalsUsername])
    }

    @Test func rejectsCommonPasswords() {
        #expect(policy.violations(of: "Password1234", username: "bob") == [.commonPassword])
        #expect(policy.violations(of: "qwerty123456", username: "bob") == [.commonPassword])
    }

    @Test func rejectsOneRepeatedCharacter() {
        #expect(policy.violations(of: "aaaaaaaaaaaaaa", username: "bob") == [.repeatedCharacter])
    }

    @Test func errorMessageListsEveryRuleWithoutThePassword() throws {
        let error = #expect(throws: PasswordPolicyError.self) { try policy.validate("bob", username: "bob") }
        let message = try #require(error).description
        #expect(message.contains("at least 12 characters"))
        #expect(message.contains("user name"))
        #expect(try #require(error).violations.map(\.code) == ["too_short", "equals_username"])
    }
}
