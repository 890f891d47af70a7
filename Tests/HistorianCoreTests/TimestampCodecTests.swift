import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct TimestampCodecTests {
    func roundTrip(_ times: [Int64]) throws -> [Int64] {
        var encoder = TimestampEncoder()
        for time in times { encoder.append(time) }
        let section = encoder.finish()
        var decoder = TimestampDecoder(reader: BitReader(bytes: section, range: 0..<section.count))
        let decoded = try times.map { _ in try decoder.next() }
        try decoder.checkFinished()
        return decoded
    }

    static let boundaryTables: [[Int64]] = [
        [],
        [0],
        [Int64.min],
        [Int64.max],
        [Int64.min, Int64.max],
        [Int64.min, Int64.min, 0, Int64.max, Int64.max],
        [-1, 0, 1],
        [5, 5, 5, 5, 5],  // equal timestamps
        [-2_208_988_800_000_000, -2_208_988_799_000_000, -1_000_000, -999_999],  // before 1970
        [0, 1_000_000, 2_000_000, 3_600_000_000_000, 3_600_001_000_000],  // an hour's gap
        [0, 1, Int64.max - 1, Int64.max],  // a gap of nearly 2^63
        [1_000, 2_000, 3_000, 4_001_000],  // milliseconds
        [Int64.min + 807, Int64.min + 1_807],  // multiples of 1000 near the bottom of the range
    ]

    @Test(arguments: boundaryTables)
    func boundaryTimesRoundTrip(_ times: [Int64]) throws {
        #expect(try roundTrip(times) == times)
    }

    @Test func randomNonDecreasingTimesRoundTrip() async {
        await checkProperty(input: Gen.int64().array(of: 0...60)) { raw throws in
            let times = raw.sorted()
            #expect(try roundTrip(times) == times)
        }
    }

    @Test func jitteredSecondsRoundTrip() async {
        await checkProperty(
            input: Gen.int64(in: -4_000_000_000_000_000...4_000_000_000_000_000),
            Gen.int64(in: 0...2_000_000).array(of: 1...200)
        ) { start, steps throws in
            var times: [Int64] = []
            var time = start
            for step in steps {
                time += step
                times.append(time)
            }
            #expect(try roundTrip(times) == times)
        }
    }

    @Test func everyDeltaOfDeltaBucketEdgeRoundTrips() throws {
        var dods: [Int64] = [0, 1, -1, Int64.max, Int64.min]
        for width in TimestampEncoder.deltaOfDeltaWidths where width < 64 {
            let limit = Int64(1) << (width - 1)
            dods += [limit - 1, limit, -limit, -limit - 1]
        }
        // Start with a delta of 2^62 so that no negative dod makes time go backwards, and let time wrap.
        var times: [Int64] = [0, 1 << 62]
        var delta: Int64 = 1 << 62
        for dod in dods where dod.magnitude < 1 << 40 {
            delta += dod
            times.append(times.last! &+ delta)
        }
        #expect(try roundTrip(times) == times)
        // And each bucket directly, including the 64-bit one.
        for dod in dods {
            var section = BitWriter()
            section.writeByte(0)
            section.writeVarInt(0)
            section.writeVarUInt(0)
            TimestampEncoder.writeDeltaOfDelta(dod, to: &section)
            var decoder = TimestampDecoder(reader: BitReader(bytes: section.bytes, range: 0..<section.bytes.count))
            #expect(try [decoder.next(), decoder.next(), decoder.next()] == [0, 0, dod])
        }
    }

    @Test func regularSecondsCostOneBitEach() {
        var encoder = TimestampEncoder()
        for second in 0..<1001 { encoder.append(1_767_225_600_000_000 + Int64(second) * 1_000_000) }
        let section = encoder.finish()
        // Unit byte, the first time and delta in seconds (5 + 1 bytes), then 999 zero bits.
        #expect(section.count == 1 + 5 + 1 + 125)
        #expect(section.first == 6)
    }

    @Test func millisecondJitterUsesMillisecondUnits() {
        var encoder = TimestampEncoder()
        for (second, jitter) in [0, 3, -2, 1, 0, -4].enumerated() {
            encoder.append(1_767_225_600_000_000 + Int64(second) * 1_000_000 + Int64(jitter) * 1_000)
        }
        #expect(encoder.finish().first == 3)
        encoder.append(1_767_225_606_000_001)
        #expect(encoder.finish().first == 0)
    }

    @Test func unknownUnitIsRejected() {
        var decoder = TimestampDecoder(reader: BitReader(bytes: [2, 0], range: 0..<2))
        expectDecodingError(.unsupportedEncoding) { _ = try decoder.next() }
    }

    @Test func overflowingScaledTimeIsMalformed() {
        // Unit of seconds, first time 2^62 s: far beyond Int64 microseconds.
        var writer = BitWriter()
        writer.writeByte(6)
        writer.writeVarInt(1 << 62)
        var decoder = TimestampDecoder(reader: BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count))
        expectDecodingError(.malformed) { _ = try decoder.next() }
    }
}
