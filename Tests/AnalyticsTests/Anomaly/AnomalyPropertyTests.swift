import Analytics
import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@Suite("Anomaly and RUL never trap")
struct AnomalyPropertyTests {
    static let value = Gen.int(in: 0...29).map { i -> Double in
        let awkward: [Double] = [.nan, .infinity, -.infinity, 0, -0.0, 1e300, -1e300, .leastNonzeroMagnitude]
        return i < awkward.count ? awkward[i] : Double(i - 15) * 0.73
    }

    @Test("symmetric matrices of any content: a decomposition or a typed error, eigenvectors orthonormal")
    func eigen() async {
        await checkProperty(count: 200, input: Gen.double(in: -100...100).array(of: 1...36)) { entries in
            let n = Int(Double(entries.count).squareRoot())
            var matrix = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
            for i in 0..<n { for j in 0...i { matrix[i][j] = entries[i * n + j]; matrix[j][i] = entries[i * n + j] } }
            guard let eigen = try? SymmetricEigenDecomposition(symmetric: matrix) else { return }
            let trace = (0..<n).reduce(0) { $0 + matrix[$1][$1] }
            #expect(abs(eigen.values.reduce(0, +) - trace) <= 1e-9 * max(1, abs(trace)) + 1e-9 * Double(n) * 100)
            for i in 0..<n {
                let norm = eigen.vectors[i].reduce(0) { $0 + $1 * $1 }
                #expect(abs(norm - 1) < 1e-9)
            }
        }
    }

    @Test("RUL estimators take any observations: an estimate or a typed error")
    func rul() async {
        await checkProperty(count: 200, input: Self.value.array(of: 0...12), Self.value) { values, threshold in
            for kind in [DegradationModelKind.exponential(offset: 0), .linear] {
                guard var estimator = try? DegradationRULEstimator(kind: kind, threshold: threshold, draws: 100) else { continue }
                for (index, value) in values.enumerated() {
                    _ = try? estimator.update(with: HealthObservation(time: Double(index), value: value))
                }
                if let estimate = try? estimator.estimate() {
                    #expect(!estimate.lower.isNaN && !estimate.median.isNaN && !estimate.upper.isNaN, "\(kind) \(values) \(threshold)")
                    #expect(estimate.lower <= estimate.median && estimate.median <= estimate.upper)
                }
            }
        }
    }
}
