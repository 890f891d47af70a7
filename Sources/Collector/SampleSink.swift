import MillraceCore

/// Where samples go: the next stage of the collector, the historian, the live bus.
/// `write` returns when the sink has taken responsibility for the batch; awaiting it is the backpressure.
public protocol SampleSink: Sendable {
    func write(_ batch: [TaggedSample]) async throws
}

/// A source of samples for one connection (a device, a gateway, the simulator).
///
/// `run` produces samples into the sink until the task is cancelled. It throws when the source fails in a way
/// it cannot recover from by itself; the `InputService` around it then marks its tags bad and restarts it.
public protocol Input: Sendable {
    /// The connection id from the configuration.
    var connectionID: String { get }
    /// The tags this input produces with their value kinds, so they can be marked bad when it fails.
    var tags: [TagID: ValueKind] { get }
    func run(into sink: any SampleSink) async throws
}
