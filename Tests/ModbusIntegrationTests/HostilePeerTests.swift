import MillraceCore
import ModbusCore
import ModbusNIO
import NIOPosix
import Testing

/// Millrace's client against a misbehaving server on a real socket: every fault ends in a typed error and,
/// where the stream cannot be trusted, a clean reconnect; never a crash or a hang.
@Suite struct HostilePeerTests {
    /// The normal answer to a read of holding registers: every register holds its address.
    static func goodAnswer(_ request: ModbusTCPFrame) -> [UInt8] {
        let count = Int(request.pdu[4])
        let start = Int(request.pdu[1]) << 8 | Int(request.pdu[2])
        var pdu: [UInt8] = [0x03, UInt8(count * 2)]
        for address in start..<start + count { pdu += [UInt8(address >> 8), UInt8(address & 0xFF)] }
        return request.answer(pdu)
    }

    static func client(_ peer: HostilePeer, timeout: Duration = .seconds(5)) -> ModbusClient {
        ModbusClient(
            host: "127.0.0.1", port: peer.port, unitID: 1,
            configuration: .init(requestTimeout: timeout, backoff: .init(initialDelay: .milliseconds(10), jitter: 0)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    }

    /// Reads one register and returns the error, or nil if it succeeded with the right value.
    static func readError(_ client: ModbusClient) async -> ModbusClientError? {
        do {
            let values = try await client.readHoldingRegisters(address: 5, count: 1)
            #expect(values == [5])
            return nil
        } catch {
            return error
        }
    }

    /// A peer whose first connection misbehaves with `hostile` and whose later connections answer well.
    func firstConnectionHostile(
        _ hostile: @escaping @Sendable (ModbusTCPFrame) -> (bytes: [UInt8]?, close: Bool)
    ) async throws -> HostilePeer {
        try await HostilePeer.start(
            .init { request, connection in connection == 1 ? hostile(request) : (Self.goodAnswer(request), false) })
    }

    @Test(arguments: [
        ("wrong protocol id", ModbusClientError.Code.protocolViolation),
        ("lying length", .protocolViolation),
        ("mismatched transaction id", .protocolViolation),
        ("wrong unit id", .protocolViolation),
        ("truncated then closed", .connectionLost),
        ("malformed PDU", .protocolViolation),
    ])
    func aFaultyAnswerIsATypedErrorAndTheClientReconnectsCleanly(fault: String, code: ModbusClientError.Code)
        async throws
    {
        let peer = try await firstConnectionHostile { request in
            switch fault {
            case "wrong protocol id": (request.answer([0x03, 0x02, 0x00, 0x05], protocolID: 0x1234), false)
            case "lying length": (request.answer([0x03, 0x02, 0x00, 0x05], length: 0xFFFF), false)
            case "mismatched transaction id":
                (request.answer([0x03, 0x02, 0x00, 0x05], transactionID: request.transactionID &+ 1000), false)
            case "wrong unit id":
                (
                    ModbusTCPFrame(transactionID: request.transactionID, unitID: 99, pdu: [0x03, 0x02, 0x00, 0x05])
                        .answer([0x03, 0x02, 0x00, 0x05]), false
                )
            case "truncated then closed": (Array(Self.goodAnswer(request).prefix(8)), true)
            default: (request.answer([0x03, 0x04, 0x00, 0x05]), false)
            }
        }
        let client = Self.client(peer)
        let error = await Self.readError(client)
        #expect(error?.code == code, "\(fault): \(String(describing: error))")
        #expect(error?.quality == .communicationFailure)
        // The next request goes over a new connection, which the peer serves correctly.
        #expect(await Self.readError(client) == nil)
        #expect(peer.connectionCount == 2)
        #expect(client.health.connects == 2)
        await client.close()
        await peer.close()
    }

    @Test func aPeerThatSendsOneByteAndGoesSilentStillHitsTheDeadline() async throws {
        // One byte now, the rest "a minute later" (never): the deadline timer fires regardless.
        let peer = try await HostilePeer.start(.init { request, _ in ([UInt8(request.transactionID >> 8)], false) })
        let client = Self.client(peer, timeout: .milliseconds(200))
        let error = await Self.readError(client)
        #expect(error?.code == .timeout)
        #expect(error?.quality == .communicationFailure)
        #expect(client.health.timeouts == 1)
        await client.close()
        await peer.close()
    }

    @Test func aPeerThatNeverAnswersIsDroppedAfterTooManyTimeouts() async throws {
        let peer = try await HostilePeer.start(.init { _, _ in (nil, false) })
        let client = ModbusClient(
            host: "127.0.0.1", port: peer.port, unitID: 1,
            configuration: .init(requestTimeout: .milliseconds(100), maximumAbandonedTransactions: 2),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        for _ in 0..<3 {
            #expect(await Self.readError(client)?.code == .timeout)
        }
        // The third timeout closes the connection; the close completes on the event loop after the error.
        #expect(await eventually { client.health.disconnects >= 1 })
        #expect(client.health.lastError?.code == .tooManyTimeouts)
        await client.close()
        await peer.close()
    }

    @Test func anExceptionResponseFailsOnlyThatRequest() async throws {
        let peer = try await HostilePeer.start(.init { request, _ in (request.answer([0x83, 0x04]), false) })
        let client = Self.client(peer)
        let error = await Self.readError(client)
        #expect(error?.exception == ModbusException(function: .readHoldingRegisters, code: .serverDeviceFailure))
        #expect(error?.quality == Quality(.bad, .deviceFailure))
        #expect(await Self.readError(client)?.code == .exception)
        #expect(peer.connectionCount == 1)
        await client.close()
        await peer.close()
    }

    @Test func aRefusedConnectionFailsQueuedRequestsAtTheirDeadline() async throws {
        let port = try Peers.freePort()
        let client = ModbusClient(
            host: "127.0.0.1", port: port, configuration: .init(requestTimeout: .milliseconds(200)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let error = await Self.readError(client)
        #expect(error?.code == .timeout)
        #expect(client.health.connectFailures >= 1)
        #expect(client.health.connects == 0)
        await client.close()
    }
}

/// Waits until `condition` holds, checking every 10 ms, at most 500 times; returns whether it held.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<500 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
