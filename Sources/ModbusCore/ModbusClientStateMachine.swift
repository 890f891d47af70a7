import MillraceCore

/// The transaction logic of a Modbus TCP client, without I/O (Modbus Messaging on TCP/IP v1.0b §4).
///
/// Events go in as method calls; each returns the actions the channel handler performs, in order. Time is
/// passed in (`now`), randomness comes from a seeded generator, so every sequence can be replayed in tests.
///
/// - Requests wait in a bounded queue and are sent while fewer than `pipelineWindow` are in flight.
/// - Each in-flight request has a transaction id, wrapping at 65535 and skipping ids still in use (§3.1.3).
/// - A request fails with `.timeout` when `deadlinePassed(now:)` finds its deadline passed. Its id is kept
///   aside, so a late answer is dropped instead of matching a new request; too many such ids close the
///   connection.
/// - A response with an unknown transaction id or another unit id closes the connection: the stream cannot
///   be trusted.
/// - A lost connection fails every in-flight request with `.connectionLost` and schedules a reconnect with
///   exponential backoff; queued requests wait for the new connection. The backoff resets after a response.
public struct ModbusClientStateMachine: Sendable {
    enum State: Hashable, Sendable {
        case idle
        case connecting
        case connected
        case waitingToReconnect
        case closing(reconnect: Bool)
        case closed
    }

    struct PendingRequest: Hashable, Sendable {
        var id: RequestID
        var unitID: UInt8
        var request: ModbusRequest
        var pdu: [UInt8]
        var deadline: Timestamp
    }

    /// The window, timeouts and backoff in use.
    public let configuration: ModbusClientConfiguration
    private(set) var state: State = .idle
    private var queue: [PendingRequest] = []
    private var inFlight: [UInt16: PendingRequest] = [:]
    private var abandonedTransactions: Set<UInt16> = []
    private var nextTransactionID: UInt16 = 1
    private var nextRequestID: UInt64 = 1
    private var reconnectAttempt = 0
    private var random: SplitMix64

    /// A disconnected client; it connects on `connect()` or the first request.
    public init(configuration: ModbusClientConfiguration = .init()) {
        self.configuration = configuration
        self.random = SplitMix64(seed: configuration.jitterSeed)
    }

    /// The connection state.
    public var connectionState: ConnectionState {
        switch state {
        case .idle, .waitingToReconnect, .closed: .disconnected
        case .connecting: .connecting
        case .connected: .connected
        case .closing: .closing
        }
    }

    /// The number of requests sent and not yet answered.
    public var inFlightCount: Int { inFlight.count }
    /// The number of requests waiting to be sent.
    public var queuedCount: Int { queue.count }
    /// The number of reconnect attempts since the last response; the exponent of the backoff.
    public var consecutiveReconnectAttempts: Int { reconnectAttempt }

    /// The earliest deadline of a queued or in-flight request: when to call `deadlinePassed(now:)` next.
    public var nextDeadline: Timestamp? {
        (queue.map(\.deadline) + inFlight.values.map(\.deadline)).min()
    }

    // MARK: Events from the owner

    /// The owner wants a connection now (requests also connect lazily).
    public mutating func connect() -> [Action] {
        switch state {
        case .idle, .closed:
            state = .connecting
            return [.openConnection]
        case .connecting, .connected, .waitingToReconnect, .closing:
            return []
        }
    }

    /// A request to send; returns its id and the actions. It fails at once if it cannot be encoded, the
    /// client is closed or the queue is full.
    public mutating func requestSubmitted(
        _ request: ModbusRequest, unitID: UInt8, now: Timestamp
    ) -> (RequestID, [Action]) {
        let id = RequestID(nextRequestID)
        nextRequestID &+= 1
        let pdu: [UInt8]
        do { pdu = try request.encode() } catch {
            return (id, [.failRequest(id, ModbusClientError(.invalidRequest, error.message))])
        }
        switch state {
        case .closed, .closing(reconnect: false):
            return (id, [.failRequest(id, ModbusClientError(.clientClosed, "the client is closed"))])
        default:
            break
        }
        guard queue.count < configuration.maximumQueuedRequests else {
            return (id, [.failRequest(id, ModbusClientError(.queueFull, "\(queue.count) requests are waiting"))])
        }
        queue.append(
            PendingRequest(
                id: id, unitID: unitID, request: request, pdu: pdu, deadline: now + configuration.requestTimeout))
        switch state {
        case .idle:
            state = .connecting
            return (id, [.openConnection])
        case .connected:
            return (id, sendQueued())
        case .connecting, .waitingToReconnect, .closing, .closed:
            return (id, [])
        }
    }

    /// The owner wants the client closed: every pending request fails with `.clientClosed`.
    public mutating func close() -> [Action] {
        let error = ModbusClientError(.clientClosed, "the client was closed")
        var actions = failAll(error)
        switch state {
        case .connecting, .connected:
            state = .closing(reconnect: false)
            actions.append(.closeConnection(error))
        case .closing:
            state = .closing(reconnect: false)
        case .idle, .waitingToReconnect, .closed:
            state = .closed
        }
        return actions
    }

    // MARK: Events from the connection

    /// The TCP connection is open: send what is queued.
    public mutating func connectionEstablished() -> [Action] {
        guard state == .connecting else { return [] }
        state = .connected
        return sendQueued()
    }

    /// Opening the connection failed: schedule the next attempt.
    public mutating func connectionFailed() -> [Action] {
        switch state {
        case .connecting, .closing(reconnect: true):
            return scheduleReconnect()
        case .closing(reconnect: false):
            state = .closed
            return []
        case .idle, .connected, .waitingToReconnect, .closed:
            return []
        }
    }

