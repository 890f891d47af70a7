import Analytics
import Events
import Logging
import MillraceCore
import Simulator
import Synchronization
import Testing

@testable import MillraceApp

/// The condition monitor on the simulated plant: a bearing defect becomes one open finding with its evidence after
/// onset, none is raised on the healthy machine, and a repaired machine clears it after k healthy blocks.
@Suite struct ConditionMonitorTests {
    static let start = Timestamp(seconds: 1_767_225_600)

    static func pump() throws -> AssetPath { try AssetPath("demo/utilities/cooling-water/pump-1") }

    static func layout() throws -> PlantLayout {
        PlantLayout(
            lines: [], pumps: [try pump()], compressors: [], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("demo/utilities/electrical/main-meter"))
    }

    static func plant(faultOnset: Timestamp?, seed: UInt64 = 5) throws -> PlantSimulation {
        let scenarios = try faultOnset.map { onset in
            [FaultScenario(
                id: "T1", fault: .outerRaceDefect(.driveEnd), asset: try pump(), onset: onset, growth: .linear,
                timeToFailure: .seconds(4 * 3600))]
        } ?? []
        return PlantSimulation(seed: seed, start: start, layout: try layout(), scenarios: scenarios)
    }

    // MARK: The hysteresis rule alone

    static func finding(_ fault: DiagnosedFault = .outerRaceDefect, severity: FindingSeverity = .moderate) -> Finding {
        Finding(fault: fault, asset: "a", severity: severity, confidence: 0.8, evidence: [], action: "act")
    }

