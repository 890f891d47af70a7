import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

/// Damaged and hostile chunks: every one must give a `ChunkDecodingError`, never a trap or a hang.
@Suite struct ChunkCorruptionTests {
    /// One valid chunk of each kind, with quality changes, jitter and repeats.
    static let validChunks: [[UInt8]] = {
        let start: Int64 = 1_767_225_600_000_000
        func series(_ values: [DataValue]) -> [Sample] {
            values.enumerated().map { index, value in
                Sample(
                    time: Timestamp(microseconds: start + Int64(index) * 1_000_000 + Int64(index % 3) * 731),
                    value: value, quality: index == 4 ? .communicationFailure : .good)
            }
        }
        let doubles: [DataValue] = [21.5, 21.6, 21.6, .nan, 1e300, -0.0, 21.5, 21.7].map { .double($0) }
        let decimals: [DataValue] = [21.5, 21.6, 21.6, 21.4, 21.5, 21.5, 21.7, 21.8].map { .double($0) }
        let integers: [DataValue] = [0, 1, 1, .max, .min, -5, 7, 7].map { .integer($0) }
        let bools: [DataValue] = [true, true, false, false, false, true, false, false].map { .bool($0) }
        let strings: [DataValue] = ["RUN", "RUN", "STOP", "RUN", "FAULT", "STOP", "é", "é"].map { .string($0) }
        return [
            try! encode(series(doubles), kind: .double), try! encode(series(decimals), kind: .double),
            try! encode(series(integers), kind: .integer), try! encode(series(bools), kind: .bool),
            try! encode(series(strings), kind: .string),
        ]
    }()

