import MillraceCore

/// Which samples an aggregate may use.
///
/// A sample is *usable* when its quality is admitted by the filter **and** its value is a finite number
/// (`DataValue.numericValue` is not nil, NaN or ±infinity). Everything else is treated as bad: it is not
/// aggregated, and the time from it until the next usable sample is a gap (not counted as good time).
///
/// The default, `.goodOnly`, is what AVEVA PI's summaries do: only good events are used and
/// "percent good" is the share of time covered by good values.
public enum QualityFilter: String, Hashable, Sendable, Codable, CaseIterable {
    /// Only good-quality samples (the default).
    case goodOnly
    /// Good and uncertain samples; bad ones are gaps.
    case includeUncertain
    /// Every sample with a finite numeric value, whatever its quality.
    case all

    /// The default filter for aggregates: `.goodOnly`.
    public static let `default` = QualityFilter.goodOnly

    /// Whether a sample of this quality may be aggregated (before looking at its value).
    @inlinable
    public func admits(_ quality: Quality) -> Bool {
        switch self {
        case .goodOnly: quality.severity == .good
        case .includeUncertain: quality.severity != .bad
        case .all: true
        }
    }

    /// The sample's value if it is usable under this filter: admitted quality and a finite number; else nil.
    @inlinable
    public func usableValue(of sample: Sample) -> Double? {
        guard admits(sample.quality), let value = sample.value.numericValue, value.isFinite else { return nil }
        return value
    }
}
