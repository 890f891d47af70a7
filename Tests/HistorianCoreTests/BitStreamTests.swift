import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct BitStreamTests {
    @Test func fieldsRoundTrip() async {
        let field = zip(Gen.uint64(), Gen.int(in: 0...64))
        await checkProperty(input: field.array(of: 0...50)) { fields throws in
            var writer = BitWriter()
            for (value, width) in fields { writer.writeBits(value, count: width) }
            #expect(writer.bitCount == fields.reduce(0) { $0 + $1.1 })
            var reader = BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count)
            for (value, width) in fields {
                let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
                #expect(try reader.readBits(width) == value & mask)
            }
            #expect(reader.remainingBits < 8)
            #expect(throws: Never.self) { try reader.checkFinished() }
        }
    }

    @Test func bitsAreMostSignificantFirst() throws {
        var writer = BitWriter()
        writer.writeBit(true)
        writer.writeBits(0b0110, count: 4)
        writer.writeBits(0x1FF, count: 9)
        #expect(writer.bytes == [0b1011_0111, 0b1111_1100])
        #expect(writer.bitCount == 14)
    }

    @Test func readingPastTheEndThrowsTruncated() {
        var reader = BitReader(bytes: [0xFF, 0x00], range: 1..<2)
        #expect(throws: Never.self) { _ = try reader.readBits(7) }
        #expect(throws: Never.self) { _ = try reader.readBit() }
        expectDecodingError(.truncated) { _ = try reader.readBit() }
        var wide = BitReader(bytes: [0x01, 0x02, 0x03], range: 0..<3)
        let error = expectDecodingError(.truncated) { _ = try wide.readBits(25) }
        #expect(error?.offset == 0 && error?.excerpt == [0x01, 0x02, 0x03])
    }

    @Test(arguments: [
        Int64.min, Int64.min + 1, -129, -128, -64, -63, -1, 0, 1, 63, 64, 127, 128, 300, Int64.max - 1, Int64.max,
    ])
    func varIntsRoundTrip(_ value: Int64) throws {
        var writer = BitWriter()
        writer.writeVarInt(value)
        writer.writeVarUInt(UInt64(bitPattern: value))
        var reader = BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count)
        #expect(try reader.readVarInt() == value)
        #expect(try reader.readVarUInt() == UInt64(bitPattern: value))
        #expect(ZigZag.decode(ZigZag.encode(value)) == value)
    }

    @Test func varIntEncodingIsLEB128() {
        var writer = BitWriter()
        writer.writeVarUInt(300)
        writer.writeVarInt(-1)
        writer.writeVarUInt(UInt64.max)
        #expect(writer.bytes == [0xAC, 0x02, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01])
    }

    @Test func overlongVarIntIsMalformed() {
        let overlong: [UInt8] = Array(repeating: 0xFF, count: 9) + [0x02]
        var reader = BitReader(bytes: overlong, range: 0..<overlong.count)
        expectDecodingError(.malformed) { _ = try reader.readVarUInt() }
        let endless: [UInt8] = Array(repeating: 0x80, count: 4)
        var short = BitReader(bytes: endless, range: 0..<endless.count)
        expectDecodingError(.truncated) { _ = try short.readVarUInt() }
    }

    @Test func varbitIntsRoundTrip() async throws {
        let boundaries: [Int64] = [
            0, 1, -1, 4, 5, -3, -4, 32, 33, -31, -32, 256, 257, -255, -256, 2048, 2049, -2047, -2048,
            131_072, 131_073, -131_071, 1 << 24, (1 << 24) + 1, 1 << 55, (1 << 55) + 1, -(1 << 55) + 1, -(1 << 55),
            .min, .max,
        ]
        func roundTrip(_ values: [Int64]) throws -> [Int64] {
            var writer = BitWriter()
            for value in values { VarbitInt.write(value, to: &writer) }
            var reader = BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count)
            return try values.map { _ in try VarbitInt.read(from: &reader) }
        }
        #expect(try roundTrip(boundaries) == boundaries)
        await checkProperty(input: Gen.int64().array(of: 0...40), Gen.int64(in: -5000...5000).array(of: 0...40)) {
            wide, narrow throws in
            #expect(try roundTrip(wide) == wide)
            #expect(try roundTrip(narrow) == narrow)
        }
    }

    @Test func crc32cMatchesTheRFC3720CheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // RFC 3720 §B.4: 32 bytes of zeros.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
    }
}
