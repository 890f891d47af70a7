#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

import Analytics

@Suite("Order tracking")
struct OrderTrackingTests {
    /// Run-up 10 → 30 Hz in 4 s with a component at 3 × shaft speed (a chirp sweeping 30 → 90 Hz).
    static let sampleRate = 2048.0
    static let duration = 4.0
    static func shaftHertz(_ t: Double) -> Double { 10 + 5 * t }
    static func shaftAngle(_ t: Double) -> Double { 10 * t + 2.5 * t * t }  // revolutions
    static var chirp: [Double] {
        (0..<Int(sampleRate * duration)).map { 1.5 * sin(2 * Double.pi * 3 * shaftAngle(Double($0) / sampleRate)) }
    }

    @Test("a chirp locked to 3 × shaft speed is one line at order 3 (speed profile)")
    func speedProfile() throws {
        let times = stride(from: 0.0, through: Self.duration, by: 0.25).map { $0 }
        let speed = ShaftSpeed.profile(times: times, hertz: times.map(Self.shaftHertz))
        try checkOrder3(speed: speed)
    }

    @Test("a chirp locked to 3 × shaft speed is one line at order 3 (tachometer)")
    func tachometer() throws {
        // Once-per-revolution pulses at φ(t) = k: t = (−10 + √(100 + 10k))/5.
        let pulses = (0...69).map { k in (-10 + (100 + 10 * Double(k)).squareRoot()) / 5 }
        try checkOrder3(speed: .tachometer(pulseTimes: pulses, pulsesPerRevolution: 1))
    }

    private func checkOrder3(speed: ShaftSpeed) throws {
        let angle = try AngleDomainSignal(
            resampling: Self.chirp, sampleRate: Self.sampleRate, speed: speed, samplesPerRevolution: 32)
        // The last sample is at t = 8191/2048 s < 4 s, φ = 79.99 revolutions: 79 whole ones are kept.
        #expect(angle.revolutions == 79)
        let spectrum = try angle.orderSpectrum(window: .hann)
        let top = try #require(spectrum.peaks(maximumCount: 1).first)
        #expect(abs(top.frequency - 3) < 0.01)
        #expect(abs(top.amplitude - 1.5) / 1.5 < 0.02)
        // In the time-domain spectrum the same energy is smeared over 30–90 Hz.
        let smeared = try AmplitudeSpectrum(signal: Self.chirp, sampleRate: Self.sampleRate)
        #expect(smeared.amplitudes.max()! < 0.5)
    }

    @Test("constant speed: shaft harmonics land on their order bins")
    func constantSpeed() throws {
        let signal = (0..<8192).map { j -> Double in
            let t = Double(j) / 4096
            return sin(2 * Double.pi * 24.7 * t) + 0.3 * sin(2 * Double.pi * 2 * 24.7 * t)
        }
        let angle = try AngleDomainSignal(
            resampling: signal, sampleRate: 4096, speed: .rpm(24.7 * 60), samplesPerRevolution: 64)
        let spectrum = try angle.orderSpectrum()
        let revolutions = Double(angle.revolutions)
        #expect(abs(spectrum.amplitudes[Int(revolutions)] - 1) < 0.01)
        #expect(abs(spectrum.amplitudes[Int(2 * revolutions)] - 0.3) < 0.01)
    }

    @Test("invalid speeds and short records throw")
    func invalid() throws {
        let signal = [Double](repeating: 0, count: 100)
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: signal, sampleRate: 100, speed: .constant(hertz: 0))
        }
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: signal, sampleRate: 100, speed: .constant(hertz: 0.5))
        }
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: signal, sampleRate: 100, speed: .profile(times: [0, 1], hertz: [5]))
        }
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: signal, sampleRate: 100, speed: .profile(times: [0, 1], hertz: [5, -1]))
        }
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(
                resampling: signal, sampleRate: 100, speed: .tachometer(pulseTimes: [0.5, 0.2], pulsesPerRevolution: 1))
        }
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: [1], sampleRate: 100, speed: .constant(hertz: 10))
        }
        // rpm passed as Hz at an absurd scale: refused, not an overflow or a gigantic allocation.
        #expect(throws: AnalyticsError.self) {
            try AngleDomainSignal(resampling: signal, sampleRate: 100, speed: .constant(hertz: 1e300))
        }
    }
}
