#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real time of the machine (CLOCK_REALTIME), for production wiring in the executable.
public struct SystemWallClock: WallClock {
    public init() {}

    public func now() -> Timestamp {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Timestamp(microseconds: Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1_000)
    }

    public func sleep(until deadline: Timestamp) async throws {
        let remaining = deadline.microseconds - now().microseconds
        if remaining > 0 {
            try await Task.sleep(for: .microseconds(remaining))
        } else {
            try Task.checkCancellation()
        }
    }
}
