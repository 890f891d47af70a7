/// Complex numbers stored as two arrays, real parts and imaginary parts ("split complex").
///
/// The split layout lets the FFT loops read and write each component contiguously, and makes the inverse
/// transform free: swapping the two arrays conjugates-and-swaps the data (see `FFTPlan.inverse`).
public struct ComplexSignal: Hashable, Sendable {
    public var real: [Double]
    public var imaginary: [Double]

    /// - Throws: `lengthMismatch` if the two arrays differ in length.
    public init(real: [Double], imaginary: [Double]) throws(AnalyticsError) {
        guard real.count == imaginary.count else {
            throw AnalyticsError(
                .lengthMismatch, "real has \(real.count) values but imaginary has \(imaginary.count)")
        }
        self.real = real
        self.imaginary = imaginary
    }

    /// A purely real signal (imaginary parts zero).
    public init(real: [Double]) {
        self.real = real
        self.imaginary = [Double](repeating: 0, count: real.count)
    }

    init(uncheckedReal real: [Double], imaginary: [Double]) {
        self.real = real
        self.imaginary = imaginary
    }

    public var count: Int { real.count }

    /// |z| for each element.
    public var magnitudes: [Double] {
        var result = [Double](repeating: 0, count: count)
        for index in 0..<count {
            let re = real[index]
            let im = imaginary[index]
            result[index] = (re * re + im * im).squareRoot()
        }
        return result
    }
}
