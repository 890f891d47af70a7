/// The source of "now" for all core logic. Nothing in Millrace's libraries reads the system time directly:
/// services take a clock, tests pass a `TestClock` and move it by hand, backtests run a simulated clock.
public protocol WallClock: Sendable {
    /// The current time.
    func now() -> Timestamp
    /// Suspends until the clock reaches `deadline` or the task is cancelled (then throws `CancellationError`).
    func sleep(until deadline: Timestamp) async throws
}

extension WallClock {
    /// Suspends for `duration` of this clock's time.
    public func sleep(for duration: Duration) async throws {
        try await sleep(until: now() + duration)
    }
}
