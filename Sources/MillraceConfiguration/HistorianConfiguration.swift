import MillraceCore

/// How long the historian keeps data, per class of tag, and how each tag's samples are compressed before
/// they are stored. Everything is kept, losslessly, unless configured here.
///
/// ```yaml
/// historian:
///   retentionClasses:
///     - id: default
///       raw: 90d
///       rollup1m: 2y
///       rollup1h: forever
///   tags:
///     - tag: line1.flow
///       retentionClass: critical
///       compression: swingingDoor
///       deviation: 0.5
///       maxTime: 10m
/// ```
public struct HistorianConfiguration: Hashable, Sendable, Codable, StrictKeys {
    /// The name of the class used by tags without their own; a class of this name keeps everything unless
    /// it is listed in `retentionClasses`.
    public static let defaultClassName = "default"

    public var retentionClasses: [RetentionClassConfiguration]
    /// The class of tags not listed in `tags` (or listed without a class).
    public var defaultRetentionClass: String
    /// How often the retention pass runs.
    public var retentionInterval: ConfigDuration
    /// Per-tag settings.
    public var tags: [HistorianTagConfiguration]

    public enum Keys: String, CodingKey, CaseIterable {
        case retentionClasses, defaultRetentionClass, retentionInterval, tags
    }

    public init(
        retentionClasses: [RetentionClassConfiguration] = [], defaultRetentionClass: String = Self.defaultClassName,
        retentionInterval: ConfigDuration = ConfigDuration(.seconds(3600)), tags: [HistorianTagConfiguration] = []
    ) {
        self.retentionClasses = retentionClasses
        self.defaultRetentionClass = defaultRetentionClass
        self.retentionInterval = retentionInterval
        self.tags = tags
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        retentionClasses = try container.decodeIfPresent([RetentionClassConfiguration].self, forKey: .retentionClasses) ?? []
        defaultRetentionClass =
            try container.decodeIfPresent(String.self, forKey: .defaultRetentionClass, check: validSegment) ?? Self.defaultClassName
        retentionInterval = try container.decodeIfPresent(ConfigDuration.self, forKey: .retentionInterval) { interval in
            interval.duration >= .seconds(60) && interval.duration <= .seconds(7 * 86_400)
                ? nil : "found \(interval), expected between 1m and 7d"
        } ?? ConfigDuration(.seconds(3600))
        tags = try container.decodeIfPresent([HistorianTagConfiguration].self, forKey: .tags) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        if !retentionClasses.isEmpty { try container.encode(retentionClasses, forKey: .retentionClasses) }
        if defaultRetentionClass != Self.defaultClassName { try container.encode(defaultRetentionClass, forKey: .defaultRetentionClass) }
        if retentionInterval.duration != .seconds(3600) { try container.encode(retentionInterval, forKey: .retentionInterval) }
        if !tags.isEmpty { try container.encode(tags, forKey: .tags) }
    }

    /// The retention class a tag belongs to (its own, else the default; a missing default keeps everything).
    public func retentionClass(of tag: TagID) -> RetentionClassConfiguration {
        let name = tags.first { $0.tag == tag }?.retentionClass ?? defaultRetentionClass
        return retentionClasses.first { $0.id == name } ?? RetentionClassConfiguration(id: name)
    }

    /// The per-tag settings of `tag`, if any.
    public func settings(of tag: TagID) -> HistorianTagConfiguration? {
        tags.first { $0.tag == tag }
    }
}

