#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
/// *Matrix Computations*, 4th ed., §8.5; Rutishauser's stable rotation formulas).
///
/// Each sweep annihilates every off-diagonal element once with a plane rotation; convergence is quadratic and
/// the eigenvectors are orthonormal to rounding. Meant for the small covariance matrices of process monitoring
/// (tens of tags): O(p³) per sweep, typically 6–10 sweeps.
public struct SymmetricEigenDecomposition: Hashable, Sendable {
    /// Eigenvalues, largest first.
    public let values: [Double]
    /// vectors[a] is the unit eigenvector of values[a].
    public let vectors: [[Double]]

    /// - Throws: `emptyInput` for an empty matrix, `lengthMismatch` for a non-square one, `nonFiniteSample`,
    ///   `invalidParameter` when it is not symmetric (to 1e-9 relative).
    public init(symmetric matrix: [[Double]]) throws(AnalyticsError) {
        let n = matrix.count
        guard n > 0 else { throw AnalyticsError(.emptyInput, "the matrix is empty") }
        var scale = 0.0
        for (i, row) in matrix.enumerated() {
            guard row.count == n else { throw AnalyticsError(.lengthMismatch, "row \(i) has \(row.count) entries, not \(n)") }
            for x in row {
                guard x.isFinite else { throw AnalyticsError(.nonFiniteSample, "the matrix has an entry \(x)") }
                scale = max(scale, abs(x))
            }
        }
        for i in 0..<n {
            for j in 0..<i where abs(matrix[i][j] - matrix[j][i]) > 1e-9 * max(scale, 1e-300) {
                throw AnalyticsError(.invalidParameter, "the matrix is not symmetric at (\(i), \(j))")
            }
        }
        var a = matrix
        var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
        for _ in 0..<100 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i][j] * a[i][j] } }
            if off <= 1e-30 * max(scale * scale, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p][q] != 0 {
                    let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                    let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot()
                    let s = t * c
                    for k in 0..<n {
                        let akp = a[k][p]
                        let akq = a[k][q]
                        a[k][p] = c * akp - s * akq
                        a[k][q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p][k]
                        let aqk = a[q][k]
                        a[p][k] = c * apk - s * aqk
                        a[q][k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k][p]
                        let vkq = v[k][q]
                        v[k][p] = c * vkp - s * vkq
                        v[k][q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { a[$0][$0] > a[$1][$1] }
        values = order.map { a[$0][$0] }
        vectors = order.map { column in (0..<n).map { v[$0][column] } }
    }
}
