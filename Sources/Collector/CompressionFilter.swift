import HistorianCore
import MillraceCore

/// Per-tag lossy compression before storage: exception reporting or swinging-door (`HistorianCore`),
/// configured per tag under `historian.tags`; tags without a setting pass unchanged (lossless, the default).
///
/// Both algorithms hold back the latest sample until the next one shows whether it is needed; `flush()`
/// releases the held samples (at shutdown), so nothing received is lost by stopping.
public struct CompressionFilter: Sendable {
    public enum Setting: Hashable, Sendable {
        case exception(deviation: Double, maxTime: Duration)
        case swingingDoor(deviation: Double, maxTime: Duration)
    }

    enum Compressor: Sendable {
        case exception(ExceptionFilter)
        case swingingDoor(SwingingDoorCompressor)

        mutating func offer(_ sample: Sample) -> [Sample] {
            switch self {
            case .exception(var filter):
                let output = filter.offer(sample)
                self = .exception(filter)
                return output
            case .swingingDoor(var compressor):
                let output = compressor.offer(sample)
                self = .swingingDoor(compressor)
                return output
            }
        }

        mutating func flush() -> [Sample] {
            switch self {
            case .exception(var filter):
                let output = filter.flush()
                self = .exception(filter)
                return output
            case .swingingDoor(var compressor):
                let output = compressor.flush()
                self = .swingingDoor(compressor)
                return output
            }
        }
    }

    private var compressors: [TagID: Compressor] = [:]

    /// No compression: every sample passes.
    public init() {}

    /// Fails with the tag and the reason when a setting is out of range (a negative deviation, a zero time).
    public init(settings: [TagID: Setting]) throws(HistorianQueryError) {
        for (tag, setting) in settings {
            do {
                switch setting {
                case .exception(let deviation, let maxTime):
                    compressors[tag] = .exception(try ExceptionFilter(deviation: deviation, maxTime: maxTime))
                case .swingingDoor(let deviation, let maxTime):
                    compressors[tag] = .swingingDoor(try SwingingDoorCompressor(deviation: deviation, maxTime: maxTime))
                }
            } catch {
                throw HistorianQueryError(error.code, "tag '\(tag)': \(error.reason)")
            }
        }
    }

    /// Whether any tag is compressed.
    public var isEmpty: Bool { compressors.isEmpty }

    /// The samples of `batch` to store, in order per tag.
    public mutating func filter(_ batch: [TaggedSample]) -> [TaggedSample] {
        guard !compressors.isEmpty else { return batch }
        var output: [TaggedSample] = []
        output.reserveCapacity(batch.count)
        for tagged in batch {
            guard compressors[tagged.tag] != nil else {
                output.append(tagged)
                continue
            }
            for sample in compressors[tagged.tag]!.offer(tagged.sample) {
                output.append(TaggedSample(tag: tagged.tag, sample: sample))
            }
        }
        return output
    }

    /// The held-back samples of every tag.
    public mutating func flush() -> [TaggedSample] {
        var output: [TaggedSample] = []
        for tag in compressors.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            for sample in compressors[tag]!.flush() { output.append(TaggedSample(tag: tag, sample: sample)) }
        }
        return output
    }
}
