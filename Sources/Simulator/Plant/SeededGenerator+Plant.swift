#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SeededGenerator {
    /// An approximately normal deviate (mean 0, variance 1) from one 64-bit draw: the sum of four 16-bit
    /// uniforms (Irwin–Hall, n = 4), rescaled. Tails stop at ±3.46σ, which is fine for sensor and vibration
    /// noise, and it is about ten times cheaper than Box–Muller in the waveform inner loops.
    @inline(__always)
    mutating func fastGaussian() -> Double {
        let bits = next()
        let sum =
            Double(bits & 0xFFFF) + Double((bits >> 16) & 0xFFFF) + Double((bits >> 32) & 0xFFFF)
            + Double(bits >> 48)
        // Each uniform is in [0, 65535]; the sum has mean 2·65535 and variance 4·65536²/12.
        return (sum - 131_070) * (1.7320508075688772 / 65_536)
    }

    /// An exponentially distributed duration with the given mean.
    mutating func exponential(mean: Double) -> Double {
        -mean * log(max(unit(), 0x1p-53))
    }

    /// Whether an event with the given rate (per second) happens within `dt` seconds (Poisson process).
    mutating func occurs(rate: Double, within dt: Double) -> Bool {
        rate > 0 && unit() < 1 - exp(-rate * dt)
    }
}
