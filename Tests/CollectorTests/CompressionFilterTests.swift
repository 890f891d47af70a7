import Collector
import HistorianCore
import Logging
import MillraceCore
import Synchronization
import Testing

@Suite struct CompressionFilterTests {
    let flow = TagID(unchecked: "flow")
    let level = TagID(unchecked: "level")
    let other = TagID(unchecked: "other")
    let t0 = Timestamp(seconds: 1_000)

    func ramp(_ tag: TagID, _ count: Int) -> [TaggedSample] {
        (0..<count).map { TaggedSample(tag: tag, time: t0 + .seconds(Int64($0)), value: .double(Double($0))) }
    }

    @Test func compressesConfiguredTagsAsTheCoreAlgorithmsAndPassesTheRest() throws {
        var filter = try CompressionFilter(settings: [
            flow: .swingingDoor(deviation: 0.1, maxTime: .seconds(3600)),
            level: .exception(deviation: 5, maxTime: .seconds(3600)),
        ])
        let input = ramp(flow, 100) + ramp(level, 100) + ramp(other, 100)
        var output = filter.filter(input)
        output += filter.flush()
        // The straight ramp: swinging door keeps its ends only.
        #expect(output.filter { $0.tag == flow }.map(\.sample.time) == [t0, t0 + .seconds(99)])
        // Exception reporting: the same samples as `ExceptionFilter` itself.
        var reference = try ExceptionFilter(deviation: 5, maxTime: .seconds(3600))
        let expected = ramp(level, 100).flatMap { reference.offer($0.sample) } + reference.flush()
        #expect(output.filter { $0.tag == level }.map(\.sample) == expected)
        // Uncompressed tags: every sample, in order.
        #expect(output.filter { $0.tag == other } == ramp(other, 100))
    }

    @Test func aBadSettingNamesTheTag() {
        let error = #expect(throws: HistorianQueryError.self) {
            try CompressionFilter(settings: [flow: .exception(deviation: -1, maxTime: .seconds(1))])
        }
        #expect(error?.reason.contains("flow") == true)
    }

    actor Recorder: SampleSink {
        var written: [TaggedSample] = []
        func write(_ batch: [TaggedSample]) async throws { written += batch }
    }

    /// The pipeline applies compression after the deadband and releases the held samples on flush.
    @Test func thePipelineCompressesAndFlushes() async throws {
        let recorder = Recorder()
        let pipeline = IngestPipeline(
            filter: DeadbandFilter(settings: [:]),
            compression: try CompressionFilter(settings: [flow: .swingingDoor(deviation: 0.1, maxTime: .seconds(3600))]),
            downstream: recorder, logger: Logger(label: "test"))
        try await pipeline.write(ramp(flow, 50))
        #expect(await recorder.written.map(\.sample.time) == [t0])
        try await pipeline.flush()
        #expect(await recorder.written.map(\.sample.time) == [t0, t0 + .seconds(49)])
    }
}
