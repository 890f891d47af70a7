import MillraceCore

/// One live subscriber's pending samples: bounded, and when full the oldest are dropped and counted, so a
/// client that does not read costs a fixed amount of memory and never slows ingestion. A pure value.
public struct LiveSampleBuffer: Hashable, Sendable {
    /// The most samples held; at least 1.
    public let capacity: Int
    /// The tags the subscriber wants; `nil` is every tag.
    public let tags: Set<TagID>?
    public private(set) var samples: [TaggedSample] = []
    /// Samples dropped since the last `take`.
    public private(set) var dropped = 0

    public init(capacity: Int, tags: Set<TagID>?) {
        self.capacity = max(1, capacity)
        self.tags = tags
    }

    public var isEmpty: Bool { samples.isEmpty && dropped == 0 }

    /// Adds the samples of `batch` the subscriber wants, dropping the oldest held ones beyond `capacity`.
    public mutating func append(_ batch: [TaggedSample]) {
        let wanted = tags.map { tags in batch.filter { tags.contains($0.tag) } } ?? batch
        guard !wanted.isEmpty else { return }
        samples.append(contentsOf: wanted)
        if samples.count > capacity {
            let excess = samples.count - capacity
            samples.removeFirst(excess)
            dropped += excess
        }
    }

    /// Everything pending, and how many were dropped before it; empties the buffer.
    public mutating func take() -> LiveDelivery {
        defer {
            samples = []
            dropped = 0
        }
        return LiveDelivery(samples: samples, dropped: dropped)
    }
}

/// What a subscriber receives at once: the samples in ingestion order, and how many older ones were dropped
/// because it did not keep up (after a drop, refetch current values).
public struct LiveDelivery: Hashable, Sendable {
    public var samples: [TaggedSample]
    public var dropped: Int
    public init(samples: [TaggedSample], dropped: Int) {
        self.samples = samples
        self.dropped = dropped
    }
}
