import Testing

@testable import MillraceSecurity

@Suite("PasswordHasher")
struct PasswordHasherTests {
    // RFC 7914 §11 (PBKDF2-HMAC-SHA256 test vectors).
    @Test(
        "RFC 7914 §11 PBKDF2-HMAC-SHA256 vectors",
        arguments: [
            (
                "passwd", "salt", 1,
                "55 ac 04 6e 56 e3 08 9f ec 16 91 c2 25 44 b6 05 f9 41 85 21 6d de 04 65 e6 8b 9d 57 c2 0d ac bc"
                    + "49 ca 9c cc f1 79 b6 45 99 16 64 b3 9d 77 ef 31 7c 71 b8 45 b1 e3 0b d5 09 11 20 41 d3 a1 97 83"
            ),
            (
                "Password", "NaCl", 80_000,
                "4d dc d8 f6 0b 98 be 21 83 0c ee 5e f2 27 01 f9 64 1a 44 18 d0 4c 04 14 ae ff 08 87 6b 34 ab 56"
                    + "a1 d4 25 a1 22 58 33 54 9a db 84 1b 51 c9 b3 17 6a 27 2b de bb a1 d0 78 47 8f 62 b3 97 f3 3c 8d"
            ),
        ])
    func rfc7914(password: String, salt: String, iterations: Int, expected: String) throws {
        let key = try PasswordHasher.pbkdf2SHA256(
            password: Array(password.utf8), salt: Array(salt.utf8), iterations: iterations, length: 64)
        #expect(key == hexBytes(expected))
    }

    // The RFC 6070 inputs run through PBKDF2-HMAC-SHA256 (the widely published SHA-256 counterparts).
    @Test(
        "RFC 6070-style PBKDF2-HMAC-SHA256 vectors",
        arguments: [
            (1, "12 0f b6 cf fc f8 b3 2c 43 e7 22 52 56 c4 f8 37 a8 65 48 c9 2c cc 35 48 08 05 98 7c b7 0b e1 7b"),
            (2, "ae 4d 0c 95 af 6b 46 d3 2d 0a df f9 28 f0 6d d0 2a 30 3f 8e f3 c2 51 df d6 e2 d8 5a 95 47 4c 43"),
            (4096, "c5 e4 78 d5 92 88 c8 41 aa 53 0d b6 84 5c 4c 8d 96 28 93 a0 01 ce 4e 11 a4 96 38 73 aa 98 13 4a"),
        ])
    func rfc6070Style(iterations: Int, expected: String) throws {
        let key = try PasswordHasher.pbkdf2SHA256(
            password: Array("password".utf8), salt: Array("salt".utf8), iterations: iterations, length: 32)
        #expect(key == hexBytes(expected))
    }

    @Test func hashAndVerifyRoundTrip() throws {
        let hasher = try PasswordHasher(iterations: 1_000)
        var generator = SeededGenerator(seed: 1)
        let stored = try hasher.hash("correct horse battery staple", using: &generator)
        #expect(stored.hasPrefix("$pbkdf2-sha256$i=1000$"))
        #expect(stored.split(separator: "$").count == 4)
        #expect(try hasher.verify("correct horse battery staple", against: stored))
        #expect(try !hasher.verify("correct horse battery stapler", against: stored))
        #expect(try !hasher.verify("", against: stored))
    }

    @Test func saltsDifferPerHash() throws {
        let hasher = try PasswordHasher(iterations: 1_000)
        var generator = SeededGenerator(seed: 2)
        let first = try hasher.hash("same password here", using: &generator)
        let second = try hasher.hash("same password here", using: &generator)
        #expect(first != second)
        let parsed = try PasswordHash(encoded: first)
        #expect(parsed.salt.count == 16)
        #expect(parsed.derivedKey.count == 32)
        #expect(!parsed.description.contains(Base64URL.encodeUnpaddedStandard(parsed.derivedKey)))
    }

    @Test func defaultIsOWASP2023AndVerifies() throws {
        let hasher = try PasswordHasher()
        #expect(hasher.iterations == 600_000)
        let stored = try hasher.hash("a long enough passphrase")
        #expect(stored.hasPrefix("$pbkdf2-sha256$i=600000$"))
        #expect(try hasher.verify("a long enough passphrase", against: stored))
        #expect(!hasher.needsRehash(stored))
    }

    @Test func needsRehashWhenBelowCurrentParameters() throws {
        var generator = SeededGenerator(seed: 3)
        let old = try PasswordHasher(iterations: 1_000).hash("another passphrase", using: &generator)
        let current = try PasswordHasher(iterations: 2_000)
        #expect(current.needsRehash(old))
        #expect(try current.verify("another passphrase", against: old))  // old hashes still verify
        #expect(current.needsRehash("garbage"))
    }

    @Test func unicodeIsNormalizedNFKC() throws {
        let hasher = try PasswordHasher(iterations: 1_000)
        var generator = SeededGenerator(seed: 4)
        // "é" precomposed (U+00E9) vs "e" + combining acute (U+0301).
        let stored = try hasher.hash("caf\u{E9} au lait 2026", using: &generator)
        #expect(try hasher.verify("cafe\u{301} au lait 2026", against: stored))
    }

    @Test(
        "malformed stored hashes are typed errors",
        arguments: [
            "", "plain", "$pbkdf2-sha1$i=1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$i=0$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$i=999999999999$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$n=1000$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
            "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA",
        ])
    func malformed(encoded: String) throws {
        let hasher = try PasswordHasher(iterations: 1_000)
        let error = #expect(throws: SecurityError.self) { try hasher.verify("whatever password", against: encoded) }
        #expect(error?.code == .malformedPasswordHash || error?.code == .invalidEncoding)
    }

    @Test func rejectsWeakParameters() {
        #expect(throws: SecurityError.self) { try PasswordHasher(iterations: 0) }
        #expect(throws: SecurityError.self) { try PasswordHasher(saltLength: 8) }
        #expect(throws: SecurityError.self) { try PasswordHasher(derivedKeyLength: 8) }
    }
}
