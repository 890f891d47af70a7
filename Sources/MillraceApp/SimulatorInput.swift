import Collector
import MillraceConfiguration
import MillraceCore
import Simulator

/// Reads the in-process simulator as if it were a device: at each poll tick it advances the model to the
/// clock's time and emits one sample per configured tag.
struct SimulatorInput: Input {
    let connectionID: String
    let tags: [TagID: ValueKind]
    private let model: SimulatorModel
    private let seed: UInt64
    private let pollInterval: Duration
    private let clock: any WallClock
    /// The configured tags: id, simulator signal, scale and offset.
    private let points: [(tag: TagID, signal: String, kind: ValueKind, scale: Double, offset: Double)]

    init(connection: ConnectionConfiguration, tags: [TagConfiguration], clock: any WallClock) {
        connectionID = connection.id
        model = connection.model ?? .motor
        seed = connection.seed ?? 1
        pollInterval = tags.compactMap { $0.pollInterval?.duration }.min() ?? connection.pollInterval.duration
        self.clock = clock
        points = tags.map { ($0.id, $0.address, $0.storedKind, $0.scale, $0.offset) }
        self.tags = Dictionary(points.map { ($0.tag, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    func run(into sink: any SampleSink) async throws {
        switch model {
        case .motor:
            var motor = MotorSimulation(seed: seed, start: clock.now())
            let step = max(1, pollInterval.microseconds)
            var next = Timestamp(microseconds: (clock.now().microseconds / step + 1) * step)
            while !Task.isCancelled {
                try await clock.sleep(until: next)
                let reading = motor.advance(to: next)
                let batch = points.compactMap { point -> TaggedSample? in
                    guard let raw = reading.value(of: point.signal) else { return nil }
                    return TaggedSample(tag: point.tag, time: next, value: scaled(raw, point), quality: .good)
                }
                try await sink.write(batch)
                next = next + .microseconds(step)
                // After a stall (a suspended laptop, a slow disk) skip missed ticks instead of bursting.
                let now = clock.now()
                if next < now { next = Timestamp(microseconds: (now.microseconds / step + 1) * step) }
            }
        }
    }

    private func scaled(_ value: DataValue, _ point: (tag: TagID, signal: String, kind: ValueKind, scale: Double, offset: Double)) -> DataValue {
        switch (value, point.kind) {
        case (.double(let v), .double): .double(v * point.scale + point.offset)
        case (.bool(let v), .bool): .bool(v)
        case (.double(let v), .integer): .integer(Int64(clamping: Int64(exactly: v.rounded()) ?? 0))
        case (.bool(let v), .double): .double(v ? 1 : 0)
        default: value
        }
    }
}
