/// One observation of a tag: when, what, and how far to trust it.
public struct Sample: Hashable, Sendable {
    public var time: Timestamp
    public var value: DataValue
    public var quality: Quality

    public init(time: Timestamp, value: DataValue, quality: Quality = .good) {
        self.time = time
        self.value = value
        self.quality = quality
    }
}

/// A sample with the tag it belongs to: the unit that flows from inputs through the collector to storage.
public struct TaggedSample: Hashable, Sendable {
    public var tag: TagID
    public var sample: Sample

    public init(tag: TagID, sample: Sample) {
        self.tag = tag
        self.sample = sample
    }

    public init(tag: TagID, time: Timestamp, value: DataValue, quality: Quality = .good) {
        self.init(tag: tag, sample: Sample(time: time, value: value, quality: quality))
    }
}
