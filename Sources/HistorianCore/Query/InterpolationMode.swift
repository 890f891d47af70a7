import MillraceCore

/// How the value of a tag behaves between two stored samples.
///
/// - `linear`: the value moves on a straight line from one sample to the next (analog measurements such
///   as temperatures or flows). Time-weighted averages and integrals use the trapezoid rule.
/// - `step`: each sample's value holds until the next sample (discrete tags: states, set points, counters,
///   booleans, strings). Time-weighted averages and integrals use the previous value held (left Riemann sum).
///
/// In both modes a value is never interpolated *towards* an unusable (bad or non-finite) sample: the last
/// usable value holds until the bad sample, and from there on there is a gap until the next usable one.
/// After the last known sample the value is held (never extrapolated along a slope).
public enum InterpolationMode: String, Hashable, Sendable, Codable, CaseIterable {
    case linear
    case step

    /// The usual mode for a kind of value: linear for `double` and `integer` (`ValueKind.isAnalog`),
    /// step for `bool` and `string`.
    public static func `default`(for kind: ValueKind) -> InterpolationMode {
        kind.isAnalog ? .linear : .step
    }
}
