/// A tag's robust normal range that follows the operating mode: the median and MAD of the tag in bins of a
/// mode variable (load, speed, flow), so a motor current that is high at full load is not an anomaly.
///
/// Robust statistics (Hampel 1974; Rousseeuw & Croux 1993): the median and σ̂ = 1.4826·MAD ignore the few bad
/// samples a training window always holds. Bins are quantiles of the mode in training, so each holds about the
/// same number of samples; a bin with fewer than `minimumPerBin` falls back to the whole window. A mode outside
/// the trained range uses the nearest bin (the model does not extrapolate; the caller may flag it).
public struct ModeBinnedBaseline: Hashable, Sendable {
    public let tag: String
    public let modeTag: String
    /// Upper edges of all bins but the last (ascending).
    public let edges: [Double]
    public let medians: [Double]
    /// σ̂ per bin (1.4826·MAD, floored at a quarter of the whole window's σ̂ and at `relativeResolution` × |median|).
    public let scales: [Double]
    public let counts: [Int]

    /// - Throws: `emptyInput`, `lengthMismatch`, `nonFiniteSample`, `invalidParameter` (binCount < 1 or
    ///   minimumPerBin < 3), `insufficientData` (fewer than `minimumPerBin` values).
    public static func train(
        tag: String, values: [Double], modeTag: String, modes: [Double], binCount: Int = 6, minimumPerBin: Int = 20,
        relativeResolution: Double = 0.005
    ) throws(AnalyticsError) -> ModeBinnedBaseline {
        guard !values.isEmpty else { throw AnalyticsError(.emptyInput, "no values of \(tag) to learn from") }
        guard values.count == modes.count else {
            throw AnalyticsError(.lengthMismatch, "\(values.count) values of \(tag) but \(modes.count) of \(modeTag)")
        }
        guard binCount >= 1, binCount <= 100, minimumPerBin >= 3, relativeResolution.isFinite, relativeResolution >= 0 else {
            throw AnalyticsError(.invalidParameter, "binCount must be 1…100, minimumPerBin ≥ 3 and relativeResolution ≥ 0")
        }
        try Validation.requireFinite(values, tag)
        try Validation.requireFinite(modes, modeTag)
        guard values.count >= minimumPerBin else {
            throw AnalyticsError(.insufficientData, "\(values.count) values of \(tag); at least \(minimumPerBin) are needed")
        }
        let sortedModes = modes.sorted()
        var edges: [Double] = []
        for b in 1..<max(1, binCount) {
            let edge = sortedModes[min(sortedModes.count - 1, b * sortedModes.count / binCount)]
            if edges.last.map({ edge > $0 }) ?? true { edges.append(edge) }
        }
        let global = robust(values)
        var medians: [Double] = []
        var scales: [Double] = []
        var counts: [Int] = []
        for bin in 0...edges.count {
            let members = values.indices.filter { index(of: modes[$0], edges: edges) == bin }.map { values[$0] }
            let stats = members.count >= minimumPerBin ? robust(members) : global
            medians.append(stats.median)
            // Floors: quantised or very steady tags can have MAD = 0 in a bin, and a slowly wandering tag (a
            // temperature) has a tiny MAD over a short window. Moving less than `relativeResolution` of its value
            // is not an anomaly.
            scales.append(max(stats.scale, 0.25 * global.scale, relativeResolution * abs(stats.median), 1e-9))
            counts.append(members.count)
        }
        return ModeBinnedBaseline(tag: tag, modeTag: modeTag, edges: edges, medians: medians, scales: scales, counts: counts)
    }

    public init(tag: String, modeTag: String, edges: [Double], medians: [Double], scales: [Double], counts: [Int]) {
        self.tag = tag
        self.modeTag = modeTag
        self.edges = edges
        self.medians = medians
        self.scales = scales
        self.counts = counts
    }

    /// The expected value and robust scale at `mode`.
    public func expected(mode: Double) -> (median: Double, scale: Double) {
        guard !medians.isEmpty else { return (0, 1) }
        let bin = min(Self.index(of: mode.isFinite ? mode : 0, edges: edges), medians.count - 1)
        return (medians[bin], scales[bin])
    }

    /// (value − median)/σ̂ at `mode`; 0 for a non-finite value.
    public func robustZ(value: Double, mode: Double) -> Double {
        guard value.isFinite else { return 0 }
        let e = expected(mode: mode)
        return (value - e.median) / e.scale
    }

    static func index(of mode: Double, edges: [Double]) -> Int {
        var bin = 0
        while bin < edges.count && mode > edges[bin] { bin += 1 }
        return bin
    }

    static func robust(_ values: [Double]) -> (median: Double, scale: Double) {
        guard let median = SpectrumReading.median(values) else { return (0, 1) }
        let mad = SpectrumReading.median(values.map { abs($0 - median) }) ?? 0
        return (median, 1.4826 * mad)
    }
}
