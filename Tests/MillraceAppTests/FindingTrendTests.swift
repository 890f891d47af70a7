import Analytics
import MillraceCore
import Simulator
import Testing

@testable import MillraceApp

/// The remaining-life sentence of an open bearing finding, and the condition monitor refreshing it.
@Suite struct FindingTrendTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    static func bearing(ratio: Double, severity: FindingSeverity = .moderate) -> Finding {
        Finding(
            fault: .outerRaceDefect, asset: "a", location: "drive end", severity: severity, confidence: 0.9,
            evidence: [
                Evidence(measurement: "envelope spectrum peak", label: "BPFO", value: ratio * 0.01, unit: "g", reference: 0.01),
                Evidence(measurement: "kurtosis", value: 5, unit: ""),
            ],
            action: "plan a bearing replacement")
    }

    @Test func aRisingDefectLineGetsAnEstimateToTheCriticalLimitAfterEnoughBlocks() throws {
        var trend = try #require(FindingTrend(fault: .outerRaceDefect, origin: Self.start, minimumBlocks: 6))
        // The BPFO line grows by 2× its noise floor an hour from 5×: it reaches 50× at 22.5 h.
        var sentences: [String?] = []
        for hour in 0..<10 {
            sentences.append(trend.observe(Self.bearing(ratio: 5 + 2 * Double(hour)), at: Self.start + .seconds(Int64(hour) * 3600)))
        }
        #expect(sentences.prefix(5).allSatisfy { $0 == nil })  // fewer than 6 blocks: no estimate
        let last = try #require(sentences.last ?? nil)
        #expect(last.contains("hours to the critical limit (50× its reference)"), "\(last)")
        #expect(last.contains("median 13") || last.contains("median 14"), "\(last)")  // 22.5 h − 9 h = 13.5 h
        #expect(FindingTrend(fault: .imbalance, origin: Self.start) == nil)  // no critical ratio known
    }

    @Test func aFlatLineGetsNoEstimate() throws {
        var trend = try #require(FindingTrend(fault: .outerRaceDefect, origin: Self.start, minimumBlocks: 3))
        var sentence: String?
        for hour in 0..<12 {
            let wobble = hour % 2 == 0 ? 0.2 : -0.2
            sentence = trend.observe(Self.bearing(ratio: 10 + wobble), at: Self.start + .seconds(Int64(hour) * 3600))
        }
        #expect(sentence == nil, "\(sentence ?? "")")
    }

    @Test func aGrowingBearingDefectOnTheSimulatedPumpIsUpdatedWithItsRemainingLife() throws {
        // An outer-race defect growing over 5 days from the start: the baseline is not needed for bearings.
        let scenario = FaultScenario(
            id: "T", fault: .outerRaceDefect(.driveEnd), asset: try ConditionMonitorTests.pump(), onset: Self.start,
            growth: .linear, timeToFailure: .seconds(5 * 86_400))
        var plant = PlantSimulation(seed: 5, start: Self.start, layout: try ConditionMonitorTests.layout(), scenarios: [scenario])
        var monitor = ConditionMonitor(configuration: .init(baselineBlocks: 3))
        var revisions: [Finding] = []
        for minute in stride(from: 10, through: 480, by: 10) {
            _ = plant.advance(to: Self.start + .seconds(Int64(minute) * 60))
            for action in monitor.process(plant.vibrationBlocks()).actions {
                if case .raise(let finding) = action { revisions.append(finding) }
                if case .update(let finding) = action { revisions.append(finding) }
            }
        }
        let raised = try #require(revisions.first)
        #expect(raised.fault == .outerRaceDefect)
        let withLife = revisions.filter { $0.explanation.contains("to the critical limit") }
        #expect(!withLife.isEmpty, "\(revisions.map(\.explanation))")
        #expect(revisions.map(\.severity) == revisions.map(\.severity).sorted(), "a growing defect never steps down")
        if let last = withLife.last { print("[monitor] \(last.severity.rawValue): \(last.context.last ?? "")") }
    }
}
