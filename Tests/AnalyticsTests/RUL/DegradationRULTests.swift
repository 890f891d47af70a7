#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import Testing

@Suite("Remaining useful life from a degradation trend")
struct DegradationRULTests {
    /// h(t) = 0.05·e^{0.1 t}·e^{ε}, ε ~ N(0, 0.1²), daily; the threshold 1.0 is crossed at t* = ln 20 / 0.1 ≈ 29.96 d.
    static func observations(seed: UInt64, through days: Int) -> [HealthObservation] {
        var generator = SeededGenerator(seed: seed)
        return (0...days).map { day in
            HealthObservation(time: Double(day), value: 0.05 * exp(0.1 * Double(day) + 0.1 * generator.gaussian()))
        }
    }

    static let trueFailureTime = log(20.0) / 0.1

    @Test("the true failure time lies inside the 80 % interval in most seeded runs")
    func coverage() throws {
        let runs = 100
        var covered = 0
        for seed in 1...UInt64(runs) {
            var estimator = try DegradationRULEstimator(kind: .exponential(offset: 0), threshold: 1, draws: 1000, seed: seed)
            try estimator.update(with: Self.observations(seed: seed, through: 15))
            let estimate = try estimator.estimate()
            let truth = Self.trueFailureTime - estimate.now
            if estimate.lower <= truth && truth <= estimate.upper { covered += 1 }
        }
        print("[rul] exponential trend, 16 daily points, 80 % interval: truth covered in \(covered) of \(runs) seeded runs")
        #expect(covered >= 65 && covered <= 95)
    }

    @Test("the interval narrows as data arrive, and the estimate converges on the truth")
    func narrows() throws {
        var estimator = try DegradationRULEstimator(kind: .exponential(offset: 0), threshold: 1, seed: 3)
        let all = Self.observations(seed: 3, through: 24)
        var widths: [Double] = []
        var last: RULEstimate?
        for (index, observation) in all.enumerated() {
            try estimator.update(with: observation)
            if [6, 12, 18, 24].contains(index) {
                let estimate = try estimator.estimate()
                widths.append(estimate.width)
                last = estimate
                print("[rul] day \(index): \(estimate.sentence(unit: "days"))")
            }
        }
        #expect(widths.count == 4)
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $1 < $0 }, "\(widths)")
        let final = try #require(last)
        #expect(abs(final.now + final.median - Self.trueFailureTime) < 2)
    }

    @Test("a linear trend: known answer")
    func linear() throws {
        var estimator = try DegradationRULEstimator(kind: .linear, threshold: 7.1, seed: 9)
        var generator = SeededGenerator(seed: 9)
        for day in 0...20 {
            try estimator.update(with: HealthObservation(time: Double(day), value: 2 + 0.1 * Double(day) + 0.05 * generator.gaussian()))
        }
        let estimate = try estimator.estimate()
        // 2 + 0.1 t = 7.1 at t = 51: 31 days after day 20.
        #expect(estimate.lower < 31 && 31 < estimate.upper)
        #expect(abs(estimate.median - 31) < 3)
    }

    @Test("a flat or improving indicator gives no finite upper bound, not a trap")
    func flat() throws {
        var estimator = try DegradationRULEstimator(kind: .linear, threshold: 10, seed: 1)
        try estimator.update(with: (0..<10).map { HealthObservation(time: Double($0), value: 5 - 0.1 * Double($0)) })
        let estimate = try estimator.estimate()
        #expect(estimate.upper == .infinity)
        #expect(estimate.probabilityOfCrossing < 0.1)
    }

    @Test("bad input ends in typed errors")
    func errors() throws {
        var estimator = try DegradationRULEstimator(kind: .exponential(offset: 0), threshold: 1)
        #expect(throws: AnalyticsError.self) { try estimator.estimate() }
        #expect(throws: AnalyticsError.self) { try estimator.update(with: HealthObservation(time: .nan, value: 1)) }
        try estimator.update(with: HealthObservation(time: 1, value: 0.1))
        #expect(throws: AnalyticsError.self) { try estimator.update(with: HealthObservation(time: 1, value: 0.2)) }
        try estimator.update(with: HealthObservation(time: 2, value: -1))  // ln undefined: skipped, not a trap
        #expect(estimator.skipped == 1)
        #expect(throws: AnalyticsError.self) { try DegradationRULEstimator(kind: .exponential(offset: 2), threshold: 1) }
        #expect(throws: AnalyticsError.self) { try DegradationRULEstimator(kind: .linear, threshold: .infinity) }
        #expect(throws: AnalyticsError.self) { try DegradationRULEstimator(kind: .linear, threshold: 1, levels: (0.9, 0.1)) }
    }
}
