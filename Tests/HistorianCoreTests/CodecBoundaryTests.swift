import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

/// Boundary tables for the codecs not covered by their own suites: decimals, booleans, strings, qualities.
@Suite struct CodecBoundaryTests {
    func roundTrip(_ values: [DataValue], kind: ValueKind, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let input = samples(values)
        let bytes = try encode(input, kind: kind)
        #expect(identical(try Chunk.decode(bytes), input), sourceLocation: sourceLocation)
    }

    @Test(arguments: [
        [0.0],
        [0.0, 0.1, -0.1, 0.0],
        [999_999.999, -999_999.999],
        [1e15, 1e15 + 1, 1e15 - 1],
        [1e-18, 2e-18],
        [123_456_789_012.5, 123_456_789_012.6],
        [4_611_686_018_427_387_904.0],  // 2^62: too large for the decimal form
        [9_007_199_254_740_992, 1, 0.5],
        [23.4, 23.4, 23.4, 23.4],
    ])
    func decimalBoundariesRoundTrip(_ values: [Double]) throws {
        try roundTrip(values.map { .double($0) }, kind: .double)
        if let section = DecimalCodec.encode(values) {
            var decoder = DecimalDecoder(reader: BitReader(bytes: section.bytes, range: 0..<section.bytes.count))
            #expect(try values.map { _ in try decoder.next().bitPattern } == values.map(\.bitPattern))
        }
    }

    @Test(arguments: [
        [true], [false], Array(repeating: true, count: 1000), Array(repeating: false, count: 1000),
        (0..<257).map { $0 % 2 == 0 }, [true, false, false, true, true, true],
    ])
    func booleanBoundariesRoundTrip(_ values: [Bool]) throws {
        try roundTrip(values.map { .bool($0) }, kind: .bool)
    }

    @Test func longBooleanRunsStayTiny() throws {
        let bytes = try encode(samples(Array(repeating: .bool(true), count: 100_000)), kind: .bool)
        #expect(Int(bytes.readUInt32(at: 32)) == 1 + 3)  // first value, then one varint run of 100_000
    }

    @Test(arguments: [
        [""], ["", "", "a", ""], ["\0", "a\0b"], [String(repeating: "€", count: 10_000)],
        (0..<600).map { "tag-\($0 % 300)" },  // more distinct strings than the dictionary holds
        ["👩‍👩‍👧", "👩‍👩‍👧", "Å", "Å"],
    ])
    func stringBoundariesRoundTrip(_ values: [String]) throws {
        try roundTrip(values.map { .string($0) }, kind: .string)
    }

    @Test func everyQualityRoundTrips() throws {
        var qualities: [Quality] = []
        for severity in Quality.Severity.allCases {
            for substatus in Quality.Substatus.allCases { qualities.append(Quality(severity, substatus)) }
        }
        let input = (qualities + qualities.reversed() + qualities).enumerated().map { index, quality in
            Sample(time: Timestamp(seconds: Int64(index / 2)), value: .integer(Int64(index)), quality: quality)
        }
        let bytes = try encode(input, kind: .integer)
        #expect(identical(try Chunk.decode(bytes), input))
    }

    @Test func qualityRunsRoundTrip() async {
        let quality = Gen.element(of: [Quality.good, .bad, .uncertain, .communicationFailure, .sensorFailure])
            .map { $0 ?? .good }
        let run = zip(quality, Gen.int(in: 1...50))
        await checkProperty(input: run.array(of: 0...20)) { runs throws in
            var encoder = QualityRunEncoder()
            var expected: [Quality] = []
            for (quality, length) in runs {
                for _ in 0..<length {
                    encoder.append(quality)
                    expected.append(quality)
                }
            }
            let section = encoder.finish().bytes
            let reader = BitReader(bytes: section, range: 0..<section.count)
            var decoder = QualityRunDecoder(reader: reader, count: expected.count)
            #expect(try expected.map { _ in try decoder.next() } == expected)
            #expect(throws: Never.self) { try decoder.checkFinished() }
        }
    }
}
