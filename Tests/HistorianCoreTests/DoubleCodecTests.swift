import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct DoubleCodecTests {
    static let specialValues: [Double] = [
        0.0, -0.0, 1.0, -1.0, .infinity, -.infinity, .nan, -.nan,
        Double(bitPattern: 0x7FF0_0000_0000_0001),  // signalling NaN
        Double(bitPattern: 0x7FF8_DEAD_BEEF_0001),  // quiet NaN with a payload
        Double(bitPattern: 0xFFFF_FFFF_FFFF_FFFF),
        .leastNonzeroMagnitude, -.leastNonzeroMagnitude, .leastNormalMagnitude,
        Double(bitPattern: 0x000F_FFFF_FFFF_FFFF),  // largest subnormal
        .greatestFiniteMagnitude, -.greatestFiniteMagnitude, .pi, .ulpOfOne,
        23.4, 1013.25, 0.1, 9_007_199_254_740_992, 1e300, -1e-300,
    ]

    func chimpRoundTrip(_ values: [Double]) throws -> [UInt64] {
        var encoder = Chimp128Encoder()
        for value in values { encoder.append(value) }
        var decoder = Chimp128Decoder(reader: BitReader(bytes: encoder.bytes, range: 0..<encoder.bytes.count))
        let decoded = try values.map { _ in try decoder.next().bitPattern }
        try decoder.checkFinished()
        #expect(encoder.values().map(\.bitPattern) == decoded)
        return decoded
    }

    func decimalRoundTrip(_ values: [Double]) throws -> [UInt64]? {
        guard let writer = DecimalCodec.encode(values) else { return nil }
        var decoder = DecimalDecoder(reader: BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count))
        let decoded = try values.map { _ in try decoder.next().bitPattern }
        try decoder.checkFinished()
        return decoded
    }

    @Test func specialValuesRoundTripThroughChimp128() throws {
        let values = Self.specialValues
        #expect(try chimpRoundTrip(values) == values.map(\.bitPattern))
        // Every pair, in both orders, exercises each XOR case against each special value.
        for a in values {
            for b in values {
                #expect(try chimpRoundTrip([a, b, a, a, b]) == [a, b, a, a, b].map(\.bitPattern))
            }
        }
    }

    @Test func specialValuesRoundTripThroughChunks() throws {
        let input = samples(Self.specialValues.map { .double($0) })
        #expect(identical(try Chunk.decode(try encode(input, kind: .double)), input))
    }

    @Test func randomBitPatternsRoundTrip() async {
        await checkProperty(input: Gen.uint64().array(of: 0...300)) { patterns throws in
            let values = patterns.map { Double(bitPattern: $0) }
            #expect(try chimpRoundTrip(values) == patterns)
            let input = samples(values.map { .double($0) })
            #expect(identical(try Chunk.decode(try encode(input, kind: .double)), input))
        }
    }

    @Test func repeatingWindowsRoundTrip() async {
        // Few distinct values in long sequences: exercises the 128-value window and the `00`/`01` cases.
        await checkProperty(input: Gen.uint64().array(of: 1...8), Gen.int(in: 0...7).array(of: 0...400)) {
            palette, picks throws in
            let values = picks.map { Double(bitPattern: palette[$0 % palette.count]) }
            #expect(try chimpRoundTrip(values) == values.map(\.bitPattern))
        }
    }

    @Test func shortDecimalsRoundTripBothWays() async {
        await checkProperty(input: Gen.int64(in: -10_000_000...10_000_000).array(of: 1...200), Gen.int(in: 0...6)) {
            digits, exponent throws in
            let divisor = DecimalCodec.powersOfTen[exponent]
            let values = digits.map { Double($0) / divisor }
            let patterns = values.map(\.bitPattern)
            #expect(try decimalRoundTrip(values) == patterns)
            #expect(try chimpRoundTrip(values) == patterns)
            let input = samples(values.map { .double($0) })
            #expect(identical(try Chunk.decode(try encode(input, kind: .double)), input))
        }
    }

    @Test func decimalExponentIsTheSmallestThatFits() {
        #expect(DecimalCodec.exponent(for: [23.4, 1013.25, 7]) == 2)
        #expect(DecimalCodec.exponent(for: [1, 2, 3]) == 0)
        #expect(DecimalCodec.exponent(for: [-0.0]) == nil)
        #expect(DecimalCodec.exponent(for: [.nan]) == nil)
        #expect(DecimalCodec.exponent(for: [.infinity]) == nil)
        #expect(DecimalCodec.exponent(for: [1e300]) == nil)
        #expect(DecimalCodec.exponent(for: [.leastNonzeroMagnitude]) == nil)
    }

    @Test func decimalChunksAreChosenOnlyWhenSmaller() throws {
        let temperatures = samples((0..<100).map { .double(Double(200 + $0 % 7) / 10) })
        let decimal = try encode(temperatures, kind: .double)
        #expect(decimal[6] == Chunk.decimalEncoding)
        let random = samples((0..<100).map { .double(Double(bitPattern: UInt64($0) &* 0x9E37_79B9_7F4A_7C15)) })
        #expect(try encode(random, kind: .double)[6] == Chunk.chimp128Encoding)
        let withNegativeZero = samples([.double(23.4), .double(-0.0), .double(23.5)])
        #expect(try encode(withNegativeZero, kind: .double)[6] == Chunk.chimp128Encoding)
        #expect(identical(try Chunk.decode(try encode(withNegativeZero, kind: .double)), withNegativeZero))
    }

    @Test func impossibleChimpFieldsAreMalformed() {
        // First value, then `10` before any leading-zero count was stored.
        var writer = BitWriter()
        writer.writeBits(0, count: 64)
        writer.writeBits(0b10, count: 2)
        var decoder = Chimp128Decoder(reader: BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count))
        _ = try? decoder.next()
        expectDecodingError(.malformed) { _ = try decoder.next() }
        // `01` with zero significant bits.
        var zeroLength = BitWriter()
        zeroLength.writeBits(0, count: 64)
        zeroLength.writeBits(0b01 << 16, count: 18)
        var second = Chimp128Decoder(reader: BitReader(bytes: zeroLength.bytes, range: 0..<zeroLength.bytes.count))
        _ = try? second.next()
        expectDecodingError(.malformed) { _ = try second.next() }
    }
}
