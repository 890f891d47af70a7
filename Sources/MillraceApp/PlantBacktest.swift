import Historian
import Logging
import MillraceCore
import Simulator

/// Runs the plant simulator faster than real time straight into a historian: a month of plant in minutes,
/// for backtests of detectors. Deterministic for a seed. Tag ids are those of the Modbus configuration
/// (`SimulatorRegisterMap.configuration`), so a backtest and a live run can be compared tag for tag.
public struct PlantBacktest: Sendable {
    public var seed: UInt64
    public var layout: PlantLayout
    public var scenarios: [FaultScenario]
    public var start: Timestamp
    public var duration: Duration
    public var step: Duration

    public init(seed: UInt64, layout: PlantLayout, scenarios: [FaultScenario], start: Timestamp, duration: Duration, step: Duration) {
        self.seed = seed
        self.layout = layout
        self.scenarios = scenarios
        self.start = start
        self.duration = duration
        self.step = step
    }

    public struct Result: Sendable {
        public var samples: Int
        public var tags: Int
        public var groundTruth: GroundTruth
    }

    /// Simulates `[start, start + duration]` every `step` into `store`; `progress` gets the fraction done.
    public func run(into store: any HistorianStore, progress: @Sendable (Double) -> Void = { _ in }) async throws -> Result {
        var plant = PlantSimulation(seed: seed, start: start, layout: layout, scenarios: scenarios)
        let first = plant.advance(to: start)
        let map = SimulatorRegisterMap(signals: first)
        let configuration = map.configuration(host: "127.0.0.1", port: 502)
        try await store.register(tags: configuration.tagMetadata)
        var ids: [String: TagID] = [:]
        for point in map.points {
            ids["\(point.signal.asset)/\(point.signal.name)"] =
                TagID(unchecked: (point.signal.asset.segments + [point.signal.name]).joined(separator: "."))
        }
        var batch: [TaggedSample] = []
        batch.reserveCapacity(60_000)
        var samples = 0
        func add(_ signals: [PlantSignal], at time: Timestamp) {
            for signal in signals {
                guard let tag = ids["\(signal.asset)/\(signal.name)"] else { continue }
                batch.append(TaggedSample(tag: tag, time: time, value: signal.value))
            }
        }
        add(first, at: start)
        let end = start + duration
        let stepMicros = max(1, step.microseconds)
        var time = start
        var lastReported = -1.0
        while time < end {
            time = Timestamp(microseconds: min(end.microseconds, time.microseconds + stepMicros))
            add(plant.advance(to: time), at: time)
            if batch.count >= 50_000 {
                try await store.append(batch)
                samples += batch.count
                batch.removeAll(keepingCapacity: true)
                let done = Double(time.microseconds - start.microseconds) / Double(max(1, duration.microseconds))
                if done - lastReported >= 0.01 {
                    progress(done)
                    lastReported = done
                }
            }
        }
        if !batch.isEmpty {
            try await store.append(batch)
            samples += batch.count
        }
        progress(1)
        return Result(samples: samples, tags: ids.count, groundTruth: plant.groundTruth)
    }
}
