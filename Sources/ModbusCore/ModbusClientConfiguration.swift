/// How a Modbus TCP client paces and times its requests.
public struct ModbusClientConfiguration: Hashable, Sendable {
    /// How many requests may be in flight at once (Modbus Messaging on TCP/IP v1.0b §4.2.1 allows a client
    /// to send several without waiting). Many devices handle only one, so the default is 1. Clamped to 1...256.
    public var pipelineWindow: Int
    /// How long a request may wait for its answer, counted from submission (queue time included).
    public var requestTimeout: Duration
    /// The wait between reconnect attempts.
    public var backoff: ModbusReconnectBackoff
    /// The seed of the jitter generator, so a run can be replayed.
    public var jitterSeed: UInt64
    /// The most requests waiting to be sent; further requests fail at once with `.queueFull`.
    public var maximumQueuedRequests: Int
    /// The most timed-out transactions whose late answers are still expected; one more closes the connection.
    public var maximumAbandonedTransactions: Int

    /// A configuration; the defaults suit a single device on a LAN.
    public init(
        pipelineWindow: Int = 1, requestTimeout: Duration = .seconds(1), backoff: ModbusReconnectBackoff = .init(),
        jitterSeed: UInt64 = 0, maximumQueuedRequests: Int = 1024, maximumAbandonedTransactions: Int = 16
    ) {
        self.pipelineWindow = min(256, max(1, pipelineWindow))
        self.requestTimeout = requestTimeout
        self.backoff = backoff
        self.jitterSeed = jitterSeed
        self.maximumQueuedRequests = max(0, maximumQueuedRequests)
        self.maximumAbandonedTransactions = min(1024, max(0, maximumAbandonedTransactions))
    }
}
