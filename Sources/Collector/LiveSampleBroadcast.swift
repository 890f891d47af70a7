import MillraceCore
import Synchronization

/// The live bus: every ingested batch is offered to every subscriber (SSE clients, later alarms and analytics).
/// `publish` never waits: each subscriber has its own bounded `LiveSampleBuffer`, and one that does not read
/// loses its oldest samples (counted and reported to it), not the platform's throughput.
public final class LiveSampleBroadcast: Sendable {
    /// The default per-subscriber bound, in samples (about 1 MB per client at most).
    public let defaultCapacity: Int
    private let subscribers = Mutex<[UInt64: LiveSubscription]>([:])
    private let nextID = Atomic<UInt64>(0)

    public init(defaultCapacity: Int = 10_000) {
        self.defaultCapacity = max(1, defaultCapacity)
    }

    /// Subscribes to `tags` (`nil`: every tag). Call `cancel()` on the subscription when done.
    public func subscribe(tags: Set<TagID>?, capacity: Int? = nil) -> LiveSubscription {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let subscription = LiveSubscription(
            id: id, buffer: LiveSampleBuffer(capacity: capacity ?? defaultCapacity, tags: tags),
            onCancel: { [weak self] in self?.remove(id) })
        subscribers.withLock { $0[id] = subscription }
        return subscription
    }

    /// Offers `batch` to every subscriber; returns at once.
    public func publish(_ batch: [TaggedSample]) {
        guard !batch.isEmpty else { return }
        let current = subscribers.withLock { Array($0.values) }
        for subscription in current { subscription.deliver(batch) }
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    private func remove(_ id: UInt64) {
        _ = subscribers.withLock { $0.removeValue(forKey: id) }
    }
}

/// One subscriber of the live bus: take what is pending, or wait until something is.
public final class LiveSubscription: Sendable {
    fileprivate struct State {
        var buffer: LiveSampleBuffer
        var waiter: CheckedContinuation<Void, Never>?
        var timeout: Task<Void, Never>?
        var cancelled = false
    }

    let id: UInt64
    private let state: Mutex<State>
    private let onCancel: @Sendable () -> Void

    init(id: UInt64, buffer: LiveSampleBuffer, onCancel: @escaping @Sendable () -> Void) {
        self.id = id
        self.state = Mutex(State(buffer: buffer))
        self.onCancel = onCancel
    }

    /// Everything pending now (possibly nothing); never waits.
    public func take() -> LiveDelivery {
        state.withLock { $0.buffer.take() }
    }

    /// Returns when samples are pending, after `timeout`, or when cancelled; true if samples are pending.
    public func wait(timeout: Duration) async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = state.withLock { state -> Bool in
                    if !state.buffer.isEmpty || state.cancelled || Task.isCancelled { return true }
                    state.waiter = continuation
                    state.timeout = Task { [weak self] in
                        try? await Task.sleep(for: timeout)
                        if !Task.isCancelled { self?.wake() }
                    }
                    return false
                }
                if ready { continuation.resume() }
            }
        } onCancel: {
            wake()
        }
        return state.withLock { !$0.buffer.isEmpty }
    }

    /// Stops delivery and wakes a waiter; idempotent.
    public func cancel() {
        state.withLock { $0.cancelled = true }
        wake()
        onCancel()
    }

    func deliver(_ batch: [TaggedSample]) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.cancelled else { return nil }
            state.buffer.append(batch)
            guard !state.buffer.isEmpty else { return nil }
            return state.takeWaiter()
        }
        waiter?.resume()
    }

    private func wake() {
        state.withLock { $0.takeWaiter() }?.resume()
    }
}

extension LiveSubscription.State {
    fileprivate mutating func takeWaiter() -> CheckedContinuation<Void, Never>? {
        timeout?.cancel()
        timeout = nil
        defer { waiter = nil }
        return waiter
    }
}
