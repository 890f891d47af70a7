/// How a peak's position between bins is estimated.
public enum PeakInterpolation: String, Hashable, Sendable, Codable, CaseIterable {
    /// Fit a parabola through the logarithms of the three amplitudes around the maximum (Grandke 1983;
    /// Smith, *Spectral Audio Signal Processing*, "Quadratic Interpolation of Spectral Peaks"):
    /// δ = ½·(α − γ)/(α − 2β + γ) with α, β, γ = ln A[k−1], ln A[k], ln A[k+1]. Fast and window-agnostic,
    /// with a small bias (up to a few hundredths of a bin for Hann).
    case parabolic
    /// Solve for the offset δ at which the window's own response reproduces the ratio of the larger neighbour
    /// to the maximum, A[k±1]/A[k] = |W(1−δ)|/|W(δ)| (the ratio method of Grandke 1983 generalised to any cosine
    /// window). Exact for a single stationary tone; the default.
    case windowMatched
}
