#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import MillraceCore
import Testing

@Suite("Anomaly building blocks")
struct AnomalyModelTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    /// Three correlated tags: b = 2a + noise, c independent.
    static func window(count: Int, seed: UInt64, shiftAfter: Int? = nil) throws -> MultivariateWindow {
        var generator = SeededGenerator(seed: seed)
        var rows: [[Double]] = []
        for index in 0..<count {
            let a = 10 + generator.gaussian()
            var b = 2 * a + 0.1 * generator.gaussian()
            let c = 5 + 0.5 * generator.gaussian()
            if let shiftAfter, index >= shiftAfter { b += 1.5 }  // breaks b = 2a
            rows.append([a, b, c])
        }
        return try MultivariateWindow(
            tags: ["a", "b", "c"], times: (0..<count).map { start + .seconds(Int64($0) * 10) }, rows: rows)
    }

    @Test("Jacobi eigen-decomposition: known answer and orthonormal vectors")
    func jacobi() throws {
        let eigen = try SymmetricEigenDecomposition(symmetric: [[2, 1, 0], [1, 2, 0], [0, 0, 5]])
        #expect(eigen.values.map { ($0 * 1e9).rounded() / 1e9 } == [5, 3, 1])
        for i in 0..<3 {
            for j in 0..<3 {
                let dot = zip(eigen.vectors[i], eigen.vectors[j]).reduce(0) { $0 + $1.0 * $1.1 }
                #expect(abs(dot - (i == j ? 1 : 0)) < 1e-12)
            }
        }
        #expect(throws: AnalyticsError.self) { try SymmetricEigenDecomposition(symmetric: [[1, 2], [0, 1]]) }
        #expect(throws: AnalyticsError.self) { try SymmetricEigenDecomposition(symmetric: []) }
        #expect(throws: AnalyticsError.self) { try SymmetricEigenDecomposition(symmetric: [[1, .nan], [.nan, 1]]) }
    }

    @Test("PCA flags a broken correlation by SPE and names the tag that broke it")
    func speContribution() throws {
        let training = try Self.window(count: 500, seed: 1)
        let model = try PCAModel.train(on: training)
        let healthy = try Self.window(count: 200, seed: 2)
        let alarms = try healthy.rows.filter { row in try model.score(row).exceedsSPE }.count
        #expect(alarms <= 2)
        // b leaves its relation to a by 3σ of its residual: SPE, and b (or a) named first.
        let score = try model.score([10, 21.5, 5])
        #expect(score.exceedsSPE)
        #expect(["a", "b"].contains(score.speContributions[0].tag))
        #expect(abs(score.expected[1] - 2 * score.expected[0]) < 0.5)
    }

    @Test("a model trained on a window cannot see data after it")
    func noLeak() throws {
        let data = try Self.window(count: 600, seed: 3, shiftAfter: 400)
        let cut = data.times[399]
        let clean = try Self.window(count: 600, seed: 3)
        // The window as of `cut` is the same whatever happens later, and so is the model trained on it.
        let asOf = try data.prefix(through: cut)
        #expect(asOf.rows.count == 400)
        #expect(asOf == (try clean.prefix(through: cut)))
        let model = try AssetAnomalyModel.train(on: asOf)
        #expect(model == (try AssetAnomalyModel.train(on: try clean.prefix(through: cut))))
        #expect(model.trainingEnd == cut)
        // Scoring the shifted future flags it and leaves the model as it was.
        var monitor = try AnomalyMonitor(model: model)
        var found: [Anomaly] = []
        for (time, row) in zip(data.times, data.rows) where time > cut { found += try monitor.update(at: time, values: row) }
        #expect(monitor.model == model)
        #expect(found.contains { $0.primaryTag == "b" || $0.primaryTag == "a" })
        #expect(found.first.map { $0.time > cut } ?? false)
        #expect(throws: AnalyticsError.self) { _ = try monitor.update(at: cut, values: [10, 20, 5]) }
    }

    @Test("CUSUM finds a one-σ shift and estimates when it began (Page 1954)")
    func cusum() throws {
        var detector = try CUSUMDetector(allowance: 0.5, threshold: 8)
        var generator = SeededGenerator(seed: 4)
        var found: ChangePoint?
        for index in 0..<400 {
            let z = generator.gaussian() + (index >= 200 ? 1.5 : 0)
            if let change = detector.update(with: z, at: Self.start + .seconds(Int64(index))), found == nil {
                found = change
                #expect(index >= 200, "false change point at \(index)")
            }
        }
        let change = try #require(found)
        #expect(change.direction == .up)
        #expect(abs(Double((change.estimatedStart - Self.start).components.seconds) - 200) < 30)
        #expect(throws: AnalyticsError.self) { try CUSUMDetector(allowance: -1) }
    }

    @Test("mode-binned baselines follow the operating mode")
    func modeBinned() throws {
        var generator = SeededGenerator(seed: 5)
        let modes = (0..<600).map { _ in Double.random(in: 50...100, using: &generator) }
        let values = modes.map { 0.2 * $0 + 0.3 * generator.gaussian() }  // current follows load
        let baseline = try ModeBinnedBaseline.train(tag: "current", values: values, modeTag: "load", modes: modes)
        #expect(abs(baseline.robustZ(value: 0.2 * 95, mode: 95)) < 3)
        #expect(abs(baseline.robustZ(value: 0.2 * 95, mode: 55)) > 6)  // full-load current at part load
        #expect(throws: AnalyticsError.self) { try ModeBinnedBaseline.train(tag: "x", values: [], modeTag: "m", modes: []) }
        #expect(throws: AnalyticsError.self) {
            try ModeBinnedBaseline.train(tag: "x", values: [1, 2, .nan], modeTag: "m", modes: [1, 2, 3], minimumPerBin: 3)
        }
    }

    @Test("windows refuse ragged, non-finite or unordered data")
    func windowValidation() throws {
        let t = [Self.start, Self.start + .seconds(1)]
        #expect(throws: AnalyticsError.self) { try MultivariateWindow(tags: [], times: [], rows: []) }
        #expect(throws: AnalyticsError.self) { try MultivariateWindow(tags: ["a"], times: t, rows: [[1], [1, 2]]) }
        #expect(throws: AnalyticsError.self) { try MultivariateWindow(tags: ["a"], times: t, rows: [[1], [.infinity]]) }
        #expect(throws: AnalyticsError.self) { try MultivariateWindow(tags: ["a"], times: t.reversed(), rows: [[1], [2]]) }
        #expect(throws: AnalyticsError.self) { try PCAModel.train(on: try MultivariateWindow(tags: ["a"], times: t, rows: [[1], [2]])) }
    }
}
