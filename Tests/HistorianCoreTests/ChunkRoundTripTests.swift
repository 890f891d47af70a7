import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

@Suite struct ChunkRoundTripTests {
    static let qualities: [Quality] = [
        .good, .bad, .communicationFailure, .lastUsableValue, Quality(.good, .localOverride),
    ]

    /// Non-decreasing times from random steps, with qualities that change now and then.
    static func series(
        _ values: [DataValue], steps: [Int64], start: Int64, qualityPicks: [Int]
    ) -> [Sample] {
        var time = start
        return values.enumerated().map { index, value in
            if index > 0 { time += steps[index % steps.count] }
            let quality = qualities[qualityPicks[index % qualityPicks.count] % qualities.count]
            return Sample(time: Timestamp(microseconds: time), value: value, quality: quality)
        }
    }

    func assertRoundTrip(_ input: [Sample], kind: ValueKind, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var encoder = ChunkEncoder(kind: kind)
        for sample in input { try encoder.append(sample) }
        #expect(encoder.count == input.count, sourceLocation: sourceLocation)
        #expect(encoder.firstTime == input.first?.time, sourceLocation: sourceLocation)
        #expect(encoder.lastTime == input.last?.time, sourceLocation: sourceLocation)
        let bytes = encoder.finish()
        let chunk = try Chunk(bytes)
        #expect(chunk.kind == kind && chunk.count == input.count, sourceLocation: sourceLocation)
        let decoded = try Chunk.decode(bytes)
        #expect(identical(decoded, input), sourceLocation: sourceLocation)
        // The iterator form gives the same samples and no error.
        var decoder = chunk.makeDecoder()
        var iterated: [Sample] = []
        while let sample = decoder.next() { iterated.append(sample) }
        #expect(decoder.error == nil && identical(iterated, input), sourceLocation: sourceLocation)
        // Re-encoding the decoded samples gives the same bytes: the format is canonical.
        #expect(try encode(decoded, kind: kind) == bytes, sourceLocation: sourceLocation)
    }

    static let steps = Gen.int64(in: 0...3_000_000).array(of: 1...5)
    static let start = Gen.int64(in: -2_208_988_800_000_000...7_258_118_400_000_000)
    static let qualityPicks = Gen.int(in: 0...40).array(of: 1...6)

    @Test func integersRoundTrip() async {
        await checkProperty(input: Gen.int64().array(of: 0...100), Self.steps, Self.start, Self.qualityPicks) {
            values, steps, start, picks throws in
            let input = Self.series(values.map { .integer($0) }, steps: steps, start: start, qualityPicks: picks)
            try assertRoundTrip(input, kind: .integer)
        }
        let smallDeltas = Gen.int64(in: -3...3).array(of: 0...300)
        await checkProperty(input: smallDeltas, Self.steps, Self.start, Self.qualityPicks) {
            deltas, steps, start, picks throws in
            var level: Int64 = 1000
            let values = deltas.map { delta -> DataValue in
                level += delta
                return .integer(level)
            }
            let input = Self.series(values, steps: steps, start: start, qualityPicks: picks)
            try assertRoundTrip(input, kind: .integer)
        }
    }

    @Test(arguments: [
        [Int64.min, Int64.max, Int64.min, 0, -1, Int64.max, Int64.max, 1],
        [Int64.max],
        [Int64.min],
        [0, 0, 0, 0],
    ])
    func integerBoundariesRoundTrip(_ values: [Int64]) throws {
        try assertRoundTrip(samples(values.map { .integer($0) }), kind: .integer)
    }

    @Test func booleansRoundTrip() async {
        await checkProperty(input: Gen.bool(0.1).array(of: 0...400), Self.steps, Self.start, Self.qualityPicks) {
            values, steps, start, picks throws in
            let input = Self.series(values.map { .bool($0) }, steps: steps, start: start, qualityPicks: picks)
            try assertRoundTrip(input, kind: .bool)
        }
    }