/// How long each kind of data of a class of tags is kept.
public struct RetentionClassConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    /// Raw samples (whole sealed chunks are dropped once their newest sample is older).
    public var raw: RetentionPeriod
    /// 1-minute rollups; at least as long as `raw`.
    public var rollup1m: RetentionPeriod
    /// 1-hour rollups; at least as long as `rollup1m`.
    public var rollup1h: RetentionPeriod
    /// 1-day rollups; at least as long as `rollup1h`.
    public var rollup1d: RetentionPeriod

    public enum Keys: String, CodingKey, CaseIterable { case id, raw, rollup1m, rollup1h, rollup1d }

    public init(
        id: String, raw: RetentionPeriod = .forever, rollup1m: RetentionPeriod = .forever, rollup1h: RetentionPeriod = .forever,
        rollup1d: RetentionPeriod = .forever
    ) {
        self.id = id
        self.raw = raw
        self.rollup1m = rollup1m
        self.rollup1h = rollup1h
        self.rollup1d = rollup1d
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        raw = try container.decodeIfPresent(RetentionPeriod.self, forKey: .raw) ?? .forever
        rollup1m = try container.decodeIfPresent(RetentionPeriod.self, forKey: .rollup1m) ?? .forever
        rollup1h = try container.decodeIfPresent(RetentionPeriod.self, forKey: .rollup1h) ?? .forever
        rollup1d = try container.decodeIfPresent(RetentionPeriod.self, forKey: .rollup1d) ?? .forever
        // Rollups must outlive the finer data they summarise, so that an answer from rollups is never missing
        // a bucket whose raw samples are still there.
        for (key, finer, coarser) in [(Keys.rollup1m, raw, rollup1m), (.rollup1h, rollup1m, rollup1h), (.rollup1d, rollup1h, rollup1d)]
        where coarser < finer {
            throw container.invalid(key, "found \(coarser), expected at least \(finer) (coarser data must be kept as long as finer data)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(raw, forKey: .raw)
        try container.encode(rollup1m, forKey: .rollup1m)
        try container.encode(rollup1h, forKey: .rollup1h)
        try container.encode(rollup1d, forKey: .rollup1d)
    }
}

/// A retention time: `forever`, or a number with a unit `h`, `d`, `w` (7 days) or `y` (365 days).
public struct RetentionPeriod: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// How long data is kept; nil keeps it forever.
    public var duration: Duration?
    let text: String

    public static let forever = RetentionPeriod(duration: nil, text: "forever")

    public init(_ duration: Duration) {
        self.duration = duration
        let seconds = duration.components.seconds
        if seconds % (365 * 86_400) == 0 {
            text = "\(seconds / (365 * 86_400))y"
        } else if seconds % 86_400 == 0 {
            text = "\(seconds / 86_400)d"
        } else {
            text = "\(seconds / 3600)h"
        }
    }

    private init(duration: Duration?, text: String) {
        self.duration = duration
        self.text = text
    }

    /// Parses `forever`, `36h`, `90d`, `2w`, `2y`; at least one hour.
    public init?(parsing text: String) {
        let trimmed = text.trimmingWhitespace()
        if trimmed == "forever" {
            self = .forever
            return
        }
        guard let unit = trimmed.last, let number = Int64(trimmed.dropLast().trimmingWhitespace()), number > 0, number < 10_000 else {
            return nil
        }
        let hours: Int64
        switch unit {
        case "h": hours = number
        case "d": hours = number * 24
        case "w": hours = number * 24 * 7
        case "y": hours = number * 24 * 365
        default: return nil
        }
        self.init(duration: .seconds(hours * 3600), text: trimmed)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = RetentionPeriod(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: ConfigMessage.invalidValue
                    + "found '\(text)', expected 'forever' or a whole number with a unit h, d, w or y, such as 90d or 2y")
        }
        self = period
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }

    public static func == (lhs: RetentionPeriod, rhs: RetentionPeriod) -> Bool { lhs.duration == rhs.duration }
    public func hash(into hasher: inout Hasher) { hasher.combine(duration) }

    /// Shorter first; forever is the longest.
    public static func < (lhs: RetentionPeriod, rhs: RetentionPeriod) -> Bool {
        switch (lhs.duration, rhs.duration) {
        case (let a?, let b?): a < b
        case (.some, nil): true
        default: false
        }
    }
}

/// How a tag's samples are thinned before they are stored. `none` (the default) stores every sample.
public enum CompressionMethod: String, ConfigEnum {
    /// Lossless: every sample the collector keeps is stored.
    case none
    /// Exception reporting (PI `ExcDev`/`ExcMax`): a value is stored when it moves by more than `deviation`
    /// from the last stored one, or `maxTime` after it.
    case exception
    /// Swinging-door compression (PI `CompDev`/`CompMax`): linear interpolation of the stored samples stays
    /// within `deviation` of every received one; stored samples are at most `maxTime` apart.
    case swingingDoor
}

/// Historian settings of one tag.
public struct HistorianTagConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var tag: TagID
    /// The retention class; the historian's default class if nil.
    public var retentionClass: String?
    public var compression: CompressionMethod
    /// The compression deviation in engineering units (≥ 0).
    public var deviation: Double
    /// The longest time between two stored samples while data keeps coming.
    public var maxTime: ConfigDuration

    public enum Keys: String, CodingKey, CaseIterable { case tag, retentionClass, compression, deviation, maxTime }

    public init(
        tag: TagID, retentionClass: String? = nil, compression: CompressionMethod = .none, deviation: Double = 0,
        maxTime: ConfigDuration = ConfigDuration(.seconds(600))
    ) {
        self.tag = tag
        self.retentionClass = retentionClass
        self.compression = compression
        self.deviation = deviation
        self.maxTime = maxTime
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        tag = try container.decode(TagID.self, forKey: .tag)
        retentionClass = try container.decodeIfPresent(String.self, forKey: .retentionClass, check: validSegment)
        compression = try container.decodeIfPresent(CompressionMethod.self, forKey: .compression) ?? .none
        deviation = try container.decodeIfPresent(Double.self, forKey: .deviation) { deviation in
            deviation.isFinite && deviation >= 0 ? nil : "found \(deviation), expected a number of at least 0"
        } ?? 0
        maxTime = try container.decodeIfPresent(ConfigDuration.self, forKey: .maxTime) { interval in
            interval.duration >= .seconds(1) && interval.duration <= .seconds(86_400)
                ? nil : "found \(interval), expected between 1s and 24h"
        } ?? ConfigDuration(.seconds(600))
        if compression == .none, container.contains(.deviation) || container.contains(.maxTime) {
            throw container.invalid(.compression, "deviation and maxTime need a compression: exception or swingingDoor")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(tag, forKey: .tag)
        try container.encodeIfPresent(retentionClass, forKey: .retentionClass)
        if compression != .none {
            try container.encode(compression, forKey: .compression)
            try container.encode(deviation, forKey: .deviation)
            try container.encode(maxTime, forKey: .maxTime)
        }
    }
}
