import MillraceCore

/// Sees a setpoint change that Millrace did not make: a write "from another master" (issue #7, security
/// monitoring). Only tags configured `writable: true` are watched — setpoints and commands, which change when someone
/// writes them, not process values that move on their own. A change is explained when Millrace itself wrote that
/// value to the tag within `ownWriteWindow` before it was read back. A value type without I/O.
public struct ExternalWriteDetector: Sendable {
    /// A change of a watched tag that no write of Millrace explains.
    public struct Change: Hashable, Sendable {
        public var tag: TagID
        public var before: DataValue
        public var after: DataValue
        public var time: Timestamp

        public init(tag: TagID, before: DataValue, after: DataValue, time: Timestamp) {
            self.tag = tag
            self.before = before
            self.after = after
            self.time = time
        }
    }

    public var ownWriteWindow: Duration
    private let watched: Set<TagID>
    private var last: [TagID: DataValue] = [:]
    private var ownWrites: [TagID: [(value: DataValue, time: Timestamp)]] = [:]

    public init(watching tags: Set<TagID>, ownWriteWindow: Duration = .seconds(60)) {
        watched = tags
        self.ownWriteWindow = ownWriteWindow
    }

    /// Millrace is about to write `value` to `tag` (call before sending, so the read-back is explained).
    public mutating func ownWrite(_ value: DataValue, to tag: TagID, at time: Timestamp) {
        guard watched.contains(tag) else { return }
        ownWrites[tag, default: []].append((value, time))
    }

    /// A polled sample; returns the change when a watched tag's good value differs from the last one and no own
    /// write explains it. The first value of a tag is its baseline; bad-quality samples are ignored.
    public mutating func observe(_ sample: TaggedSample) -> Change? {
        guard watched.contains(sample.tag), sample.sample.quality.isGood else { return nil }
        let value = sample.sample.value
        let time = sample.sample.time
        defer { last[sample.tag] = value }
        let recent = (ownWrites[sample.tag] ?? []).filter { time - $0.time <= ownWriteWindow }
        ownWrites[sample.tag] = recent.isEmpty ? nil : recent
        guard let before = last[sample.tag], !Self.same(before, value) else { return nil }
        if let index = recent.firstIndex(where: { Self.same($0.value, value) }) {
            ownWrites[sample.tag]?.remove(at: index)
            return nil
        }
        return Change(tag: sample.tag, before: before, after: value, time: time)
    }

    /// Equal as values: numbers within a relative 1e-9 (a written integer reads back as a scaled double).
    static func same(_ a: DataValue, _ b: DataValue) -> Bool {
        switch (a.number, b.number) {
        case (let x?, let y?): return x == y || abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        default: return a == b
        }
    }
}

extension DataValue {
    /// The value as a number when it is one (booleans as 0 and 1).
    fileprivate var number: Double? {
        switch self {
        case .double(let value): value
        case .integer(let value): Double(value)
        case .bool(let value): value ? 1 : 0
        case .string: nil
        }
    }
}
