#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AmplitudeSpectrum {
    /// The largest local maximum within `tolerance` of `expected`, interpolated; nil when the range holds none
    /// (for example a flat or empty region).
    ///
    /// Use it to confirm a predicted defect frequency: `peak(near: bpfo, tolerance: 0.02 * bpfo)` allows for the
    /// bearing's slip and the uncertainty of its geometry. A local maximum is a bin greater than or equal to both
    /// neighbours; the edge bins 0 and N/2 qualify against their single neighbour.
    ///
    /// - Throws: `invalidParameter` for a negative or non-finite frequency or tolerance; `bandAboveNyquist` when
    ///   `expected` lies above the spectrum's highest frequency.
    public func peak(
        near expected: Double, tolerance: Double, interpolation: PeakInterpolation = .windowMatched
    ) throws(AnalyticsError) -> SpectralPeak? {
        guard expected.isFinite, expected >= 0 else {
            throw AnalyticsError(.invalidParameter, "the expected frequency is \(expected); it must be finite and ≥ 0")
        }
        guard tolerance.isFinite, tolerance >= 0 else {
            throw AnalyticsError(.invalidParameter, "the tolerance is \(tolerance); it must be finite and ≥ 0")
        }
        guard expected <= maximumFrequency else {
            throw AnalyticsError(
                .bandAboveNyquist, "\(expected) is above the highest frequency \(maximumFrequency) of this spectrum")
        }
        let first = bin(nearestTo: expected - tolerance)
        let last = bin(nearestTo: expected + tolerance)
        var best: Int?
        for k in first...last where isLocalMaximum(k) {
            if let current = best, amplitudes[current] >= amplitudes[k] { continue }
            best = k
        }
        return best.map { interpolatedPeak(atBin: $0, interpolation: interpolation) }
    }

    /// Up to `maximumCount` local maxima at or above `minimumAmplitude`, largest first, interpolated.
    /// The DC bin is skipped.
    public func peaks(
        maximumCount: Int, minimumAmplitude: Double = 0, interpolation: PeakInterpolation = .windowMatched
    ) -> [SpectralPeak] {
        guard maximumCount > 0, amplitudes.count > 1 else { return [] }
        var candidates: [Int] = []
        for k in 1..<amplitudes.count where amplitudes[k] >= minimumAmplitude && amplitudes[k] > 0 && isLocalMaximum(k) {
            candidates.append(k)
        }
        candidates.sort { amplitudes[$0] > amplitudes[$1] }
        return candidates.prefix(maximumCount).map { interpolatedPeak(atBin: $0, interpolation: interpolation) }
    }

    /// The peak at `bin`, its frequency and amplitude refined from the two neighbours. Edge bins and bins without
    /// two positive neighbours are returned as they are.
    public func interpolatedPeak(atBin bin: Int, interpolation: PeakInterpolation = .windowMatched) -> SpectralPeak {
        let k = min(max(bin, 0), amplitudes.count - 1)
        let center = amplitudes[k]
        guard k > 0, k < amplitudes.count - 1, center > 0 else {
            return SpectralPeak(frequency: frequency(ofBin: k), amplitude: center, bin: k, fractionalBin: Double(k))
        }
        let left = amplitudes[k - 1]
        let right = amplitudes[k + 1]
        let offset: Double
        switch interpolation {
        case .parabolic:
            offset = parabolicOffset(left: left, center: center, right: right)
        case .windowMatched:
            offset = windowMatchedOffset(left: left, center: center, right: right)
        }
        let response = window.response(atBinOffset: offset, count: sampleCount)
        let amplitude = response > 0.1 ? center / response : center
        let position = Double(k) + offset
        return SpectralPeak(
            frequency: position * frequencyResolution, amplitude: amplitude, bin: k, fractionalBin: position)
    }

    private func isLocalMaximum(_ k: Int) -> Bool {
        let value = amplitudes[k]
        let leftOK = k == 0 || amplitudes[k - 1] <= value
        let rightOK = k == amplitudes.count - 1 || amplitudes[k + 1] <= value
        return leftOK && rightOK
    }

    private func parabolicOffset(left: Double, center: Double, right: Double) -> Double {
        guard left > 0, right > 0 else { return 0 }
        let alpha = log(left), beta = log(center), gamma = log(right)
        let denominator = alpha - 2 * beta + gamma
        guard denominator < 0 else { return 0 }
        return min(max(0.5 * (alpha - gamma) / denominator, -0.5), 0.5)
    }

    /// Bisection on δ ∈ [0, ½] of |W(1−δ)|/|W(δ)| = ratio, which rises monotonically with δ for every window here.
    private func windowMatchedOffset(left: Double, center: Double, right: Double) -> Double {
        let towardsRight = right >= left
        let ratio = (towardsRight ? right : left) / center
        guard ratio.isFinite, ratio > 0 else { return 0 }
        func modelRatio(_ delta: Double) -> Double {
            let near = window.response(atBinOffset: delta, count: sampleCount)
            let far = window.response(atBinOffset: 1 - delta, count: sampleCount)
            return near > 0 ? far / near : .infinity
        }
        var low = 0.0
        var high = 0.5
        if ratio <= modelRatio(low) { return 0 }
        if ratio >= modelRatio(high) { return towardsRight ? 0.5 : -0.5 }
        for _ in 0..<40 {
            let middle = 0.5 * (low + high)
            if modelRatio(middle) < ratio { low = middle } else { high = middle }
        }
        let delta = 0.5 * (low + high)
        return towardsRight ? delta : -delta
    }
}
