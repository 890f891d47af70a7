import Logging
import MillraceCore
import ModbusCore
import NIOCore

/// Runs a `ModbusClientStateMachine` against real channels: it turns channel events, request submissions
/// and timers into state machine events, and carries out the actions the machine returns in `run(_:)`.
/// It decides nothing itself (the postgres-nio pattern).
///
/// One handler lives as long as its client and is added to the pipeline of each connection in turn, so
/// queued requests, the backoff and the health counters survive reconnects. Everything happens on one event
/// loop: the connector must create channels on it. Events from a pipeline other than the newest one (a
/// connection already replaced) are ignored.
///
/// Two timers, both scheduled on the event loop: the request deadline timer (armed for the earliest
/// deadline, then re-armed when it fires) and the reconnect timer. "Now" comes from the `WallClock`.
final class ModbusClientChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ModbusTCPFrame
    typealias OutboundOut = ModbusTCPFrame

    /// Opens a connection whose pipeline contains this handler (added before the channel becomes active).
    typealias Connector = (ModbusClientChannelHandler) -> EventLoopFuture<any Channel>

    private var stateMachine: ModbusClientStateMachine
    private let eventLoop: any EventLoop
    private let clock: any WallClock
    private let logger: Logger
    private let status: ModbusClientStatus
    private let connector: Connector

    private var promises: [ModbusClientStateMachine.RequestID: EventLoopPromise<ModbusResponse>] = [:]
    private var health = ModbusConnectionHealth()
    /// The newest pipeline this handler was added to; events from older ones are stale.
    private var currentChannel: ObjectIdentifier?
    /// The context of the active connection, nil while not connected.
    private var context: ChannelHandlerContext?
    private var pendingConnect: EventLoopFuture<any Channel>?
    private var closeWhenConnected = false
    private var deadlineTimer: Scheduled<Void>?
    private var reconnectTimer: Scheduled<Void>?
    private var isReading = false
    private var needsFlush = false

    init(
        configuration: ModbusClientConfiguration, eventLoop: any EventLoop, clock: any WallClock, logger: Logger,
        status: ModbusClientStatus, connector: @escaping Connector
    ) {
        self.stateMachine = ModbusClientStateMachine(configuration: configuration)
        self.eventLoop = eventLoop
        self.clock = clock
        self.logger = logger
        self.status = status
        self.connector = connector
    }

    /// The counters so far.
    var currentHealth: ModbusConnectionHealth { health }

    /// The connection state of the state machine.
    var connectionState: ModbusClientStateMachine.ConnectionState { stateMachine.connectionState }

    // MARK: Events from the client

    /// Submits a request; `promise` completes with the response or a `ModbusClientError`.
    func submit(_ request: ModbusRequest, unitID: UInt8, promise: EventLoopPromise<ModbusResponse>) {
        eventLoop.preconditionInEventLoop()
        let (id, actions) = stateMachine.requestSubmitted(request, unitID: unitID, now: clock.now())
        promises[id] = promise
        run(actions)
        armDeadlineTimer()
    }

    /// Connects now instead of on the first request.
    func connect() {
        eventLoop.preconditionInEventLoop()
        run(stateMachine.connect())
    }

    /// Fails every pending request with `.clientClosed`, stops the timers and closes the connection;
    /// `promise` completes when the connection is closed.
    func close(promise: EventLoopPromise<Void>?) {
        eventLoop.preconditionInEventLoop()
        run(stateMachine.close())
        reconnectTimer?.cancel()
        reconnectTimer = nil
        deadlineTimer?.cancel()
        deadlineTimer = nil
        guard let promise else { return }
        if let context {
            context.channel.closeFuture.cascade(to: promise)
        } else if let pendingConnect {
            pendingConnect.flatMap { $0.closeFuture }.recover { _ in }.cascade(to: promise)
        } else {
            promise.succeed()
        }
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        currentChannel = ObjectIdentifier(context.channel)
        if context.channel.isActive { connectionBecameActive(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        connectionBecameActive(context)
        context.fireChannelActive()
    }

    private func connectionBecameActive(_ context: ChannelHandlerContext) {
        guard isCurrent(context), self.context == nil else { return }
        self.context = context
        health.connects += 1
        logger.debug(
            "Modbus connection established", metadata: ["peer": "\(context.remoteAddress.map { "\($0)" } ?? "?")"])
        if closeWhenConnected {
            context.close(promise: nil)
            return
        }
        run(stateMachine.connectionEstablished())
    }

    func channelInactive(context: ChannelHandlerContext) {
        guard isCurrent(context), self.context != nil else { return }
        self.context = nil
        health.disconnects += 1
        logger.debug("Modbus connection closed")
        isReading = false
        needsFlush = false
        run(stateMachine.connectionClosed())
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard isCurrent(context) else { return }
        isReading = true
        health.lastContact = clock.now()
        run(stateMachine.responseReceived(unwrapInboundIn(data)))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        isReading = false
        flushIfNeeded()
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard isCurrent(context) else { return }
        if let decodingError = error as? ModbusDecodingError {
            // The byte stream lost its framing: the state machine fails what is in flight and closes.
            run(stateMachine.frameDecodingFailed(decodingError))
        } else {
            health.lastError = ModbusClientError(.connectionLost, "connection error: \(error)")
            publishStatus()
            context.close(promise: nil)
        }
    }

    private func isCurrent(_ context: ChannelHandlerContext) -> Bool {
        currentChannel == ObjectIdentifier(context.channel)
    }

    // MARK: Actions

    /// Carries out the state machine's actions, in order.
    private func run(_ actions: [ModbusClientStateMachine.Action]) {
        for action in actions { run(action) }
        flushIfNeeded()
        publishStatus()
    }

    /// Carries out one action of the state machine.
    private func run(_ action: ModbusClientStateMachine.Action) {
        switch action {
        case .openConnection:
            openConnection()
        case .sendFrame(let frame):
            guard let context else {
                // Cannot happen: the machine sends only while connected; the request would time out.
                logger.error("Modbus client asked to send while not connected")
                return
            }
            context.write(wrapOutboundOut(frame), promise: nil)
            needsFlush = true
        case .succeedRequest(let id, let response):
            // The status is published at the end of the batch: one lock per batch on the hot path.
            health.responses += 1
            promises.removeValue(forKey: id)?.succeed(response)
        case .failRequest(let id, let error):
            switch error.code {
            case .timeout: health.timeouts += 1
            case .exception: health.exceptions += 1
            default: break
            }
            health.lastError = error
            // Publish first, so whoever the failure wakes sees counters that include it.
            publishStatus()
            promises.removeValue(forKey: id)?.fail(error)
        case .closeConnection(let error):
            if error.code == .protocolViolation {
                health.protocolViolations += 1
                logger.warning("closing the Modbus connection", metadata: ["error": "\(error)"])
            }
            if error.code != .clientClosed { health.lastError = error }
            if let context {
                context.close(promise: nil)
            } else {
                closeWhenConnected = true
            }
        case .scheduleReconnect(let delay):
            reconnectTimer?.cancel()
            logger.debug("Modbus reconnect scheduled", metadata: ["delay": "\(delay)"])
            reconnectTimer = eventLoop.assumeIsolated().scheduleTask(in: .microseconds(delay.microseconds)) {
                self.reconnectTimer = nil
                self.run(self.stateMachine.reconnectTimerFired())
            }
        }
    }

    private func openConnection() {
        closeWhenConnected = false
        let future = connector(self)
        pendingConnect = future
        future.assumeIsolated().whenComplete { result in
            if self.pendingConnect === future { self.pendingConnect = nil }
            switch result {
            case .success(let channel):
                if self.closeWhenConnected { channel.close(promise: nil) }
            case .failure(let error):
                self.health.connectFailures += 1
                self.health.lastError = ModbusClientError(.connectionLost, "cannot connect: \(error)")
                self.run(self.stateMachine.connectionFailed())
            }
        }
    }

    private func flushIfNeeded() {
        guard needsFlush, !isReading, let context else { return }
        needsFlush = false
        context.flush()
    }

    private func publishStatus() {
        status.update(stateMachine.connectionState, health)
    }

    /// Arms the deadline timer for the earliest pending deadline, if it is not armed already. Deadlines are
    /// submission time plus the timeout, so a newer request never has an earlier deadline than one that is
    /// already armed for.
    private func armDeadlineTimer() {
        guard deadlineTimer == nil, let deadline = stateMachine.nextDeadline else { return }
        // At least a millisecond, so a wall clock that lags the event loop's clock cannot spin the loop.
        let delay = max(deadline - clock.now(), .milliseconds(1))
        deadlineTimer = eventLoop.assumeIsolated().scheduleTask(in: .microseconds(delay.microseconds)) {
            self.deadlineTimer = nil
            self.run(self.stateMachine.deadlinePassed(now: self.clock.now()))
            self.armDeadlineTimer()
        }
    }
}
