import Foundation
import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("TOTP (RFC 6238) and HOTP (RFC 4226)")
struct TOTPTests {
    // RFC 6238 Appendix B: the seeds are ASCII "1234567890" repeated to the digest length.
    static let seeds: [OTPAlgorithm: [UInt8]] = [
        .sha1: Array("12345678901234567890".utf8),
        .sha256: Array("12345678901234567890123456789012".utf8),
        .sha512: Array("1234567890123456789012345678901234567890123456789012345678901234".utf8),
    ]

    @Test(
        "RFC 6238 Appendix B, all 18 vectors",
        arguments: [
            (59, "94287082", OTPAlgorithm.sha1), (59, "46119246", .sha256), (59, "90693936", .sha512),
            (1_111_111_109, "07081804", .sha1), (1_111_111_109, "68084774", .sha256),
            (1_111_111_109, "25091201", .sha512),
            (1_111_111_111, "14050471", .sha1), (1_111_111_111, "67062674", .sha256),
            (1_111_111_111, "99943326", .sha512),
            (1_234_567_890, "89005924", .sha1), (1_234_567_890, "91819424", .sha256),
            (1_234_567_890, "93441116", .sha512),
            (2_000_000_000, "69279037", .sha1), (2_000_000_000, "90698825", .sha256),
            (2_000_000_000, "38618901", .sha512),
            (20_000_000_000, "65353130", .sha1), (20_000_000_000, "77737706", .sha256),
            (20_000_000_000, "47863826", .sha512),
        ] as [(Int64, String, OTPAlgorithm)])
    func rfc6238(seconds: Int64, expected: String, algorithm: OTPAlgorithm) throws {
        let totp = try TOTP(secret: Self.seeds[algorithm]!, algorithm: algorithm, digits: 8)
        let time = Timestamp(seconds: seconds)
        #expect(totp.code(at: time) == expected)
        #expect(totp.verify(expected, at: time, lastUsedStep: nil) == .accepted(step: seconds / 30))
    }

    @Test("RFC 4226 Appendix D HOTP vectors")
    func rfc4226() throws {
        let expected = [
            "755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489",
        ]
        let hotp = try TOTP(secret: Self.seeds[.sha1]!)
        for (counter, code) in expected.enumerated() {
            #expect(hotp.code(forStep: Int64(counter)) == code)
        }
    }

    @Test func windowAcceptsOneStepEitherSide() throws {
        let totp = try TOTP(secret: Self.seeds[.sha1]!)
        let now = Timestamp(seconds: 1_767_225_600)
        let step = totp.step(at: now)
        #expect(totp.verify(totp.code(forStep: step - 1), at: now, lastUsedStep: nil) == .accepted(step: step - 1))
        #expect(totp.verify(totp.code(forStep: step + 1), at: now, lastUsedStep: nil) == .accepted(step: step + 1))
        #expect(totp.verify(totp.code(forStep: step - 2), at: now, lastUsedStep: nil) == .rejected)
        #expect(totp.verify(totp.code(forStep: step + 2), at: now, lastUsedStep: nil) == .rejected)
    }

    @Test func replayOfTheSameOrAnOlderStepIsRefused() throws {
        let totp = try TOTP(secret: Self.seeds[.sha1]!)
        let now = Timestamp(seconds: 1_767_225_600)
        let code = totp.code(at: now)
        guard case .accepted(let used) = totp.verify(code, at: now, lastUsedStep: nil) else {
            Issue.record("the current code was not accepted")
            return
        }
        #expect(totp.verify(code, at: now + .seconds(10), lastUsedStep: used) == .replayed)
        #expect(totp.verify(totp.code(forStep: used - 1), at: now, lastUsedStep: used) == .replayed)
        let next = now + .seconds(30)
        #expect(totp.verify(totp.code(at: next), at: next, lastUsedStep: used) == .accepted(step: used + 1))
    }

    @Test func malformedCodesAreRejected() throws {
        let totp = try TOTP(secret: Self.seeds[.sha1]!)
        let now = Timestamp(seconds: 59)
        for code in ["", "12345", "1234567", "abcdef", "12345a"] {
            #expect(totp.verify(code, at: now, lastUsedStep: nil) == .rejected)
        }
        let spaced = totp.code(at: now)
        let withSpace = String(spaced.prefix(3)) + " " + String(spaced.suffix(3))
        #expect(totp.verify(withSpace, at: now, lastUsedStep: nil).isAccepted)
    }

    @Test func parameterValidation() {
        #expect(throws: SecurityError.self) { try TOTP(secret: Array(repeating: 1, count: 10)) }
        #expect(throws: SecurityError.self) { try TOTP(secret: Self.seeds[.sha1]!, digits: 5) }
        #expect(throws: SecurityError.self) { try TOTP(secret: Self.seeds[.sha1]!, digits: 9) }
        #expect(throws: SecurityError.self) { try TOTP(secret: Self.seeds[.sha1]!, period: 0) }
    }

    @Test func provisioningURIAndRedactedDescription() throws {
        let totp = try TOTP(secret: Self.seeds[.sha1]!)
        let uri = totp.provisioningURI(issuer: "Millrace Dayton", account: "alice@plant.example")
        #expect(
            uri == "otpauth://totp/Millrace%20Dayton:alice%40plant.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=Millrace%20Dayton&algorithm=SHA1&digits=6&period=30")
        #expect(!totp.description.contains("GEZDGNBV"))
        #expect(!totp.description.contains("1234567890"))
    }

    @Test func generatedSecretsHaveTheDigestLength() {
        var generator = SeededGenerator(seed: 7)
        #expect(TOTP.generateSecret(for: .sha1, using: &generator).count == 20)
        #expect(TOTP.generateSecret(for: .sha512, using: &generator).count == 64)
    }
}