    /// Recomputes the checksum so structural checks behind it can be reached.
    static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var body = Array(bytes.dropLast(Chunk.checksumSize))
        body.appendBigEndian(CRC32C.checksum(body))
        return body
    }

    static func patched(_ bytes: [UInt8], at offset: Int, _ new: [UInt8]) -> [UInt8] {
        var copy = bytes
        copy.replaceSubrange(offset..<(offset + new.count), with: new)
        return resealed(copy)
    }

    @Test func validChunksDecode() throws {
        #expect(Self.validChunks[1][6] == Chunk.decimalEncoding)
        for chunk in Self.validChunks { #expect(try Chunk.decode(chunk).count == 8) }
    }

    @Test func everyTruncationIsAnError() {
        for chunk in Self.validChunks {
            for length in 0..<chunk.count {
                let error = expectDecodingError(.truncated) { _ = try Chunk.decode(chunk.prefix(length)) }
                #expect(error?.offset == length)
            }
        }
    }

    @Test func trailingBytesAreAnError() {
        for chunk in Self.validChunks {
            expectDecodingError(.malformed) { _ = try Chunk.decode(chunk + [0]) }
        }
    }

    @Test func everySingleBitFlipIsDetected() {
        for chunk in Self.validChunks {
            for bit in 0..<(chunk.count * 8) {
                var damaged = chunk
                damaged[bit / 8] ^= 1 << UInt8(bit % 8)
                let error = #expect(throws: ChunkDecodingError.self) { _ = try Chunk.decode(damaged) }
                switch bit / 8 {
                case 0..<4: #expect(error?.code == .badMagic)
                case 4: #expect(error?.code == .unsupportedVersion)
                case 28..<40: #expect(error?.code == .truncated || error?.code == .malformed)
                default: #expect(error?.code == .checksumMismatch, "bit \(bit)")
                }
            }
        }
    }

    @Test func lyingCountsAreRejectedWithoutAllocating() {
        for chunk in Self.validChunks {
            // 2^32 - 1 samples claimed by a chunk of a few dozen bytes.
            let huge = Self.patched(chunk, at: 8, [0xFF, 0xFF, 0xFF, 0xFF])
            expectDecodingError(.countMismatch) { _ = try Chunk.decode(huge) }
            // One more or one fewer sample than the sections hold.
            let more = Self.patched(chunk, at: 8, [0, 0, 0, 9])
            #expect(throws: ChunkDecodingError.self) { _ = try Chunk.decode(more) }
            let fewer = Self.patched(chunk, at: 8, [0, 0, 0, 7])
            #expect(throws: ChunkDecodingError.self) { _ = try Chunk.decode(fewer) }
        }
    }

    @Test func headerFieldsAreChecked() {
        let chunk = Self.validChunks[2]
        expectDecodingError(.badMagic) { _ = try Chunk.decode([0x4D, 0x52, 0x43, 0x00]) }
        expectDecodingError(.badMagic) { _ = try Chunk.decode(Array("PK\u{3}\u{4}".utf8)) }
        expectDecodingError(.unsupportedVersion) { _ = try Chunk.decode(Self.patched(chunk, at: 4, [2])) }
        expectDecodingError(.unsupportedValueKind) { _ = try Chunk.decode(Self.patched(chunk, at: 5, [9])) }
        expectDecodingError(.unsupportedEncoding) { _ = try Chunk.decode(Self.patched(chunk, at: 6, [3])) }
        expectDecodingError(.malformed) { _ = try Chunk.decode(Self.patched(chunk, at: 7, [1])) }
        // A first time that disagrees with the time section, and one after the last time.
        expectDecodingError(.malformed) { _ = try Chunk.decode(Self.patched(chunk, at: 19, [0x01])) }
        expectDecodingError(.malformed) { _ = try Chunk.decode(Self.patched(chunk, at: 12, [0x7F])) }
        // Another kind's byte: the value section no longer makes sense as that kind, but must not trap.
        for kind: UInt8 in 1...4 {
            _ = try? Chunk.decode(Self.patched(chunk, at: 5, [kind]))
            _ = try? Chunk.decode(Self.patched(Self.validChunks[0], at: 5, [kind]))
        }
    }

    @Test func invalidQualityCodeIsReported() {
        // The quality section of the integer chunk starts with run 4 (good), then 0x0201 for one sample.
        let chunk = Self.validChunks[2]
        let qualityStart = chunk.count - Chunk.checksumSize - Int(chunk.readUInt32(at: 36))
        let damaged = Self.patched(chunk, at: qualityStart + 1, [0x07, 0x00])
        let error = expectDecodingError(.invalidQuality) { _ = try Chunk.decode(damaged) }
        #expect(error?.offset == qualityStart + 1)
        #expect(error?.excerpt.contains(0x07) == true)
    }

    @Test func invalidUTF8IsReported() throws {
        let chunk = try encode(samples([.string("ab")]), kind: .string)
        // The value section: `00`, length 2, "a", "b" -- not byte aligned; flip "b" to 0xFF via re-encoding.
        var writer = BitWriter()
        writer.writeBits(0, count: 2)
        writer.writeVarUInt(2)
        writer.writeByte(0x61)
        writer.writeByte(0xFF)
        let valueStart = Chunk.headerSize + Int(chunk.readUInt32(at: 28))
        let damaged = Self.patched(chunk, at: valueStart, writer.bytes)
        expectDecodingError(.invalidString) { _ = try Chunk.decode(damaged) }
    }

    @Test func decoderErrorIsSticky() throws {
        let chunk = Self.patched(Self.validChunks[3], at: 8, [0, 0, 0, 9])
        var decoder = try Chunk(chunk).makeDecoder()
        var decoded = 0
        while decoder.next() != nil { decoded += 1 }
        #expect(decoded <= 9 && decoder.error != nil)
        #expect(decoder.next() == nil)
        #expect(throws: ChunkDecodingError.self) { _ = try decoder.decodeNext() }
    }

    @Test func randomSectionsBehindAValidHeaderNeverTrap() async {
        // A fuzzer in miniature: well-formed header and checksum around random section bytes.
        await checkProperty(
            count: 500, input: Gen.int(in: 1...4), Gen.int(in: 0...2), Gen.int(in: 0...300),
            Gen.uint8().array(of: 0...64), Gen.int(in: 0...64)
        ) { kind, encoding, count, sections, split throws in
            var bytes = Chunk.magic + [Chunk.version, UInt8(kind), UInt8(encoding), 0]
            bytes.appendBigEndian(UInt32(count))
            bytes.appendBigEndian(UInt64(0))
            bytes.appendBigEndian(UInt64(1 << 40))
            let first = min(split, sections.count)
            let second = (sections.count - first) / 2
            bytes.appendBigEndian(UInt32(first))
            bytes.appendBigEndian(UInt32(second))
            bytes.appendBigEndian(UInt32(sections.count - first - second))
            bytes += sections
            bytes.appendBigEndian(CRC32C.checksum(bytes))
            if let samples = try? Chunk.decode(bytes) {
                #expect(samples.count == count)
            }
        }
    }

    @Test func errorDescriptionNamesCodeOffsetAndBytes() {
        let error = ChunkDecodingError(code: .truncated, offset: 2, bytes: [0xAB, 0x01, 0x02], reason: "test")
        #expect(error.excerpt == [0xAB, 0x01, 0x02] && error.excerptStart == 0)
        #expect(error.description == "chunk truncated at byte 2: test (bytes from 0: ab 01 02)")
    }
}
