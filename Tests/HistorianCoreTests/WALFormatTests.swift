import Foundation
@testable import HistorianCore
import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@Suite struct WALFormatTests {
    let t0 = Timestamp(seconds: 1_767_225_600)

    var batch: [WALSample] {
        [
            WALSample(tagID: 1, sample: Sample(time: t0, value: .double(-0.0), quality: .good)),
            WALSample(tagID: 2, sample: Sample(time: t0, value: .integer(.min), quality: .uncertain)),
            WALSample(tagID: 3, sample: Sample(time: Timestamp(microseconds: -5), value: .bool(true), quality: .communicationFailure)),
            WALSample(tagID: 4, sample: Sample(time: t0, value: .string("Stau ✓"), quality: .good)),
            WALSample(tagID: .max, sample: Sample(time: t0, value: .double(Double(bitPattern: 0x7FF8_0000_0000_0001)))),
        ]
    }

    func identical(_ a: [WALSample], _ b: [WALSample]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.tagID == y.tagID && x.sample.time == y.sample.time && x.sample.quality == y.sample.quality
                && x.sample.value.isIdentical(to: y.sample.value)
        }
    }

    @Test func goldenRecord() {
        let record = WALFormat.encodeRecord([WALSample(tagID: 1, sample: Sample(time: Timestamp(microseconds: 1), value: .bool(true)))])
        // length 7, CRC-32C of the payload, payload: type 1, count 1, tag 1, time zigzag(1) = 2, kind 3, quality 0x0000.
        #expect(Array(record[0..<4]) == [7, 0, 0, 0])
        #expect(Array(record[8...]) == [0x01, 0x01, 0x01, 0x02, 0x03, 0x00, 0x00])
        let crc = CRC32C.checksum([0x01, 0x01, 0x01, 0x02, 0x03, 0x00, 0x00])
        #expect(Array(record[4..<8]) == [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)])
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
    }

    @Test func boundaryBatchRoundTrips() throws {
        let bytes = WALFormat.fileHeader + WALFormat.encodeRecord(batch) + WALFormat.encodeRecord(Array(batch.prefix(2)))
        let result = try WALFormat.read(bytes)
        #expect(result.batches.count == 2)
        #expect(identical(result.batches[0], batch))
        #expect(result.validLength == bytes.count)
        #expect(result.tailProblem == nil)
    }

    @Test func randomBatchesRoundTrip() async {
        await checkProperty(count: 200, input: Gen.int64(in: -1_000_000...1_000_000).array(of: 0...40)) { values in
            let samples = values.enumerated().map { index, value in
                WALSample(tagID: Int64(index), sample: Sample(time: Timestamp(microseconds: value * 997), value: .integer(value)))
            }
            let result = try? WALFormat.read(WALFormat.fileHeader + WALFormat.encodeRecord(samples))
            #expect(result.map { identical($0.batches.first ?? [], samples) } == true)
        }
    }

    @Test func everyTruncationKeepsTheIntactPrefix() throws {
        let first = WALFormat.encodeRecord(batch)
        let second = WALFormat.encodeRecord(Array(batch.suffix(2)))
        let bytes = WALFormat.fileHeader + first + second
        for length in WALFormat.headerSize..<bytes.count {
            let result = try WALFormat.read(Array(bytes[0..<length]))
            let expectedBatches = length >= WALFormat.headerSize + first.count ? 1 : 0
            #expect(result.batches.count == expectedBatches, "length \(length)")
            if length != WALFormat.headerSize && length != WALFormat.headerSize + first.count {
                #expect(result.tailProblem?.code == .tornRecord || result.tailProblem?.code == .corruptRecord, "length \(length)")
            }
        }
    }

    @Test func flippedBitsAreDetected() throws {
        let bytes = WALFormat.fileHeader + WALFormat.encodeRecord(batch)
        for index in WALFormat.headerSize..<bytes.count {
            var damaged = bytes
            damaged[index] ^= 0x10
            let result = try WALFormat.read(damaged)
            #expect(result.batches.isEmpty, "flip at \(index)")
            #expect(result.tailProblem != nil)
        }
    }

    @Test func badHeadersAndLyingLengths() {
        #expect(throws: WALDecodingError.self) { try WALFormat.read([0x4D, 0x52]) }
        #expect(throws: WALDecodingError.self) { try WALFormat.read(Array("NOTAWAL!".utf8)) }
        #expect(throws: WALDecodingError.self) { try WALFormat.read(WALFormat.magic + [9, 0, 0, 0]) }
        let lying = WALFormat.fileHeader + [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0] + [1, 2, 3]
        #expect((try? WALFormat.read(lying))?.tailProblem?.code == .corruptRecord)
        // A sample count far beyond what the payload can hold is refused before allocating.
        var payload: [UInt8] = [1, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        payload += [0, 0]
        let crc = CRC32C.checksum(payload)
        var record: [UInt8] = [UInt8(payload.count), 0, 0, 0]
        record += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)]
        #expect((try? WALFormat.read(WALFormat.fileHeader + record + payload))?.tailProblem?.code == .corruptRecord)
    }

    @Test func emptyFileIsAnEmptyLog() throws {
        let result = try WALFormat.read([])
        #expect(result.batches.isEmpty && result.validLength == 0)
    }
}

/// Files written by scripts/make_wal_fixtures.py, an independent implementation of docs/format/wal-v1.md.
@Suite struct WALFixtureTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

    func load(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.directory)/\(name)")))
    }

    @Test func validFileDecodesToTheDocumentedSamples() throws {
        let result = try WALFormat.read(try load("wal-valid.bin"))
        #expect(result.tailProblem == nil)
        #expect(result.batches.map(\.count) == [3, 2])
        let first = result.batches[0]
        #expect(first[0].tagID == 1 && first[0].sample.value == .double(21.5) && first[0].sample.quality == .good)
        #expect(first[1].sample.value == .integer(-42) && first[1].sample.quality == .uncertain)
        #expect(first[2].sample.value == .bool(true) && first[2].sample.quality == .communicationFailure)
        #expect(result.batches[1][1].sample.value == .string("Blocked"))
        #expect(first[0].sample.time == Timestamp(seconds: 1_767_225_600))
    }

    @Test func tornTailKeepsTheFirstBatch() throws {
        let result = try WALFormat.read(try load("wal-torn-tail.bin"))
        #expect(result.batches.count == 1)
        #expect(result.tailProblem?.code == .tornRecord)
    }

    @Test func badChecksumEndsTheIntactPrefix() throws {
        let result = try WALFormat.read(try load("wal-bad-crc.bin"))
        #expect(result.batches.count == 1)
        #expect(result.tailProblem?.code == .checksumMismatch)
    }

    @Test func badHeadersAreRefused() throws {
        #expect(throws: WALDecodingError.self) { try WALFormat.read(try load("wal-bad-magic.bin")) }
        let future = #expect(throws: WALDecodingError.self) { try WALFormat.read(try load("wal-future-version.bin")) }
        #expect(future?.code == .unsupportedVersion)
    }
}
