import Logging
import MillraceCore
import ServiceLifecycle

/// Runs one input as a supervised service: when the input fails, its tags are marked bad with
/// communication-failure quality (so no stale value looks good) and it is restarted after a backoff that
/// doubles up to `maximumBackoff`. It stops on graceful shutdown.
public struct InputService: Service {
    public let input: any Input
    public let sink: any SampleSink
    public let clock: any WallClock
    public let logger: Logger
    public var initialBackoff: Duration = .milliseconds(500)
    public var maximumBackoff: Duration = .seconds(30)
    /// Where the input's connection state is reported (the connections page), if anywhere.
    public var status: ConnectionStatusRegistry?

    public init(input: any Input, sink: any SampleSink, clock: any WallClock, logger: Logger) {
        self.input = input
        self.sink = sink
        self.clock = clock
        var logger = logger
        logger[metadataKey: "connection"] = "\(input.connectionID)"
        self.logger = logger
    }

    public func run() async throws {
        let id = input.connectionID
        let sink: any SampleSink =
            status.map { StatusReportingSink(downstream: self.sink, registry: $0, connection: id, clock: clock) } ?? self.sink
        await cancelWhenGracefulShutdown {
            var backoff = initialBackoff
            while !Task.isCancelled {
                do {
                    logger.info("input started")
                    status?.record(.inputStarted, for: id)
                    try await input.run(into: sink)
                    if Task.isCancelled { break }
                    logger.warning("input stopped by itself; restarting")
                } catch is CancellationError {
                    break
                } catch {
                    if Task.isCancelled { break }
                    logger.error("input failed; tags marked bad", metadata: ["error": "\(error)", "retryIn": "\(backoff)"])
                    let now = clock.now()
                    status?.record(.inputFailed("\(error)", at: now), for: id)
                    let bad = input.tags.sorted { $0.key < $1.key }.map {
                        TaggedSample(tag: $0.key, time: now, value: .placeholder(for: $0.value), quality: .communicationFailure)
                    }
                    // Straight to the sink: the status keeps the input's error, not "all tags bad".
                    try? await self.sink.write(bad)
                }
                do { try await clock.sleep(for: backoff) } catch { break }
                backoff = min(backoff * 2, maximumBackoff)
            }
            status?.record(.inputStopped, for: id)
            logger.info("input stopped")
        }
    }
}
