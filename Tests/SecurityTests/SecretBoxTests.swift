import Foundation
import Testing

@testable import MillraceSecurity

@Suite("SecretBox")
struct SecretBoxTests {
    func box(seed: UInt64) throws -> SecretBox {
        var generator = SeededGenerator(seed: seed)
        return try SecretBox(key: SecretBox.generateKey(using: &generator))
    }

    @Test func roundTripWithVersionedFormat() throws {
        let box = try box(seed: 31)
        var generator = SeededGenerator(seed: 32)
        let sealed = try box.seal(
            Array("plc-1 password ü".utf8), context: "connection/plc-1/password", using: &generator)
        #expect(sealed.hasPrefix("mrsec1:"))
        #expect(!sealed.contains("plc-1 password"))
        #expect(try box.openString(sealed, context: "connection/plc-1/password") == "plc-1 password ü")
        // Random nonces: sealing twice gives different text.
        #expect(try box.seal("same", context: "c") != box.seal("same", context: "c"))
        #expect(try box.openString(box.seal("", context: "c"), context: "c") == "")
    }

    @Test func wrongKeyIsATypedError() throws {
        let sealed = try box(seed: 33).seal("secret", context: "c")
        let error = #expect(throws: SecurityError.self) { try box(seed: 34).open(sealed, context: "c") }
        #expect(error?.code == .wrongKey)
    }

    @Test func everyFlippedByteIsDetected() throws {
        let box = try box(seed: 35)
        var generator = SeededGenerator(seed: 36)
        let sealed = try box.seal(Array("setpoint-credential".utf8), context: "c", using: &generator)
        let raw = try Base64URL.decodeUnpaddedStandard(String(sealed.dropFirst(7)))
        for index in raw.indices {
            var tampered = raw
            tampered[index] ^= 0x01
            let text = "mrsec1:" + Base64URL.encodeUnpaddedStandard(tampered)
            let error = #expect(throws: SecurityError.self) { try box.open(text, context: "c") }
            // The first four bytes are the key id; the rest are authenticated by GCM.
            #expect(error?.code == (index < 4 ? .wrongKey : .authenticationFailed), "byte \(index)")
        }
    }

    @Test func contextIsAuthenticated() throws {
        let box = try box(seed: 37)
        let sealed = try box.seal("pw", context: "connection/plc-1/password")
        let error = #expect(throws: SecurityError.self) { try box.open(sealed, context: "connection/plc-2/password") }
        #expect(error?.code == .authenticationFailed)
    }

    @Test("malformed sealed values", arguments: ["", "plain", "mrsec2:AAAA", "mrsec1:!!!", "mrsec1:AAAA"])
    func malformed(text: String) throws {
        let error = #expect(throws: SecurityError.self) { try box(seed: 38).open(text, context: "c") }
        #expect(error?.code == .malformedCiphertext)
    }

    @Test func descriptionHidesTheKey() throws {
        let box = try box(seed: 39)
        #expect(box.description.hasPrefix("SecretBox(key id "))
        #expect(throws: SecurityError.self) { try SecretBox(key: [0, 1]) }
    }

    @Test func keyFileIsCreatedPrivateAndLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secretbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("secret.key").path
        var generator = SeededGenerator(seed: 40)
        let file = SecretBoxKeyFile(path: path)
        let created = try file.create(using: &generator)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let sealed = try created.seal("device password", context: "c")
        #expect(try file.load().openString(sealed, context: "c") == "device password")

        // Never overwrites an existing key.
        let again = #expect(throws: SecurityError.self) { try file.create(using: &generator) }
        #expect(again?.code == .invalidKeyFile)

        // Refuses a key file others can read.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let open = #expect(throws: SecurityError.self) { try file.load() }
        #expect(open?.message.contains("chmod 600") == true)

        // Wrong contents and missing files are typed errors.
        let bad = directory.appendingPathComponent("bad.key").path
        _ = FileManager.default.createFile(
            atPath: bad, contents: Data("too short\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: SecurityError.self) { try SecretBoxKeyFile(path: bad).load() }
        #expect(throws: SecurityError.self) {
            try SecretBoxKeyFile(path: directory.appendingPathComponent("none").path).load()
        }
    }
}
