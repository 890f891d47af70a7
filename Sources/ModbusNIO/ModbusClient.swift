import Logging
import MillraceCore
import ModbusCore
import NIOCore
import NIOPosix

/// A Modbus TCP client for one device (or one gateway): async requests, pipelining up to the configured
/// window, deadlines, and automatic reconnects with exponential backoff and jitter.
///
/// All protocol decisions are made by ModbusCore's `ModbusClientStateMachine`; a
/// `ModbusClientChannelHandler` on one event loop carries them out. The client connects on the first
/// request (or on `connect()`), and after a lost connection, a protocol violation or a device restart it
/// reconnects by itself: requests in flight fail with `.connectionLost` (quality bad/communicationFailure),
/// queued requests wait for the new connection until their deadline. Call `close()` when done; until then
/// the client keeps reconnecting.
///
/// ```swift
/// let client = ModbusClient(host: "10.0.0.5", eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
/// let registers = try await client.readHoldingRegisters(address: 0, count: 10)
/// await client.close()
/// ```
public final class ModbusClient: Sendable {
    /// The server's host name or address.
    public let host: String
    /// The server's TCP port.
    public let port: Int
    /// The unit id used when a request names none.
    public let unitID: UInt8
    /// The window, timeouts and backoff.
    public let configuration: ModbusClientConfiguration
    /// How frames are put on the wire.
    public let transport: ModbusTransport
    /// The event loop every connection of this client runs on.
    public let eventLoop: any EventLoop

    private let handler: NIOLoopBoundBox<ModbusClientChannelHandler>
    private let status: ModbusClientStatus

    /// A client for `host:port`; nothing is connected until the first request or `connect()`.
    ///
    /// - Parameters:
    ///   - unitID: the default unit id: 0xFF (or 0) for a TCP device itself, the serial address behind a gateway.
    ///   - transport: `.tcp` (MBAP) or `.rtuOverTCP` for serial gateways that forward RTU frames.
    ///   - connectTimeout: how long one TCP connect attempt may take.
    ///   - eventLoopGroup: the group one event loop is taken from.
    ///   - clock: the source of "now" for request deadlines (`SystemWallClock` in production).
    ///   - logger: connection events at debug level, protocol violations as warnings.
    public init(
        host: String, port: Int = 502, unitID: UInt8 = 0xFF, configuration: ModbusClientConfiguration = .init(),
        transport: ModbusTransport = .tcp, connectTimeout: Duration = .seconds(5),
        eventLoopGroup: any EventLoopGroup, clock: any WallClock = SystemWallClock(),
        logger: Logger = Logger(label: "millrace.modbus.client", factory: { _ in SwiftLogNoOpLogHandler() })
    ) {
        let eventLoop = eventLoopGroup.next()
        let status = ModbusClientStatus()
        self.host = host
        self.port = port
        self.unitID = unitID
        self.configuration = configuration
        self.transport = transport
        self.eventLoop = eventLoop
        self.status = status
        let connector: ModbusClientChannelHandler.Connector = { handler in
            let bound = NIOLoopBound(handler, eventLoop: eventLoop)
            return ClientBootstrap(group: eventLoop)
                .connectTimeout(.microseconds(connectTimeout.microseconds))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try Self.addHandlers(
                            to: channel.pipeline.syncOperations, transport: transport, client: bound.value)
                    }
                }
                .connect(host: host, port: port)
        }
        let handler = ModbusClientChannelHandler(
            configuration: configuration, eventLoop: eventLoop, clock: clock, logger: logger, status: status,
            connector: connector)
        self.handler = NIOLoopBoundBox.makeBoxSendingValue(handler, eventLoop: eventLoop)
    }

    /// The codec handlers for `transport`, then the client handler.
    static func addHandlers(
        to pipeline: ChannelPipeline.SynchronousOperations, transport: ModbusTransport,
        client: ModbusClientChannelHandler
    ) throws {
        switch transport {
        case .tcp:
            try pipeline.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
            try pipeline.addHandler(MessageToByteHandler(ModbusFrameEncoder()))
        case .rtuOverTCP:
            try pipeline.addHandler(ByteToMessageHandler(ModbusRTUOverTCPFrameDecoder(direction: .responses)))
            try pipeline.addHandler(MessageToByteHandler(ModbusRTUOverTCPFrameEncoder()))
            try pipeline.addHandler(ModbusRTUTransactionAdapter())
        }
        try pipeline.addHandler(client)
    }

    /// The connection as the state machine sees it.
    public var connectionState: ModbusClientStateMachine.ConnectionState { status.connectionState }

    /// Counters of connects, disconnects, timeouts and the last error and contact time.
    public var health: ModbusConnectionHealth { status.health }

    /// Opens the connection now instead of on the first request.
    public func connect() {
        let handler = self.handler
        eventLoop.execute { handler.value.connect() }
    }

    /// Sends `request` to `unitID` (the client's default when nil) and waits for the answer.
    ///
    /// An exception response throws `.exception` with the server's `ModbusException`; the other failures
    /// are `.timeout`, `.connectionLost`, `.protocolViolation`, `.queueFull`, `.invalidRequest` and
    /// `.clientClosed`. `error.quality` is the quality for values that could not be read.
    ///
    /// The function runs on the caller's executor (`nonisolated(nonsending)`): a caller isolated to an
    /// actor whose executor is this client's `eventLoop` sends and resumes without a thread hop.
    public nonisolated(nonsending) func send(
        _ request: ModbusRequest, unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> ModbusResponse {
        let unit = unitID ?? self.unitID
        let eventLoop = self.eventLoop
        let handler = self.handler
        let result = await withCheckedContinuation {
            (continuation: CheckedContinuation<Result<ModbusResponse, ModbusClientError>, Never>) in
            @Sendable func start() {
                let promise = eventLoop.makePromise(of: ModbusResponse.self)
                promise.futureResult.assumeIsolated().whenComplete { result in
                    continuation.resume(
                        returning: result.mapError { error in
                            error as? ModbusClientError ?? ModbusClientError(.connectionLost, "\(error)")
                        })
                }
                handler.value.submit(request, unitID: unit, promise: promise)
            }
            if eventLoop.inEventLoop { start() } else { eventLoop.execute(start) }
        }
        return try result.get()
    }

    /// Sends `request` and returns a future of the answer, for callers that live on NIO futures; it fails
    /// with a `ModbusClientError`.
    public func submit(_ request: ModbusRequest, unitID: UInt8? = nil) -> EventLoopFuture<ModbusResponse> {
        let promise = eventLoop.makePromise(of: ModbusResponse.self)
        let unit = unitID ?? self.unitID
        let handler = self.handler
        if eventLoop.inEventLoop {
            handler.value.submit(request, unitID: unit, promise: promise)
        } else {
            eventLoop.execute { handler.value.submit(request, unitID: unit, promise: promise) }
        }
        return promise.futureResult
    }

    /// Fails every pending request with `.clientClosed`, stops reconnecting and closes the connection.
    /// Requests sent afterwards fail at once.
    public func close() async {
        let promise = eventLoop.makePromise(of: Void.self)
        let handler = self.handler
        eventLoop.execute { handler.value.close(promise: promise) }
        try? await promise.futureResult.get()
    }
}
