import Analytics
import Collector
import Foundation
import Events
import Logging
import MillraceCore
import Simulator
import Testing

@testable import MillraceApp

/// Anomaly detection and the motor thermal diagnoser on live samples: rows from the live bus, a training window
/// that never sees the future, events with a persistence rule.
@Suite struct LiveAnomalyTests {
    static let start = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let a = TagID(unchecked: "site.area.m.a")
    static let b = TagID(unchecked: "site.area.m.b")
    static let c = TagID(unchecked: "site.area.m.c")

    static func sample(_ tag: TagID, _ second: Int64, _ value: Double, quality: Quality = .good) -> TaggedSample {
        TaggedSample(tag: tag, time: start + .seconds(second), value: .double(value), quality: quality)
    }

    // MARK: Rows

    @Test func rowsAreMeansOnTheGridHeldWhenATagIsQuietAndMissingWhenStale() {
        var assembler = LiveRowAssembler(tags: [Self.a, Self.b], interval: .seconds(10), staleAfter: .seconds(30))
        // Interval (0, 10]: a twice, b once.
        #expect(assembler.ingest([Self.sample(Self.a, 1, 1), Self.sample(Self.b, 1, 10), Self.sample(Self.a, 6, 3)]).isEmpty)
        // A sample after 10 s closes the row ending at 10 s; b is held in the next interval (deadband: no change sent).
        let first = assembler.ingest([Self.sample(Self.a, 11, 5)])
        #expect(first == [.init(time: Self.start + .seconds(10), values: [2, 10])])
        let second = assembler.ingest([Self.sample(Self.a, 21, 7), Self.sample(Self.b, 22, 99, quality: .bad)])
        #expect(second == [.init(time: Self.start + .seconds(20), values: [5, 10])])  // the bad sample is ignored
        // b last good at 1 s: stale (> 30 s) by the row at 40 s, which is not emitted; a gap, not an invention.
        #expect(assembler.ingest([Self.sample(Self.a, 41, 9)]) == [.init(time: Self.start + .seconds(30), values: [7, 10])])
        #expect(assembler.ingest([Self.sample(Self.a, 51, 9)]).isEmpty)
        #expect(assembler.incompleteRows == 1)
        // Unknown tags and text values change nothing.
        #expect(assembler.ingest([TaggedSample(tag: TagID(unchecked: "x"), time: Self.start + .seconds(60), value: .string("on"))]).isEmpty)
    }

    // MARK: Episodes

    static func anomaly(_ kind: AnomalyKind = .squaredPredictionError, ratio: Double = 1.5, at second: Int64 = 0) -> Anomaly {
        Anomaly(
            time: start + .seconds(second), kind: kind, statistic: 10 * ratio, limit: 10,
            contributions: [TagContribution(tag: "b", value: 3, expected: 2, share: 0.9)], model: "test")
    }

