/// A reusable plan for the complex discrete Fourier transform of one length, any length ≥ 1.
///
/// Forward: X[k] = Σ_{j=0}^{n−1} x[j]·e^{−2πi·jk/n} (no scaling).
/// Inverse: x[j] = (1/n)·Σ_k X[k]·e^{+2πi·jk/n}, so `inverse(forward(x)) == x`.
///
/// Lengths made of the primes 2, 3, 5, 7, 11 and 13 (powers of two, 25 600, 1000, 48 000, 10^6) run the
/// self-sorting mixed-radix `StockhamKernel`, whose stages run on SIMD vectors (ADR 0021); 2^a·r with another odd
/// r ≤ 31 splits into radix-2 transforms and direct length-r DFTs (`MixedRadixKernel`); all other lengths use
/// Bluestein's chirp-z algorithm on a power-of-two kernel of at least 2n−1 points, so every length costs
/// O(n log n) or O(n·31). Creating a plan computes all
/// twiddle factors; create it once per length and reuse it. A plan is an immutable value and can be shared
/// between tasks.
///
/// The transform does not check for NaN (it is the inner loop of everything else); NaN in gives NaN out.
public struct FFTPlan: Sendable {
    enum Kernel: Sendable {
        case identity
        case stockham(StockhamKernel)
        case mixedRadix(MixedRadixKernel)
        case bluestein(BluesteinKernel)
    }

    /// The transform length n.
    public let count: Int

    /// The longest transform: 2^24 points (11 minutes at 25.6 kHz). Longer records are analysed in blocks; the cap
    /// keeps a mistaken length from exhausting memory (Bluestein needs 4 arrays of up to 4n values).
    public static let maximumCount = 1 << 24
    let kernel: Kernel

    /// - Throws: `invalidParameter` if `count` < 1 or larger than `maximumCount`.
    public init(count: Int) throws(AnalyticsError) {
        guard count >= 1, count <= FFTPlan.maximumCount else {
            throw AnalyticsError(.invalidParameter, "an FFT length must be between 1 and 2^24 (16 777 216), not \(count)")
        }
        self.count = count
        if count == 1 {
            kernel = .identity
        } else if StockhamKernel.radices(of: count) != nil {
            kernel = .stockham(StockhamKernel(count: count))
        } else if count >> count.trailingZeroBitCount <= MixedRadixKernel.maximumOddFactor {
            kernel = .mixedRadix(MixedRadixKernel(count: count, oddFactor: count >> count.trailingZeroBitCount))
        } else {
            kernel = .bluestein(BluesteinKernel(count: count))
        }
    }

    /// Whether `count` is a power of two (the fast path).
    public var isPowerOfTwo: Bool { count & (count - 1) == 0 }

    /// The forward transform of split-complex data in place. Working memory comes from the stack for small n and
    /// from one temporary heap block for large n; nothing else is allocated.
    /// - Throws: `lengthMismatch` unless both arrays have exactly `count` elements.
    public func forward(real: inout [Double], imaginary: inout [Double]) throws(AnalyticsError) {
        try checkLengths(real.count, imaginary.count)
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                forwardUnchecked(real: re.baseAddress!, imaginary: im.baseAddress!)
            }
        }
    }

    /// The inverse transform (scaled by 1/n) of split-complex data in place.
    /// - Throws: `lengthMismatch` unless both arrays have exactly `count` elements.
    public func inverse(real: inout [Double], imaginary: inout [Double]) throws(AnalyticsError) {
        try checkLengths(real.count, imaginary.count)
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                inverseUnchecked(real: re.baseAddress!, imaginary: im.baseAddress!)
            }
        }
    }

    /// The forward transform of a complex signal of `count` elements.
    public func forward(_ signal: ComplexSignal) throws(AnalyticsError) -> ComplexSignal {
        var re = signal.real
        var im = signal.imaginary
        try forward(real: &re, imaginary: &im)
        return ComplexSignal(uncheckedReal: re, imaginary: im)
    }

    /// The inverse transform (scaled by 1/n) of a spectrum of `count` elements.
    public func inverse(_ spectrum: ComplexSignal) throws(AnalyticsError) -> ComplexSignal {
        var re = spectrum.real
        var im = spectrum.imaginary
        try inverse(real: &re, imaginary: &im)
        return ComplexSignal(uncheckedReal: re, imaginary: im)
    }

    private func checkLengths(_ realCount: Int, _ imaginaryCount: Int) throws(AnalyticsError) {
        guard realCount == count, imaginaryCount == count else {
            throw AnalyticsError(
                .lengthMismatch,
                "this FFT plan is for \(count) points but got \(realCount) real and \(imaginaryCount) imaginary values")
        }
    }

    func forwardUnchecked(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        switch kernel {
        case .identity: break
        case .stockham(let kernel): kernel.forward(real: real, imaginary: imaginary)
        case .mixedRadix(let kernel): kernel.forward(real: real, imaginary: imaginary)
        case .bluestein(let kernel): kernel.forward(real: real, imaginary: imaginary)
        }
    }

    /// IFFT(x) = swap(FFT(swap(x)))/n: on split arrays the swap is just exchanging the two pointers.
    func inverseUnchecked(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        forwardUnchecked(real: imaginary, imaginary: real)
        let scale = 1 / Double(count)
        for index in 0..<count {
            real[index] *= scale
            imaginary[index] *= scale
        }
    }
}
