#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Quantiles for control limits, without a statistics library.
enum ControlLimits {
    /// The standard normal quantile Φ⁻¹(p), 0 < p < 1, by Acklam's rational approximation (relative error
    /// below 1.2·10⁻⁹), clamped to p ∈ [10⁻¹², 1 − 10⁻¹²].
    static func normalQuantile(_ probability: Double) -> Double {
        let p = min(max(probability.isFinite ? probability : 0.5, 1e-12), 1 - 1e-12)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        if p > 1 - low {
            let q = (-2 * log(1 - p)).squareRoot()
            return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let q = p - 0.5
        let r = q * q
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }

    /// The χ² quantile with `degrees` degrees of freedom by the Wilson–Hilferty cube-root approximation
    /// (1931), accurate to about 1 % for ν ≥ 2 at the usual 95–99.9 % levels.
    static func chiSquareQuantile(_ probability: Double, degrees: Double) -> Double {
        guard degrees > 0 else { return 0 }
        let z = normalQuantile(probability)
        let h = 2 / (9 * degrees)
        let cube = 1 - h + z * h.squareRoot()
        return degrees * max(0, cube * cube * cube)
    }

    /// The upper limit of Q (SPE) by Jackson & Mudholkar (1979), from the eigenvalues left out of the model;
    /// falls back to Box's g·χ²_h approximation (Nomikos & MacGregor 1995) when h₀ ≤ 0.
    static func speLimit(residualEigenvalues: [Double], confidence: Double) -> Double {
        let values = residualEigenvalues.map { max(0, $0) }
        let theta1 = values.reduce(0, +)
        let theta2 = values.reduce(0) { $0 + $1 * $1 }
        let theta3 = values.reduce(0) { $0 + $1 * $1 * $1 }
        guard theta1 > 0, theta2 > 0 else { return 0 }
        let h0 = 1 - 2 * theta1 * theta3 / (3 * theta2 * theta2)
        if h0 > 0.05 {
            let c = normalQuantile(confidence)
            let base = c * (2 * theta2 * h0 * h0).squareRoot() / theta1 + 1 + theta2 * h0 * (h0 - 1) / (theta1 * theta1)
            if base > 0 { return theta1 * pow(base, 1 / h0) }
        }
        let g = theta2 / theta1
        let h = theta1 * theta1 / theta2
        return g * chiSquareQuantile(confidence, degrees: h)
    }

    /// The empirical `confidence` quantile of `values` (nearest rank), 0 when empty.
    static func empiricalQuantile(_ values: [Double], _ confidence: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((confidence * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
