import Collector
import Logging
import MillraceCore
import Testing

/// The live bus as a pure buffer and as a fan-out, without any timing: a subscriber that never reads keeps a
/// bounded buffer and learns how much it lost; the others and the publisher are not affected.
@Suite struct LiveSampleBroadcastTests {
    let t0 = Timestamp(seconds: 1_767_225_600)

    func batch(_ range: Range<Int>, tag: String = "a") -> [TaggedSample] {
        range.map { TaggedSample(tag: TagID(unchecked: tag), time: t0 + .seconds(Int64($0)), value: .double(Double($0))) }
    }

    func values(_ delivery: LiveDelivery) -> [Double] {
        delivery.samples.compactMap { $0.sample.value.numericValue }
    }

    @Test func bufferKeepsTheNewestAndCountsTheDropped() {
        var buffer = LiveSampleBuffer(capacity: 5, tags: nil)
        #expect(buffer.isEmpty)
        buffer.append(batch(0..<3))
        buffer.append(batch(3..<8))
        let first = buffer.take()
        #expect(first.dropped == 3)
        #expect(values(first) == [3, 4, 5, 6, 7])
        #expect(buffer.isEmpty)
        // A single batch larger than the buffer keeps its own tail.
        buffer.append(batch(10..<22))
        let second = buffer.take()
        #expect(second.dropped == 7)
        #expect(values(second) == [17, 18, 19, 20, 21])
        #expect(buffer.take() == LiveDelivery(samples: [], dropped: 0))
    }

    @Test func bufferFiltersBeforeCounting() {
        var buffer = LiveSampleBuffer(capacity: 2, tags: [TagID(unchecked: "b")])
        buffer.append(batch(0..<100, tag: "a"))
        #expect(buffer.isEmpty, "samples of other tags neither fill the buffer nor count as dropped")
        buffer.append(batch(0..<3, tag: "b"))
        let delivery = buffer.take()
        #expect(delivery.dropped == 1)
        #expect(values(delivery) == [1, 2])
    }

    @Test func slowSubscriberOverflowsAloneAndPublishNeverWaits() {
        let bus = LiveSampleBroadcast(defaultCapacity: 4)
        let reader = bus.subscribe(tags: nil, capacity: 100)
        let sleeper = bus.subscribe(tags: nil)
        let onlyB = bus.subscribe(tags: [TagID(unchecked: "b")])
        #expect(bus.subscriberCount == 3)
        var received: [Double] = []
        for round in 0..<10 {
            bus.publish(batch(round * 3..<round * 3 + 3))  // synchronous: returns without any reader
            received += values(reader.take())
        }
        #expect(received == (0..<30).map(Double.init))
        let late = sleeper.take()
        #expect(late.dropped == 26)
        #expect(values(late) == [26, 27, 28, 29])
        #expect(onlyB.take() == LiveDelivery(samples: [], dropped: 0))
        bus.publish(batch(0..<1, tag: "b"))
        #expect(onlyB.take().samples.count == 1)
    }

    @Test func waitReturnsAtOnceWhenSamplesArePendingAndCancelEnds() async {
        let bus = LiveSampleBroadcast()
        let subscription = bus.subscribe(tags: nil)
        bus.publish(batch(0..<2))
        #expect(await subscription.wait(timeout: .seconds(3600)))
        #expect(subscription.take().samples.count == 2)
        // A waiter is woken by the next publish.
        async let woken = subscription.wait(timeout: .seconds(3600))
        bus.publish(batch(2..<3))  // before or after the wait began: either way it returns true
        #expect(await woken)
        subscription.cancel()
        #expect(bus.subscriberCount == 0)
        bus.publish(batch(3..<4))
        #expect(subscription.take().samples.count == 1, "only the sample from before the cancel")
        #expect(await subscription.wait(timeout: .seconds(3600)) == false)
    }

    @Test func ingestPublishesWhatWasStoredOnly() async throws {
        let bus = LiveSampleBroadcast()
        let subscription = bus.subscribe(tags: nil)
        let tag = TagID(unchecked: "a")
        let pipeline = IngestPipeline(
            filter: DeadbandFilter(settings: [tag: .init(deadband: 1, maxInterval: .seconds(60))]), downstream: RecordingSink(),
            live: bus, logger: Logger(label: "test"))
        try await pipeline.write([
            TaggedSample(tag: tag, time: t0, value: .double(10)),
            TaggedSample(tag: tag, time: t0 + .seconds(1), value: .double(10.5)),  // inside the deadband: not stored
            TaggedSample(tag: tag, time: t0 + .seconds(2), value: .double(12)),
        ])
        #expect(values(subscription.take()) == [10, 12])
    }
}
