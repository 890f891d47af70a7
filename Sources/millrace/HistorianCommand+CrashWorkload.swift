import MillraceCore

extension HistorianCommand {
    /// The deterministic batches `crash-writer` appends and `crash-verify` checks: batch `sequence` holds one
    /// sample of `crash.seq` (the sequence number) and `size` samples of `crash.value`, 1 ms apart, so every
    /// batch has its own time range and any sample can be recomputed from its sequence number.
    enum CrashWorkload {
        static let sequenceTag = TagID(unchecked: "crash.seq")
        static let valueTag = TagID(unchecked: "crash.value")
        static let start = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z

        static let tags = [
            TagMetadata(id: sequenceTag, name: "Crash test batch sequence", kind: .integer),
            TagMetadata(id: valueTag, name: "Crash test value", kind: .double),
        ]

        /// The time of sample `index` of batch `sequence`.
        static func time(_ sequence: Int, _ index: Int, size: Int) -> Timestamp {
            start + .milliseconds(Int64(sequence) * Int64(size) + Int64(index))
        }

        static func value(_ sequence: Int, _ index: Int) -> Double {
            Double(sequence) + Double(index) / 1000
        }

        static func batch(_ sequence: Int, size: Int) -> [TaggedSample] {
            [TaggedSample(tag: sequenceTag, time: time(sequence, 0, size: size), value: .integer(Int64(sequence)))]
                + (0..<size).map { TaggedSample(tag: valueTag, time: time(sequence, $0, size: size), value: .double(value(sequence, $0))) }
        }
    }
}