    @Test func anAnomalyIsRaisedOnlyWhenItPersistsAndClearedAfterAQuietHour() throws {
        let asset = try AssetPath("site/area/m")
        var episodes = AnomalyEpisodes(rule: .init(confirmRows: 3, clearRows: 4))
        // A short excursion: raised by the monitor, gone two rows later. Dropped.
        #expect(episodes.rowScored(asset: asset, anomalies: [Self.anomaly()], inAnomaly: true).isEmpty)
        #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: true).isEmpty)
        #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: false).isEmpty)
        #expect(episodes.dropped == 1)
        // One that lasts 3 more rows is raised, with its severity from how far it is past its limit.
        let lasting = Self.anomaly(ratio: 1.5, at: 100)
        #expect(episodes.rowScored(asset: asset, anomalies: [lasting], inAnomaly: true).isEmpty)
        for _ in 0..<2 { #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: true).isEmpty) }
        #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: true) == [.raise(asset: asset, anomaly: lasting, severity: .low)])
        // A stronger one while open updates it; one of the same severity does not.
        let strong = Self.anomaly(.outOfBaseline, ratio: 5, at: 200)
        #expect(episodes.rowScored(asset: asset, anomalies: [strong], inAnomaly: true) == [.update(asset: asset, anomaly: strong, severity: .high)])
        #expect(episodes.rowScored(asset: asset, anomalies: [Self.anomaly(ratio: 6)], inAnomaly: true).isEmpty)
        for _ in 0..<3 { #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: false).isEmpty) }
        #expect(episodes.rowScored(asset: asset, anomalies: [], inAnomaly: false) == [.clear(asset: asset)])
        #expect(episodes.openAssets.isEmpty)
    }

    @Test func aChangePointIsRaisedAtOnceAndAnOpenEventFromTheStoreIsNotRaisedAgain() throws {
        let asset = try AssetPath("site/area/m")
        var episodes = AnomalyEpisodes(rule: .init(confirmRows: 30, clearRows: 10))
        let change = Self.anomaly(.changePoint, ratio: 1.01)
        #expect(episodes.rowScored(asset: asset, anomalies: [change], inAnomaly: false) == [.raise(asset: asset, anomaly: change, severity: .low)])
        var restarted = AnomalyEpisodes(rule: .init(confirmRows: 0, clearRows: 10))
        restarted.markOpen(asset, severity: .low)
        #expect(restarted.rowScored(asset: asset, anomalies: [Self.anomaly()], inAnomaly: true).isEmpty)
    }

    // MARK: The monitor on the simulated pump (compressed: 3 h training, fault 30 min later)

    static func pump() throws -> AssetPath { try AssetPath("demo/utilities/cooling-water/pump-1") }

    static func pumpPlant(_ scenarios: [FaultScenario], seed: UInt64 = 7) throws -> PlantSimulation {
        let layout = PlantLayout(
            lines: [], pumps: [try pump()], compressors: [], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("demo/utilities/electrical/main-meter"))
        return PlantSimulation(seed: seed, start: start, layout: layout, scenarios: scenarios)
    }

    static func tag(_ asset: AssetPath, _ name: String) -> TagID {
        TagID(unchecked: (asset.segments + [name]).joined(separator: "."))
    }

    static func pumpProfile() throws -> LiveAnomalyProfile {
        let pump = try pump()
        return LiveAnomalyProfile(
            tags: LiveAnomalyProfile.pumpColumns.map { tag(pump, $0) }, modeTag: tag(pump, "flow"),
            thermal: .init(
                current: tag(pump, "motor_current"), windingTemperature: tag(pump, "motor_winding_temperature"),
                ratedCurrent: InductionMotorModel.Parameters.pumpDrive.ratedCurrent))
    }

    /// The plant's samples of one second, as the collector would publish them.
    static func samples(_ plant: inout PlantSimulation, at second: Int) -> [TaggedSample] {
        let time = start + .seconds(Int64(second))
        return plant.advance(to: time).map { TaggedSample(tag: tag($0.asset, $0.name), time: time, value: $0.value) }
    }

    @Test func aLossOfCoolingIsAnAnomalyAndAThermalFindingAfterOnsetOnly() throws {
        let onset = Self.start + .seconds(3 * 3600 + 1800)
        let scenario = FaultScenario(
            id: "hot", fault: .motorOverheating(.lossOfCooling), asset: try Self.pump(), onset: onset, growth: .linear,
            timeToFailure: .seconds(2 * 3600))
        var plant = try Self.pumpPlant([scenario])
        var monitor = LiveAnomalyMonitor(
            profiles: [try Self.pump(): try Self.pumpProfile()], start: Self.start,
            configuration: .init(trainingWindow: .seconds(3 * 3600), thermalHysteresis: .init(raiseCount: 2, windowCount: 3, clearCount: 3)))
        #expect(monitor.tags.count == 9)
        var anomalies: [(Timestamp, AnomalyEpisodes.Action)] = []
        var findings: [(Timestamp, FindingHysteresis.Action)] = []
        var notes: [String] = []
        for second in 1...(5 * 3600) {
            let now = Self.start + .seconds(Int64(second))
            let outcome = monitor.ingest(Self.samples(&plant, at: second))
            anomalies += outcome.anomalies.map { (now, $0) }
            findings += outcome.findings.map { (now, $0) }
            notes += outcome.notes.map(\.message)
        }
        #expect(monitor.isTrained(try Self.pump()), "\(notes)")
        #expect(notes.contains { $0.hasPrefix("anomaly model trained") }, "\(notes)")
        #expect(!notes.contains { $0.contains("not fitted") }, "\(notes)")
        let raised = anomalies.compactMap { time, action -> (Timestamp, Anomaly)? in
            if case .raise(_, let anomaly, _) = action { (time, anomaly) } else { nil }
        }
        #expect(raised.allSatisfy { $0.0 > onset }, "raised before onset: \(raised.map(\.1.explanation))")
        let first = try #require(raised.first, "no anomaly after onset")
        #expect(["motor_winding_temperature", "motor_bearing_temperature"].contains(first.1.primaryTag ?? ""), "\(first.1.explanation)")
        let thermal = findings.compactMap { time, action -> (Timestamp, Finding)? in
            if case .raise(let finding) = action { (time, finding) } else { nil }
        }
        let hot = try #require(thermal.first, "no thermal finding")
        #expect(hot.0 > onset)
        #expect(hot.1.fault == .windingOverheating)
        #expect(hot.1.component.contains("cooling"), "\(hot.1.explanation)")
        // The finding grows with the fault: raised, then updated to a higher severity.
        let updates = findings.compactMap { _, action -> Finding? in if case .update(let finding) = action { finding } else { nil } }
        print("[live] loss of cooling: anomaly \((first.0 - onset).secondsDouble / 60) min after onset (\(first.1.kind.rawValue), \(first.1.primaryTag ?? "")); thermal finding \((hot.0 - onset).secondsDouble / 60) min after onset, \(hot.1.severity.rawValue), then \(updates.map(\.severity.rawValue))")
        #expect(!updates.isEmpty)
        #expect(updates.map(\.severity) == updates.map(\.severity).sorted() && updates.allSatisfy { $0.severity > hot.1.severity })
    }

    // MARK: Into the event store

    @Test func theKeeperRaisesUpdatesAndClearsOneEventPerFinding() async throws {
        let store = try SQLiteEventStore()
        var keeper = FindingEventKeeper()
        let logger = Logger(label: "test")
        func finding(_ severity: FindingSeverity) -> Finding {
            Finding(fault: .windingOverheating, asset: "demo/pump-1", location: "motor", severity: severity, confidence: 0.8, evidence: [], action: "restore cooling")
        }
        await keeper.apply([.raise(finding(.low))], store: store, now: Self.start, logger: logger)
        await keeper.apply([.update(finding(.high))], store: store, now: Self.start + .seconds(600), logger: logger)
        let open = try await store.openEvents(under: nil)
        #expect(open.count == 1)
        #expect(open.first?.severity == "high")
        #expect(open.first?.title == "motor winding overheating, motor, high")
        #expect(open.first?.severityHistory.map(\.severity) == ["low", "high"])
        #expect(open.first?.updatedAt == Self.start + .seconds(600))
        await keeper.apply([.clear(.init(asset: "demo/pump-1", fault: .windingOverheating))], store: store, now: Self.start + .seconds(900), logger: logger)
        #expect(try await store.openEvents(under: nil).isEmpty)

        // Read back after a restart: the open one is marked, with its severity.
        await keeper.apply([.raise(finding(.moderate))], store: store, now: Self.start + .seconds(1000), logger: logger)
        var restarted = FindingEventKeeper()
        var marked: [(AssetPath, DiagnosedFault, FindingSeverity)] = []
        try await restarted.load(from: store, faults: [.windingOverheating]) { marked.append(($0, $1, $2)) }
        #expect(marked.map(\.2) == [.moderate])
        #expect(restarted.open.count == 1)
    }

    @Test func theServiceTrainsOnTheLiveBusAndStoresOneAnomalyEvent() async throws {
        let clock = TestClock(now: Self.start)
        let live = LiveSampleBroadcast()
        let store = try SQLiteEventStore()
        let asset = try AssetPath("site/area/m")
        let service = LiveAnomalyService(
            live: live, store: store, clock: clock, profiles: [asset: LiveAnomalyProfile(tags: [Self.a, Self.b, Self.c])],
            configuration: .init(trainingWindow: .seconds(1200), minimumTrainingRows: 10, episodes: .init(confirmRows: 3, clearRows: 100)),
            logger: Logger(label: "test"))
        let task = Task { try await service.run() }
        // Polls for the subscription; the bound only keeps a broken service from hanging the suite.
        for _ in 0..<60_000 where live.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(5)) }
        try #require(live.subscriberCount == 1)
        // b and c follow a (b = 2a, c = a + 10) for 30 minutes, then b breaks away by 30 (a failing transmitter).
        var random = SplitMix64(seed: 3)
        var batch: [TaggedSample] = []
        for second in stride(from: 1, through: 2700, by: 2) {
            let a = 50 + 10 * sin(Double(second) / 120) + random.nextUnitInterval()
            let b = 2 * a + random.nextUnitInterval() + (second > 1800 ? 30 : 0)
            let c = a + 10 + random.nextUnitInterval()
            batch += [Self.sample(Self.a, Int64(second), a), Self.sample(Self.b, Int64(second), b), Self.sample(Self.c, Int64(second), c)]
        }
        live.publish(batch)
        var events: [Event] = []
        for _ in 0..<60_000 {
            events = try await store.openEvents(under: nil)
            if !events.isEmpty { break }
            try await Task.sleep(for: .milliseconds(5))
        }
        task.cancel()
        _ = await task.result
        let event = try #require(events.first, "no anomaly event")
        #expect(events.count == 1)
        #expect(event.kind == .anomaly)
        #expect(event.time > Self.start + .seconds(1800), "\(event.explanation)")
        // The first anomaly may be the CUSUM of a's residual (b's break moves the whole projection): b is in the
        // evidence either way.
        #expect(event.title.hasPrefix("anomaly: b ") || event.title.hasPrefix("anomaly: a "), "\(event.title)")
        #expect(event.evidenceJSON.contains("\"tag\":\"b\""))
        #expect(event.explanation.contains("Not a diagnosis"))
    }
}
