#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import Testing

@Suite("Remaining useful life by similarity to run-to-failure histories")
struct SimilarityRULTests {
    /// A unit degrading as 0.05·e^{r t} + noise with r drawn from 0.08…0.12 per day, failing at 1.0.
    static func unit(seed: UInt64) -> (rate: Double, observations: [HealthObservation]) {
        var generator = SeededGenerator(seed: seed)
        let rate = Double.random(in: 0.08...0.12, using: &generator)
        let failure = log(20.0) / rate
        var observations: [HealthObservation] = []
        var day = 0.0
        while day <= failure {
            observations.append(HealthObservation(time: day, value: 0.05 * exp(rate * day) + 0.01 * generator.gaussian()))
            day += 1
        }
        observations.append(HealthObservation(time: failure, value: 1))
        return (rate, observations)
    }

    static func library() throws -> [RunToFailureHistory] {
        try (1...30).map { seed in try RunToFailureHistory(id: "unit-\(seed)", observations: unit(seed: 1000 + UInt64(seed)).observations) }
    }

    @Test("the true remaining life lies inside the 80 % interval in most test units, and intervals narrow")
    func coverage() throws {
        let library = try Self.library()
        var covered = 0
        var narrowed = 0
        let units = 30
        for seed in 1...UInt64(units) {
            let (rate, observations) = Self.unit(seed: seed)
            let failure = log(20.0) / rate
            var estimator = try SimilarityRULEstimator(library: library)
            let early = observations.filter { $0.time <= 0.5 * failure && $0.time < failure }
            let late = observations.filter { $0.time > 0.5 * failure && $0.time <= 0.8 * failure }
            try estimator.update(with: early)
            let first = try estimator.estimate()
            try estimator.update(with: late)
            let second = try estimator.estimate()
            let truth = failure - second.now
            if second.lower <= truth && truth <= second.upper { covered += 1 }
            if second.width <= first.width { narrowed += 1 }
        }
        print("[rul] similarity, 30-unit library, at 80 % of life: truth inside the 80 % interval for \(covered) of \(units) units; interval narrowed from 50 % to 80 % of life for \(narrowed)")
        #expect(covered >= units / 2)
        #expect(narrowed >= units / 2)
    }

    @Test("bad input ends in typed errors")
    func errors() throws {
        #expect(throws: AnalyticsError.self) { try SimilarityRULEstimator(library: []) }
        #expect(throws: AnalyticsError.self) { try RunToFailureHistory(id: "x", observations: [HealthObservation(time: 0, value: 1)]) }
        #expect(throws: AnalyticsError.self) {
            try RunToFailureHistory(id: "x", observations: [HealthObservation(time: 0, value: 1), HealthObservation(time: 0, value: 2)])
        }
        var estimator = try SimilarityRULEstimator(library: try Self.library())
        #expect(throws: AnalyticsError.self) { try estimator.estimate() }
        #expect(throws: AnalyticsError.self) { try estimator.update(with: [HealthObservation(time: 0, value: .infinity)]) }
    }
}
