#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The FFT of a length n = 2^a·r with a small odd factor r (3 ≤ r ≤ 31, for example 25 600 = 1024·25), by one
/// Cooley–Tukey split into r power-of-two FFTs and 2^a direct DFTs of length r.
///
/// With n = N1·N2 (N1 = 2^a, N2 = r), j = N2·j1 + j2 and k = k1 + N1·k2 (Cooley & Tukey 1965; Duhamel & Vetterli,
/// "Fast Fourier transforms: a tutorial review", Signal Processing 19, 1990, §4):
///
///     X[k1 + N1·k2] = Σ_{j2} e^{−2πi·j2·k2/N2} · ( e^{−2πi·j2·k1/n} · Σ_{j1} x[N2·j1 + j2]·e^{−2πi·j1·k1/N1} )
///
/// The length-r DFTs run row by row (all k1 at once), so their inner loop is contiguous. They cost n·r complex
/// multiply-adds, which beats Bluestein's two transforms of ≥ 2n points for r up to about 32; larger odd factors
/// go to `BluesteinKernel`.
struct MixedRadixKernel: Sendable {
    let count: Int
    private let powerOfTwo: Int
    private let oddFactor: Int
    private let inner: Radix2Kernel
    /// e^{−2πi·j2·k1/n} at [j2·N1 + k1].
    private let twiddleReal: [Double]
    private let twiddleImaginary: [Double]
    /// e^{−2πi·m/r} for m < r.
    private let rootReal: [Double]
    private let rootImaginary: [Double]

    /// The largest odd factor handled here rather than by Bluestein.
    static let maximumOddFactor = 31

    /// - Precondition: count = 2^a·r with r odd and 1 < r ≤ `maximumOddFactor` (checked by `FFTPlan`).
    init(count: Int, oddFactor: Int) {
        self.count = count
        self.oddFactor = oddFactor
        powerOfTwo = count / oddFactor
        inner = Radix2Kernel(count: powerOfTwo)
        var tr = [Double](repeating: 0, count: count)
        var ti = [Double](repeating: 0, count: count)
        for j2 in 0..<oddFactor {
            for k1 in 0..<powerOfTwo {
                let angle = -2 * Double.pi * Double((j2 * k1) % count) / Double(count)
                tr[j2 * powerOfTwo + k1] = cos(angle)
                ti[j2 * powerOfTwo + k1] = sin(angle)
            }
        }
        twiddleReal = tr
        twiddleImaginary = ti
        rootReal = (0..<oddFactor).map { cos(-2 * Double.pi * Double($0) / Double(oddFactor)) }
        rootImaginary = (0..<oddFactor).map { sin(-2 * Double.pi * Double($0) / Double(oddFactor)) }
    }

    /// The forward DFT in place; one scratch allocation of 2n doubles per call.
    func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        let n1 = powerOfTwo
        let n2 = oddFactor
        var scratchReal = [Double](repeating: 0, count: count)
        var scratchImaginary = [Double](repeating: 0, count: count)
        scratchReal.withUnsafeMutableBufferPointer { trBuffer in
            scratchImaginary.withUnsafeMutableBufferPointer { tiBuffer in
                twiddleReal.withUnsafeBufferPointer { wr in
                    twiddleImaginary.withUnsafeBufferPointer { wi in
                        let tr = trBuffer.baseAddress!, ti = tiBuffer.baseAddress!
                        // Rows j2: gather x[N2·j1 + j2], FFT over j1, multiply by the twiddles.
                        for j2 in 0..<n2 {
                            let rowR = tr + j2 * n1, rowI = ti + j2 * n1
                            for j1 in 0..<n1 {
                                rowR[j1] = real[n2 * j1 + j2]
                                rowI[j1] = imaginary[n2 * j1 + j2]
                            }
                            inner.forward(real: rowR, imaginary: rowI)
                            let twR = wr.baseAddress! + j2 * n1, twI = wi.baseAddress! + j2 * n1
                            for k1 in 0..<n1 {
                                let xr = rowR[k1], xi = rowI[k1]
                                rowR[k1] = xr * twR[k1] - xi * twI[k1]
                                rowI[k1] = xr * twI[k1] + xi * twR[k1]
                            }
                        }
                        // Length-r DFTs across rows, written to output rows k2 (contiguous in k1).
                        for k2 in 0..<n2 {
                            let outR = real + k2 * n1, outI = imaginary + k2 * n1
                            outR.update(repeating: 0, count: n1)
                            outI.update(repeating: 0, count: n1)
                            for j2 in 0..<n2 {
                                let m = (j2 * k2) % n2
                                let cr = rootReal[m], ci = rootImaginary[m]
                                let rowR = tr + j2 * n1, rowI = ti + j2 * n1
                                for k1 in 0..<n1 {
                                    let xr = rowR[k1], xi = rowI[k1]
                                    outR[k1] += xr * cr - xi * ci
                                    outI[k1] += xr * ci + xi * cr
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
