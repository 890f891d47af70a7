/// Input checks shared by the public functions, each throwing a specific `AnalyticsError`.
enum Validation {
    static func requireNonEmpty(_ values: [Double], _ name: String) throws(AnalyticsError) {
        guard !values.isEmpty else { throw AnalyticsError(.emptyInput, "\(name) has no samples") }
    }

    /// Rejects NaN and ±infinity, naming the first offending index.
    static func requireFinite(_ values: [Double], _ name: String) throws(AnalyticsError) {
        let bad: Int? = values.withUnsafeBufferPointer { buffer in
            // x·0 is NaN exactly for NaN and ±∞, so the sum is NaN iff a sample is bad; this loop vectorises and the
            // slower search for the index runs only on failure.
            var probe = 0.0
            for x in buffer { probe += x * 0 }
            guard probe.isNaN else { return nil }
            return buffer.firstIndex { !$0.isFinite }
        }
        if let bad {
            throw AnalyticsError(.nonFiniteSample, "\(name)[\(bad)] is \(values[bad]); samples must be finite numbers")
        }
    }

    static func requireSignal(_ values: [Double], _ name: String = "signal") throws(AnalyticsError) {
        try requireNonEmpty(values, name)
        try requireFinite(values, name)
    }

    static func requireSampleRate(_ sampleRate: Double) throws(AnalyticsError) {
        guard sampleRate.isFinite, sampleRate > 0 else {
            throw AnalyticsError(.invalidSampleRate, "sampleRate is \(sampleRate) Hz; it must be a finite number above 0")
        }
    }

    static func requirePositive(_ value: Double, _ name: String) throws(AnalyticsError) {
        guard value.isFinite, value > 0 else {
            throw AnalyticsError(.invalidParameter, "\(name) is \(value); it must be a finite number above 0")
        }
    }

    static func requireFrequency(_ frequency: Double, _ name: String, sampleRate: Double) throws(AnalyticsError) {
        guard frequency.isFinite, frequency >= 0 else {
            throw AnalyticsError(.invalidParameter, "\(name) is \(frequency) Hz; it must be a finite number ≥ 0")
        }
        guard frequency <= sampleRate / 2 else {
            throw AnalyticsError(
                .bandAboveNyquist,
                "\(name) is \(frequency) Hz, above the Nyquist frequency \(sampleRate / 2) Hz of data sampled at \(sampleRate) Hz")
        }
    }
}
