import MillraceCore

/// The bucket widths the historian keeps rollups at. Buckets are aligned to the Unix epoch (UTC): a minute
/// bucket starts at a whole minute, an hour bucket at a whole hour, a day bucket at UTC midnight.
public enum RollupResolution: Int, Hashable, Sendable, CaseIterable, Comparable {
    case minute = 60
    case hour = 3600
    case day = 86400

    /// The width of one bucket in microseconds.
    @inlinable
    public var microseconds: Int64 { Int64(rawValue) * 1_000_000 }

    /// A short name for logs, configuration and `historian stats`: `1m`, `1h`, `1d`.
    public var name: String {
        switch self {
        case .minute: "1m"
        case .hour: "1h"
        case .day: "1d"
        }
    }

    /// The start of the bucket holding `time` (floor division, so times before 1970 work too).
    @inlinable
    public func bucketStart(_ time: Int64) -> Int64 {
        let width = microseconds
        let remainder = time % width
        return remainder < 0 ? time - remainder - width : time - remainder
    }

    /// The first bucket boundary at or after `time`.
    @inlinable
    public func ceiling(_ time: Int64) -> Int64 {
        let floor = bucketStart(time)
        return floor == time ? time : floor + microseconds
    }

    /// The next coarser resolution, if any.
    public var coarser: RollupResolution? {
        switch self {
        case .minute: .hour
        case .hour: .day
        case .day: nil
        }
    }

    public static func < (lhs: RollupResolution, rhs: RollupResolution) -> Bool { lhs.rawValue < rhs.rawValue }
}
