import Foundation
import Testing

@testable import MillraceSecurity

@Suite("RecoveryCodes")
struct RecoveryCodesTests {
    @Test func tenSingleUseCodesStoredHashed() {
        var generator = SeededGenerator(seed: 11)
        let (codes, generated) = RecoveryCodes.generate(using: &generator)
        var stored = generated
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        #expect(codes.allSatisfy { $0.count == 19 && $0.split(separator: "-").count == 4 })
        #expect(stored.hashes.allSatisfy { hash in !codes.contains(hash) })
        let first = stored.redeem(codes[3].uppercased())
        let again = stored.redeem(codes[3])
        #expect(first && !again)
        #expect(stored.remaining == 9)
        let spaced = stored.redeem(codes[0].replacingOccurrences(of: "-", with: " "))
        let unknown = stored.redeem("aaaa-bbbb-cccc-dddd")
        #expect(spaced && !unknown)
        #expect(stored.remaining == 8)
        #expect(stored.description == "RecoveryCodes(8 remaining)")
    }
}
