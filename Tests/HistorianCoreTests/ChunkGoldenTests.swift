import MillraceCore
import Testing

@testable import HistorianCore

/// Chunks written out by hand, field by field, from docs/format/chunk-v1.md, with the CRC-32C computed by
/// an independent bitwise implementation. They pin the format: if one changes, old chunks stop reading.
@Suite struct ChunkGoldenTests {
    /// Integers 10, 11, 11 at 1 s, 2 s, 3 s after the epoch, all good.
    static let integers = [
        "4d52434b 01 02 01 00",  // magic MRCK, version 1, kind 2 (integer), encoding 1 (delta), reserved
        "00000003",  // 3 samples
        "00000000000f4240",  // first time 1_000_000 µs
        "00000000002dc6c0",  // last time 3_000_000 µs
        "00000004 00000002 00000003",  // section lengths: time 4, value 2, quality 3
        "06 02 01 00",  // time unit 10^6 µs; first 1 s (zigzag 2); first delta 1 s; dod 0 = bit 0, padding
        "14 88",  // first value 10 (zigzag 20); then +1 = `10` `001`, 0 = `0`, padding: 1000 1000
        "03 0000",  // one run of 3 good samples
        "4a7ed324",  // CRC-32C of everything before
    ].joined().filter { $0 != " " }

    /// Doubles 23.4, 23.5, 23.5 at 2026-01-01T00:00:00Z + 0, 1.000 and 2.001 s; the last is
    /// bad:communicationFailure. Short decimals, so the decimal encoding is chosen.
    static let decimals = [
        "4d52434b 01 01 02 00",  // MRCK, version 1, kind 1 (double), encoding 2 (decimal), reserved
        "00000003",
        "0006474846204000",  // 1_767_225_600_000_000 µs
        "0006474846 3ec868",  // + 2_001_000 µs
        "0000000a 00000004 00000006",
        // Unit 10^3 µs; first 1_767_225_600_000 ms as zigzag varint (6 bytes); first delta 1000 ms (e8 07);
        // dod +1 = `10` `00001`, padding: 1000 0010.
        "03 80a0d5edee66 e807 82",
        // Exponent 1; first 234 as zigzag 468 (d4 03); +1 = `10` `001`, 0 = `0`: 1000 1000.
        "01 d403 88",
        "02 0000 01 0201",  // 2 good, then 1 bad:communicationFailure (0x0201)
        "b9675d4b",
    ].joined().filter { $0 != " " }

    @Test func integerChunkDecodesAndReencodesByteExact() throws {
        let golden = bytes(hex: Self.integers)
        let expected = [Int64(10), 11, 11].enumerated().map { index, value in
            Sample(time: Timestamp(seconds: Int64(index) + 1), value: .integer(value))
        }
        let decoded = try Chunk.decode(golden)
        #expect(identical(decoded, expected))
        #expect(hex(try encode(expected, kind: .integer)) == Self.integers)
    }

    @Test func decimalChunkDecodesAndReencodesByteExact() throws {
        let golden = bytes(hex: Self.decimals)
        let start: Int64 = 1_767_225_600_000_000
        let expected = [
            Sample(time: Timestamp(microseconds: start), value: .double(23.4)),
            Sample(time: Timestamp(microseconds: start + 1_000_000), value: .double(23.5)),
            Sample(
                time: Timestamp(microseconds: start + 2_001_000), value: .double(23.5), quality: .communicationFailure),
        ]
        let chunk = try Chunk(golden)
        #expect(chunk.kind == .double && chunk.count == 3)
        #expect(chunk.firstTime.microseconds == start && chunk.lastTime.microseconds == start + 2_001_000)
        #expect(identical(try Chunk.decode(golden), expected))
        #expect(hex(try encode(expected, kind: .double)) == Self.decimals)
    }

    @Test func chimp128StreamMatchesThePaperLayout() {
        // 1.0, 1.0 (equal to slot 0: `00`), 1.5, 1.0 (equal to slot 0 again: `00`).
        var encoder = Chimp128Encoder()
        for value in [1.0, 1.0, 1.5, 1.0] { encoder.append(value) }
        var expected = BitWriter()
        expected.writeBits(0x3FF0_0000_0000_0000, count: 64)
        expected.writeBits(0b00 << 7 | 0, count: 9)
        // 1.0 ^ 1.5 = 0x0008_0000_0000_0000: 12 leading zeros (code 2), 51 trailing (> 13, so `01`), 1
        // significant bit; the reference is the previous value, slot 1.
        expected.writeBits(0b01 << 16 | 1 << 9 | 2 << 6 | 1, count: 18)
        expected.writeBits(1, count: 1)
        expected.writeBits(0b00 << 7 | 0, count: 9)
        #expect(encoder.bytes == expected.bytes)
    }
}
