import Foundation

/// A first-come, first-served lock for async code: `enter()` suspends until the holder calls `leave()`.
///
/// The historian's writes hold it across their awaits, so two appends to the same tag and time apply in the
/// order they were called (an actor alone would interleave them at every suspension point).
final class AsyncGate: @unchecked Sendable {
    private let lock = NSLock()
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init() {}

    func enter() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let proceed = lock.withLock {
                if busy {
                    waiters.append(continuation)
                    return false
                }
                busy = true
                return true
            }
            if proceed { continuation.resume() }
        }
    }

    /// Hands the gate to the longest waiter, or opens it.
    func leave() {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if waiters.isEmpty {
                busy = false
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }
}
