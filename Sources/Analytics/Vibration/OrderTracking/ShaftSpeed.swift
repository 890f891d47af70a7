/// How fast a shaft turned while a waveform was recorded, for order tracking.
///
/// Times are seconds from the waveform's first sample (sample j is at j/fs). Speeds must stay above zero: a
/// stopped or reversing shaft has no angle-domain representation.
public enum ShaftSpeed: Hashable, Sendable, Codable {
    /// A steady speed in revolutions per second (Hz).
    case constant(hertz: Double)
    /// Speed samples (for example from a VFD or encoder tag): speed is linear between points and held beyond the ends.
    case profile(times: [Double], hertz: [Double])
    /// Once-per-revolution (or `pulsesPerRevolution`) tachometer pulse times; the angle is linear between pulses
    /// and extrapolated with the first and last interval's speed outside them.
    case tachometer(pulseTimes: [Double], pulsesPerRevolution: Int)

    /// A steady speed given in revolutions per minute.
    public static func rpm(_ rpm: Double) -> ShaftSpeed { .constant(hertz: rpm / 60) }

    /// The shaft angle in revolutions at each sample time j/fs, with angle 0 at sample 0.
    func angles(sampleCount: Int, sampleRate: Double) throws(AnalyticsError) -> [Double] {
        var angles = [Double](repeating: 0, count: sampleCount)
        switch self {
        case .constant(let hertz):
            try Validation.requirePositive(hertz, "the shaft speed")
            for j in 0..<sampleCount { angles[j] = hertz * Double(j) / sampleRate }
        case .profile(let times, let hertz):
            try Self.validateProfile(times: times, hertz: hertz)
            // Trapezoidal integration of the piecewise-linear speed on the sample grid.
            var knot = 0
            var previousSpeed = Self.speed(at: 0, times: times, hertz: hertz, knot: &knot)
            for j in 1..<max(sampleCount, 1) {
                let speed = Self.speed(at: Double(j) / sampleRate, times: times, hertz: hertz, knot: &knot)
                angles[j] = angles[j - 1] + 0.5 * (speed + previousSpeed) / sampleRate
                previousSpeed = speed
            }
        case .tachometer(let pulseTimes, let pulsesPerRevolution):
            guard pulsesPerRevolution >= 1 else {
                throw AnalyticsError(.invalidParameter, "pulsesPerRevolution is \(pulsesPerRevolution); it must be ≥ 1")
            }
            try Self.validateIncreasing(pulseTimes, "pulseTimes", minimumCount: 2)
            let step = 1 / Double(pulsesPerRevolution)
            var pulse = 0
            for j in 0..<sampleCount {
                let t = Double(j) / sampleRate
                while pulse + 2 < pulseTimes.count && pulseTimes[pulse + 1] <= t { pulse += 1 }
                // Segment [pulse, pulse+1] (extended linearly before the first and after the last pulse).
                let t0 = pulseTimes[pulse], t1 = pulseTimes[pulse + 1]
                angles[j] = (Double(pulse) + (t - t0) / (t1 - t0)) * step
            }
            let origin = angles.first ?? 0
            for j in angles.indices { angles[j] -= origin }
        }
        return angles
    }

    private static func speed(at t: Double, times: [Double], hertz: [Double], knot: inout Int) -> Double {
        if t <= times[0] { return hertz[0] }
        if t >= times[times.count - 1] { return hertz[hertz.count - 1] }
        while knot + 1 < times.count - 1 && times[knot + 1] <= t { knot += 1 }
        let fraction = (t - times[knot]) / (times[knot + 1] - times[knot])
        return hertz[knot] + fraction * (hertz[knot + 1] - hertz[knot])
    }

    private static func validateProfile(times: [Double], hertz: [Double]) throws(AnalyticsError) {
        guard times.count == hertz.count else {
            throw AnalyticsError(
                .lengthMismatch, "the speed profile has \(times.count) times but \(hertz.count) speeds")
        }
        try validateIncreasing(times, "the speed profile's times", minimumCount: 1)
        for (index, speed) in hertz.enumerated() where !(speed.isFinite && speed > 0) {
            throw AnalyticsError(
                .invalidParameter, "the speed profile's speed[\(index)] is \(speed) Hz; speeds must be finite and above 0")
        }
    }

    private static func validateIncreasing(_ times: [Double], _ name: String, minimumCount: Int) throws(AnalyticsError) {
        guard times.count >= minimumCount else {
            throw AnalyticsError(.insufficientData, "\(name) has \(times.count) values; at least \(minimumCount) needed")
        }
        try Validation.requireFinite(times, name)
        for index in times.indices.dropFirst() where !(times[index] > times[index - 1]) {
            throw AnalyticsError(
                .invalidParameter, "\(name)[\(index)] = \(times[index]) does not increase; times must strictly increase")
        }
    }
}
