import Foundation
import Testing

@testable import MillraceSecurity

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    @Test(
        "RFC 4648 §10 vectors",
        arguments: [
            ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
        ])
    func rfc4648(plain: String, encoded: String) throws {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(try Base32.decode(encoded) == Array(plain.utf8))
        #expect(try Base32.decode(encoded.replacingOccurrences(of: "=", with: "").lowercased()) == Array(plain.utf8))
    }

    @Test func roundTripsRandomBytes() throws {
        var generator = SeededGenerator(seed: 9)
        for length in 0..<40 {
            let bytes = SecureRandom.bytes(count: length, using: &generator)
            #expect(try Base32.decode(Base32.encode(bytes)) == bytes)
            #expect(try Base32.decode(Base32.encode(bytes, padding: false)) == bytes)
        }
    }

    @Test func rejectsInvalidText() {
        for text in ["MZ1W", "MZXW6=A", "M", "MZX"] {
            let error = #expect(throws: SecurityError.self) { try Base32.decode(text) }
            #expect(error?.code == .invalidEncoding)
        }
    }
}
