import MillraceCore
import ModbusCore
import ModbusNIO
import NIOPosix
import Testing

/// Millrace's client against Millrace's server over real sockets on 127.0.0.1.
@Suite struct LoopbackTests {
    static func startServer(
        _ map: ModbusRegisterMap, configuration: ModbusServerConfiguration = .init()
    ) async throws -> ModbusServer {
        try await ModbusServer.start(
            host: "127.0.0.1", port: 0, model: map, configuration: configuration,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    }

    /// A map with the values of scripts/peers, 1000 addresses per table.
    static func peerLikeMap() -> ModbusRegisterMap {
        let map = ModbusRegisterMap(coils: 1000, discreteInputs: 1000, holdingRegisters: 1000, inputRegisters: 1000)
        map.setHoldingRegisters(address: 0, values: (0..<1000).map { UInt16($0) })
        map.setInputRegisters(address: 0, values: (0..<1000).map { UInt16(1000 + $0) })
        map.setCoils(address: 0, values: (0..<1000).map { $0 % 3 == 0 })
        map.setDiscreteInputs(address: 0, values: (0..<1000).map { $0 % 2 == 0 })
        return map
    }

    @Test func thePortChosenBySystemIsReported() async throws {
        let server = try await Self.startServer(ModbusRegisterMap())
        #expect(server.port > 0)
        try await server.close()
    }

    @Test func everyFunctionCodeRoundTrips() async throws {
        let server = try await Self.startServer(
            Self.peerLikeMap(),
            configuration: .init(deviceIdentification: [0: "Acme", 1: "X1", 2: "3.0", 5: "Model X"]))
        let client = ModbusClient(
            host: "127.0.0.1", port: server.port, configuration: .init(requestTimeout: .seconds(10)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        do {
            try await exerciseEveryFunctionCode(client)
            let identification = try await client.readDeviceIdentification(code: .regular)
            #expect(identification.objects.map(\.text) == ["Acme", "X1", "3.0", "Model X"])
        } catch {
            Issue.record("unexpected error: \(error)")
        }
        await client.close()
        try await server.close()
    }

    @Test func manyClientsPipelineAtOnceAndEveryAnswerIsRight() async throws {
        let server = try await Self.startServer(Self.peerLikeMap())
        let clients = (0..<4).map { _ in
            ModbusClient(
                host: "127.0.0.1", port: server.port,
                configuration: .init(pipelineWindow: 32, requestTimeout: .seconds(30)),
                eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        }
        let wrong = await withTaskGroup(of: Int.self) { group in
            for (index, client) in clients.enumerated() {
                for request in 0..<250 {
                    group.addTask {
                        let start = UInt16((index * 250 + request) % 900)
                        do {
                            let values = try await client.readHoldingRegisters(address: start, count: 100)
                            return values == (start..<start + 100).map { $0 } ? 0 : 1
                        } catch {
                            Issue.record("request failed: \(error)")
                            return 1
                        }
                    }
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0)
        #expect(server.connectionCount == 4)
        for client in clients { await client.close() }
        try await server.close()
    }

    @Test func writesOfOneMasterAreSeenByTheSimulatorAndByOtherMasters() async throws {
        let map = ModbusRegisterMap(holdingRegisters: 100)
        let server = try await Self.startServer(map)
        let changes = map.changes()
        let writer = ModbusClient(
            host: "127.0.0.1", port: server.port, configuration: .init(requestTimeout: .seconds(10)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let reader = ModbusClient(
            host: "127.0.0.1", port: server.port, configuration: .init(requestTimeout: .seconds(10)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        try await writer.writeMultipleRegisters(address: 10, values: [4, 5, 6])
        #expect(try await reader.readHoldingRegisters(address: 10, count: 3) == [4, 5, 6])
        var iterator = changes.makeAsyncIterator()
        #expect(
            await iterator.next()
                == ModbusRegisterMap.Change(table: .holdingRegister, address: 10, registers: [4, 5, 6]))
        await writer.close()
        await reader.close()
        try await server.close()
    }

    @Test func aServerForOneUnitLeavesOtherUnitsUnanswered() async throws {
        let server = try await Self.startServer(ModbusRegisterMap(), configuration: .init(unitIDs: .only([1])))
        let served = ModbusClient(
            host: "127.0.0.1", port: server.port, unitID: 1, configuration: .init(requestTimeout: .seconds(10)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let ignored = ModbusClient(
            host: "127.0.0.1", port: server.port, unitID: 2, configuration: .init(requestTimeout: .milliseconds(300)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        #expect(try await served.readHoldingRegisters(address: 0, count: 1) == [0])
        await #expect(throws: ModbusClientError.self) { try await ignored.readHoldingRegisters(address: 0, count: 1) }
        #expect(ignored.health.timeouts == 1)
        await served.close()
        await ignored.close()
        try await server.close()
    }

    @Test func closingTheServerDisconnectsItsClientsWhichThenReconnectToANewOne() async throws {
        let map = ModbusRegisterMap(holdingRegisters: 10)
        let first = try await Self.startServer(map)
        let port = first.port
        let client = ModbusClient(
            host: "127.0.0.1", port: port,
            configuration: .init(
                requestTimeout: .seconds(2),
                backoff: .init(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(50))),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        #expect(try await client.readHoldingRegisters(address: 0, count: 1) == [0])
        try await first.close()
        let second = try await ModbusServer.start(
            host: "127.0.0.1", port: port, model: map, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        var recovered = false
        for _ in 0..<50 where !recovered {
            recovered = (try? await client.readHoldingRegisters(address: 0, count: 1)) == [0]
        }
        #expect(recovered)
        #expect(client.health.connects == 2)
        await client.close()
        try await second.close()
    }
}
