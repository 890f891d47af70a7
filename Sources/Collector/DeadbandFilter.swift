import MillraceCore

/// Decides which samples are worth storing: a value is kept when it moved by more than the tag's deadband
/// since the last kept value, when its quality or kind changed, or when `maxInterval` has passed since the
/// last kept value (a heartbeat, so a flat line is still known to be alive). Tags without settings keep all.
public struct DeadbandFilter: Sendable {
    public struct Setting: Hashable, Sendable {
        /// Absolute deadband in engineering units; 0 keeps every change.
        public var deadband: Double
        public var maxInterval: Duration
        public init(deadband: Double, maxInterval: Duration) {
            self.deadband = deadband
            self.maxInterval = maxInterval
        }
    }

    private var settings: [TagID: Setting]
    private var lastKept: [TagID: Sample] = [:]

    public init(settings: [TagID: Setting]) { self.settings = settings }

    /// Whether to keep `tagged`; remembers it if kept.
    public mutating func admit(_ tagged: TaggedSample) -> Bool {
        guard let setting = settings[tagged.tag] else { return true }
        let sample = tagged.sample
        guard let last = lastKept[tagged.tag] else {
            lastKept[tagged.tag] = sample
            return true
        }
        let keep: Bool
        if sample.quality != last.quality || sample.value.kind != last.value.kind {
            keep = true
        } else if sample.time < last.time {
            keep = true  // Late data is passed on; the historian places it.
        } else if sample.time - last.time >= setting.maxInterval {
            keep = true
        } else if let new = sample.value.numericValue, let old = last.value.numericValue, sample.value.kind != .bool {
            keep = new.isNaN != old.isNaN || abs(new - old) > setting.deadband || (setting.deadband == 0 && !sample.value.isIdentical(to: last.value))
        } else {
            keep = !sample.value.isIdentical(to: last.value)
        }
        if keep { lastKept[tagged.tag] = sample }
        return keep
    }

    /// The samples of `batch` to keep, in order.
    public mutating func filter(_ batch: [TaggedSample]) -> [TaggedSample] {
        batch.filter { admit($0) }
    }
}