    @Test func stringsRoundTrip() async {
        let vocabulary = ["", "RUN", "STOP", "FAULT", "é", "e\u{301}", "🦀", String(repeating: "x", count: 300)]
        let words = Gen.element(of: vocabulary).map { $0 ?? "" }
        await checkProperty(input: words.array(of: 0...100), Self.steps, Self.start, Self.qualityPicks) {
            values, steps, start, picks throws in
            let input = Self.series(values.map { .string($0) }, steps: steps, start: start, qualityPicks: picks)
            try assertRoundTrip(input, kind: .string)
        }
        await checkProperty(input: Gen.letterOrNumber.string(of: 0...20).array(of: 0...300)) { values throws in
            // More distinct strings than the 256-entry dictionary holds.
            try assertRoundTrip(samples(values.map { .string($0) }), kind: .string)
        }
    }

    @Test func canonicallyEquivalentStringsKeepTheirBytes() throws {
        // "é" precomposed and decomposed are == in Swift but are different bytes.
        let input = samples(["é", "e\u{301}", "é", "e\u{301}", "e\u{301}"].map { .string($0) })
        try assertRoundTrip(input, kind: .string)
    }

    @Test func doublesRoundTripWithQualitiesAndJitter() async {
        await checkProperty(input: Gen.uint64().array(of: 0...100), Self.steps, Self.start, Self.qualityPicks) {
            patterns, steps, start, picks throws in
            let values = patterns.map { DataValue.double(Double(bitPattern: $0)) }
            let input = Self.series(values, steps: steps, start: start, qualityPicks: picks)
            try assertRoundTrip(input, kind: .double)
        }
    }

    @Test func timeBoundariesRoundTrip() throws {
        for times in TimestampCodecTests.boundaryTables {
            let input = times.map {
                Sample(time: Timestamp(microseconds: $0), value: .double(1.5), quality: .uncertain)
            }
            try assertRoundTrip(input, kind: .double)
        }
    }

    @Test func emptyChunkRoundTrips() throws {
        for kind in ValueKind.allCases {
            let bytes = ChunkEncoder(kind: kind).finish()
            #expect(bytes.count == Chunk.headerSize + Chunk.checksumSize)
            let chunk = try Chunk(bytes)
            #expect(chunk.count == 0 && chunk.kind == kind && chunk.firstTime == .epoch)
            #expect(try Chunk.decode(bytes).isEmpty)
        }
    }

    @Test func finishLeavesTheEncoderOpen() throws {
        var encoder = ChunkEncoder(kind: .double)
        try encoder.append(Sample(time: Timestamp(seconds: 10), value: .double(1)))
        let first = encoder.finish()
        #expect(encoder.finish() == first)
        try encoder.append(Sample(time: Timestamp(seconds: 11), value: .double(2)))
        #expect(try Chunk.decode(encoder.finish()).count == 2)
        #expect(try Chunk.decode(first).count == 1)
    }

    @Test func kindMismatchIsRejectedAndLeavesTheChunkUnchanged() throws {
        var encoder = ChunkEncoder(kind: .double)
        try encoder.append(Sample(time: Timestamp(seconds: 10), value: .double(1)))
        let before = encoder.finish()
        let error = #expect(throws: ChunkEncodingError.self) {
            try encoder.append(Sample(time: Timestamp(seconds: 11), value: .integer(1)))
        }
        #expect(error?.code == .kindMismatch && error?.sampleIndex == 1)
        #expect(encoder.count == 1 && encoder.finish() == before)
    }

    @Test func olderSamplesAreRejectedButEqualTimesAccepted() throws {
        var encoder = ChunkEncoder(kind: .integer)
        try encoder.append(Sample(time: Timestamp(seconds: 10), value: .integer(1)))
        try encoder.append(Sample(time: Timestamp(seconds: 10), value: .integer(2)))
        let error = #expect(throws: ChunkEncodingError.self) {
            try encoder.append(Sample(time: Timestamp(microseconds: 9_999_999), value: .integer(3)))
        }
        #expect(error?.code == .outOfOrder)
        #expect(encoder.count == 2 && encoder.lastTime == Timestamp(seconds: 10))
    }
}
