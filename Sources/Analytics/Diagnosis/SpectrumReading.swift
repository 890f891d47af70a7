/// Reading lines and noise floors off spectra, shared by the diagnosers.
enum SpectrumReading {
    /// A line near `frequency`: the largest local maximum within ±max(relativeTolerance·f, 1.5 bins), or the
    /// nearest bin when the range holds no local maximum (then `found` is false).
    static func line(
        in spectrum: AmplitudeSpectrum, near frequency: Double, relativeTolerance: Double
    ) -> (frequency: Double, amplitude: Double, found: Bool) {
        let tolerance = max(relativeTolerance * frequency, 1.5 * spectrum.frequencyResolution)
        if let peak = try? spectrum.peak(near: frequency, tolerance: tolerance), peak.amplitude.isFinite {
            return (peak.frequency, peak.amplitude, true)
        }
        let bin = min(max(spectrum.bin(nearestTo: frequency), 0), spectrum.amplitudes.count - 1)
        return (frequency, spectrum.amplitudes.isEmpty ? 0 : spectrum.amplitudes[bin], false)
    }

    /// The local noise floor at `frequency`: the median amplitude of the bins within ±`halfWidth` bins, leaving out
    /// ±`guardBins` around the frequency itself (the line being judged) and the DC bin. A median ignores the few
    /// other lines nearby, so it estimates the floor of a noisy spectrum (for Rayleigh-distributed noise amplitudes
    /// it is 0.83 of their RMS).
    static func floor(in spectrum: AmplitudeSpectrum, at frequency: Double, halfWidth: Int = 25, guardBins: Int = 3) -> Double {
        let count = spectrum.amplitudes.count
        guard count > 2 else { return 0 }
        let centre = spectrum.bin(nearestTo: frequency)
        var values: [Double] = []
        values.reserveCapacity(2 * halfWidth)
        for k in max(1, centre - halfWidth)...max(1, min(count - 1, centre + halfWidth)) where abs(k - centre) > guardBins {
            values.append(spectrum.amplitudes[k])
        }
        return median(values) ?? 0
    }

    /// The median of `values`, nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