    /// The connection closed, because the peer or the network dropped it or after `.closeConnection`.
    public mutating func connectionClosed() -> [Action] {
        switch state {
        case .connected, .connecting, .closing(reconnect: true):
            var actions = failInFlight(ModbusClientError(.connectionLost, "the connection to the server was lost"))
            actions += scheduleReconnect()
            return actions
        case .closing(reconnect: false):
            state = .closed
            return []
        case .idle, .waitingToReconnect, .closed:
            return []
        }
    }

    /// The reconnect delay has passed.
    public mutating func reconnectTimerFired() -> [Action] {
        guard state == .waitingToReconnect else { return [] }
        state = .connecting
        return [.openConnection]
    }

    /// A frame arrived from the server.
    public mutating func responseReceived(_ frame: ModbusTCPFrame) -> [Action] {
        guard state == .connected else { return [] }
        guard let pending = inFlight[frame.transactionID] else {
            if abandonedTransactions.remove(frame.transactionID) != nil {
                // The late answer to a request that already timed out: drop it.
                return []
            }
            return closeWithError(
                ModbusClientError(
                    .protocolViolation, "response with transaction id \(frame.transactionID), which is not in flight"))
        }
        guard frame.unitID == pending.unitID else {
            return closeWithError(
                ModbusClientError(
                    .protocolViolation,
                    "response to transaction \(frame.transactionID) from unit \(frame.unitID), sent to \(pending.unitID)"
                ))
        }
        let response: ModbusResponse
        do {
            response = try ModbusResponse.decode(frame.pdu[...], answering: pending.request)
        } catch {
            return closeWithError(
                ModbusClientError(.protocolViolation, error.message, decodingError: error))
        }
        inFlight[frame.transactionID] = nil
        // The server answered: the connection works, so the next outage starts from the initial delay.
        reconnectAttempt = 0
        var actions: [Action]
        if case .exception(let exception) = response {
            actions = [.failRequest(pending.id, ModbusClientError(.exception, exception.description, exception: exception))]
        } else {
            actions = [.succeedRequest(pending.id, response)]
        }
        actions += sendQueued()
        return actions
    }

    /// The stream decoder failed: the framing is lost, close the connection.
    public mutating func frameDecodingFailed(_ error: ModbusDecodingError) -> [Action] {
        guard state == .connected else { return [] }
        return closeWithError(ModbusClientError(.protocolViolation, error.message, decodingError: error))
    }

    /// Time has advanced to `now`: fail the requests whose deadline has passed.
    public mutating func deadlinePassed(now: Timestamp) -> [Action] {
        var actions: [Action] = []
        let expired = inFlight.filter { $0.value.deadline <= now }.sorted { $0.value.id < $1.value.id }
        for (transactionID, pending) in expired {
            inFlight[transactionID] = nil
            abandonedTransactions.insert(transactionID)
            actions.append(.failRequest(pending.id, timeoutError(pending)))
        }
        let (late, onTime) = (queue.filter { $0.deadline <= now }, queue.filter { $0.deadline > now })
        queue = onTime
        for pending in late {
            actions.append(.failRequest(pending.id, timeoutError(pending)))
        }
        if abandonedTransactions.count > configuration.maximumAbandonedTransactions {
            actions += closeWithError(
                ModbusClientError(
                    .tooManyTimeouts, "\(abandonedTransactions.count) requests went unanswered; the server is not responding"))
        } else {
            actions += sendQueued()
        }
        return actions
    }

    // MARK: Internals

    private func timeoutError(_ pending: PendingRequest) -> ModbusClientError {
        ModbusClientError(
            .timeout, "no answer from unit \(pending.unitID) to \(pending.request.functionCode) within \(configuration.requestTimeout)")
    }

    /// Sends queued requests while the window has room.
    private mutating func sendQueued() -> [Action] {
        guard state == .connected else { return [] }
        var actions: [Action] = []
        while inFlight.count < configuration.pipelineWindow, !queue.isEmpty,
            let transactionID = allocateTransactionID()
        {
            let pending = queue.removeFirst()
            inFlight[transactionID] = pending
            actions.append(.sendFrame(ModbusTCPFrame(transactionID: transactionID, unitID: pending.unitID, pdu: pending.pdu)))
        }
        return actions
    }

    /// The next transaction id not in flight and not awaiting a late answer, wrapping at 65535.
    private mutating func allocateTransactionID() -> UInt16? {
        for _ in 0...UInt16.max {
            let candidate = nextTransactionID
            nextTransactionID &+= 1
            if inFlight[candidate] == nil, !abandonedTransactions.contains(candidate) { return candidate }
        }
        return nil
    }

    private mutating func failInFlight(_ error: ModbusClientError) -> [Action] {
        let failed = inFlight.values.sorted { $0.id < $1.id }
        inFlight.removeAll()
        abandonedTransactions.removeAll()
        return failed.map { .failRequest($0.id, error) }
    }

    private mutating func failAll(_ error: ModbusClientError) -> [Action] {
        var actions = failInFlight(error)
        actions += queue.map { .failRequest($0.id, error) }
        queue.removeAll()
        return actions
    }

    /// The peer broke the protocol: fail what is in flight and close; the reconnect follows `connectionClosed`.
    private mutating func closeWithError(_ error: ModbusClientError) -> [Action] {
        var actions = failInFlight(error)
        state = .closing(reconnect: true)
        actions.append(.closeConnection(error))
        return actions
    }

    private mutating func scheduleReconnect() -> [Action] {
        state = .waitingToReconnect
        let delay = configuration.backoff.delay(attempt: reconnectAttempt, random: random.nextUnitInterval())
        reconnectAttempt = min(reconnectAttempt + 1, 64)
        return [.scheduleReconnect(after: delay)]
    }
}
