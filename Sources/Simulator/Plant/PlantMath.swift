#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small numeric helpers shared by the plant models. Internal: not part of the simulator's API.
enum PlantMath {
    /// `value` limited to `range`.
    @inline(__always)
    static func clamp(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        min(range.upperBound, max(range.lowerBound, value))
    }

    /// One exact step of a first-order lag `τ·dy/dt = target − y` over `dt` seconds.
    ///
    /// Uses the exact discrete solution `y += (target − y)(1 − e^(−dt/τ))`, so the result does not depend on
    /// how an interval is split into sub-steps (as long as the target is constant over it).
    @inline(__always)
    static func lag(_ value: Double, toward target: Double, dt: Double, tau: Double) -> Double {
        guard tau > 0 else { return target }
        return value + (target - value) * (1 - exp(-dt / tau))
    }

    /// A stable 64-bit hash of a string (FNV-1a). Swift's `Hasher` is seeded per process, so it cannot be used
    /// to derive per-asset seeds that must be the same in every run.
    static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Mixes several 64-bit values into one seed (SplitMix64 finaliser over a running combination).
    static func mix(_ values: UInt64...) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for value in values {
            state = (state ^ value) &* 0xBF58_476D_1CE4_E5B9
            state ^= state >> 31
        }
        return state
    }

    /// Rounds to a number of decimals, as a transmitter with finite resolution would report it.
    @inline(__always)
    static func rounded(_ value: Double, _ decimals: Int) -> Double {
        let scale: Double =
            switch decimals {
            case 0: 1
            case 1: 10
            case 2: 100
            case 3: 1000
            default: 10000
            }
        return (value * scale).rounded() / scale
    }
}