    @Test func hysteresisRaisesAfterNOfMAndClearsAfterKHealthyBlocks() {
        var rule = FindingHysteresis(rule: .init(raiseCount: 3, windowCount: 5, clearCount: 4))
        let pattern = [true, false, true, false, false, true, false]  // never 3 in any 5
        for found in pattern {
            #expect(rule.blockDiagnosed(asset: "a", findings: found ? [Self.finding()] : []).isEmpty)
        }
        #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding()]).isEmpty)  // 2 of the last 5
        let raised = rule.blockDiagnosed(asset: "a", findings: [Self.finding(severity: .low), Self.finding(severity: .high)])
        // 3 of 5: raised at the severity 3 of the last 5 reached (moderate), not the one strong block's.
        #expect(raised == [.raise(Self.finding(severity: .moderate))])
        for _ in 0..<5 { #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding()]).isEmpty) }  // no duplicate
        for _ in 0..<3 { #expect(rule.blockDiagnosed(asset: "a", findings: []).isEmpty) }
        #expect(rule.blockDiagnosed(asset: "b", findings: []).isEmpty)  // another asset's block changes nothing
        let key = FindingHysteresis.Key(asset: "a", fault: .outerRaceDefect)
        #expect(rule.blockDiagnosed(asset: "a", findings: []) == [.clear(key)])
        #expect(rule.openKeys.isEmpty)
    }

    @Test func aFindingOpenInTheStoreIsNotRaisedAgain() {
        var rule = FindingHysteresis(rule: .init(raiseCount: 1, windowCount: 1, clearCount: 2))
        rule.markOpen(.init(asset: "a", fault: .imbalance))
        #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding(.imbalance)]).isEmpty)
        #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding(.looseness)]) == [.raise(Self.finding(.looseness))])
    }

    @Test func anOpenFindingFollowsItsSeverityOnlyWhenNOfMBlocksAgree() {
        var rule = FindingHysteresis(rule: .init(raiseCount: 3, windowCount: 5, clearCount: 3))
        let low = Self.finding(severity: .low)
        for _ in 0..<2 { #expect(rule.blockDiagnosed(asset: "a", findings: [low]).isEmpty) }
        #expect(rule.blockDiagnosed(asset: "a", findings: [low]) == [.raise(low)])
        // One high block among lows changes nothing; the third high of five settles the level.
        #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding(severity: .high)]).isEmpty)
        #expect(rule.blockDiagnosed(asset: "a", findings: [low]).isEmpty)
        #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding(severity: .high)]).isEmpty)
        var high = Self.finding(severity: .high)
        high.confidence = 0.95
        #expect(rule.blockDiagnosed(asset: "a", findings: [high]) == [.update(high)])
        for _ in 0..<2 { #expect(rule.blockDiagnosed(asset: "a", findings: [high]).isEmpty) }  // no repeat
        // Growing on: critical once three of five blocks say so.
        let critical = Self.finding(severity: .critical)
        #expect(rule.blockDiagnosed(asset: "a", findings: [critical]).isEmpty)
        #expect(rule.blockDiagnosed(asset: "a", findings: [critical]).isEmpty)
        #expect(rule.blockDiagnosed(asset: "a", findings: [critical]) == [.update(critical)])
        // Shrinking (a repair that half worked): steps down to moderate, then clears after 3 healthy blocks.
        let moderate = Self.finding(severity: .moderate)
        var actions: [FindingHysteresis.Action] = []
        for _ in 0..<5 { actions += rule.blockDiagnosed(asset: "a", findings: [moderate]) }
        #expect(actions == [.update(moderate)])
        for _ in 0..<2 { #expect(rule.blockDiagnosed(asset: "a", findings: []).isEmpty) }
        #expect(rule.blockDiagnosed(asset: "a", findings: []) == [.clear(.init(asset: "a", fault: .outerRaceDefect))])
    }

    @Test func aFindingReadBackFromTheStoreIsUpdatedOnlyWhenItsSeverityDiffers() {
        var rule = FindingHysteresis(rule: .init(raiseCount: 2, windowCount: 3, clearCount: 2))
        rule.markOpen(.init(asset: "a", fault: .outerRaceDefect), severity: .moderate)
        for _ in 0..<3 { #expect(rule.blockDiagnosed(asset: "a", findings: [Self.finding()]).isEmpty) }
        var unknown = FindingHysteresis(rule: .init(raiseCount: 2, windowCount: 3, clearCount: 2))
        unknown.markOpen(.init(asset: "a", fault: .outerRaceDefect))  // severity not known: the first settled one is adopted
        for _ in 0..<3 { #expect(unknown.blockDiagnosed(asset: "a", findings: [Self.finding()]).isEmpty) }
        let high = Self.finding(severity: .high)
        #expect(unknown.blockDiagnosed(asset: "a", findings: [high]).isEmpty)
        #expect(unknown.blockDiagnosed(asset: "a", findings: [high]) == [.update(high)])
    }

    // MARK: The monitor on the simulated pump

    @Test func aBearingDefectIsRaisedOnceAfterOnsetAndClearedAfterRepair() throws {
        let onset = Self.start + .seconds(3600)
        var plant = try Self.plant(faultOnset: onset)
        var monitor = ConditionMonitor(configuration: .init(baselineBlocks: 3, hysteresis: .init(raiseCount: 3, windowCount: 5, clearCount: 3)))
        var raised: [(time: Timestamp, finding: Finding)] = []
        // A block every 10 minutes for 4 hours: 6 healthy blocks, then the defect grows.
        for minute in stride(from: 10, through: 240, by: 10) {
            let now = Self.start + .seconds(Int64(minute) * 60)
            _ = plant.advance(to: now)
            let outcome = monitor.process(plant.vibrationBlocks())
            #expect(outcome.skipped.isEmpty, "\(outcome.skipped)")
            for case .raise(let finding) in outcome.actions { raised.append((now, finding)) }
            #expect(!outcome.actions.contains { if case .clear = $0 { true } else { false } })
        }
        #expect(monitor.hasBaseline(try Self.pump()))
        let first = try #require(raised.first, "no finding after onset")
        #expect(raised.allSatisfy { $0.time > onset }, "raised before onset: \(raised.map(\.finding.fault))")
        #expect(first.finding.fault == .outerRaceDefect, "\(first.finding.explanation)")
        #expect(raised.count == 1, "\(raised.map { "\($0.time): \($0.finding.explanation)" })")
        #expect(first.finding.severity > .none)
        #expect(first.finding.confidence > 0)
        #expect(first.finding.evidence.contains { $0.label.contains("BPFO") }, "\(first.finding.explanation)")
        #expect(!first.finding.action.isEmpty)
        #expect(first.finding.explanation.contains("ISO 10816"))
        print("[monitor] outer race raised \((first.time - onset).microseconds / 60_000_000) min after onset: \(first.finding.explanation)")

        // The bearing is replaced: a healthy plant from here on clears the finding after 3 healthy blocks.
        var repaired = try Self.plant(faultOnset: nil, seed: 6)
        var cleared: [Int] = []
        for block in 1...4 {
            _ = repaired.advance(to: Self.start + .seconds(Int64(block) * 600))
            let outcome = monitor.process(repaired.vibrationBlocks())
            if outcome.actions.contains(.clear(.init(asset: try Self.pump().description, fault: .outerRaceDefect))) { cleared.append(block) }
        }
        #expect(cleared == [3])
    }

    @Test func theHealthyPumpRaisesNothing() throws {
        var plant = try Self.plant(faultOnset: nil, seed: 9)
        var monitor = ConditionMonitor()
        for minute in stride(from: 10, through: 180, by: 10) {
            _ = plant.advance(to: Self.start + .seconds(Int64(minute) * 60))
            let outcome = monitor.process(plant.vibrationBlocks())
            #expect(outcome.actions.isEmpty, "\(outcome.actions)")
        }
    }

    // MARK: The service, on a test clock, with the event store

    /// The pump as a live source: each call advances it to the clock's time.
    final class LivePump: VibrationBlockSource {
        let plant: Mutex<PlantSimulation>
        let clock: TestClock
        init(plant: PlantSimulation, clock: TestClock) {
            self.plant = Mutex(plant)
            self.clock = clock
        }
        func vibrationBlocks() async -> [AssetVibrationBlock] {
            let now = clock.now()
            return plant.withLock { plant in
                _ = plant.advance(to: now)
                return plant.vibrationBlocks()
            }
        }
    }

    /// Lets the service take `rounds` blocks: each time it sleeps on the clock, the clock moves one interval.
    static func run(_ service: ConditionMonitorService, clock: TestClock, rounds: Int) async throws {
        let task = Task { try await service.run() }
        for _ in 0...rounds {
            try await waitUntilSleeping(clock)
            clock.advance(by: .seconds(600))
        }
        try await waitUntilSleeping(clock)
        task.cancel()
        _ = await task.result
    }

    static func waitUntilSleeping(_ clock: TestClock) async throws {
        // Polls for the service's next sleep; the bound only keeps a broken service from hanging the suite.
        for _ in 0..<60_000 where clock.sleeperCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        try #require(clock.sleeperCount == 1)
    }

    @Test func theServiceStoresOneOpenFindingAndDoesNotDuplicateItAfterARestart() async throws {
        let clock = TestClock(now: Self.start)
        // A defect that started an hour ago (a quarter of its life): present from the first block.
        let source = LivePump(plant: try Self.plant(faultOnset: Self.start - .seconds(3600)), clock: clock)
        let store = try SQLiteEventStore()
        let logger = Logger(label: "test")
        try await Self.run(
            ConditionMonitorService(source: source, store: store, clock: clock, interval: .seconds(600), logger: logger),
            clock: clock, rounds: 6)
        let events = try await store.events(under: try Self.pump(), from: nil, to: nil, limit: 10)
        #expect(events.count == 1, "\(events.map(\.title))")
        let event = try #require(events.first)
        #expect(event.kind == .finding)
        #expect(event.fault == "outer_race_defect")
        #expect(event.state == .open)
        #expect(event.title.hasPrefix("outer-race bearing defect"))
        #expect(event.evidenceJSON.contains("BPFO"))
        #expect(!event.recommendedAction.isEmpty)
        #expect(event.confidence > 0)

        // Restarted on the same store: the open finding is known, no second one.
        try await Self.run(
            ConditionMonitorService(source: source, store: store, clock: clock, interval: .seconds(600), logger: logger),
            clock: clock, rounds: 4)
        #expect(try await store.events(under: nil, from: nil, to: nil, limit: 10).count == 1)
    }
}
