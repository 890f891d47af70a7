import MillraceCore
import MillraceTestSupport
import ModbusCore
import ModbusNIO
import NIOPosix
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Millrace's client against a strict peer: libmodbus, the reference C implementation, compiled by the
/// test from scripts/peers/libmodbus_server.c. Skipped when libmodbus (Debian libmodbus-dev) or cc is missing.
@Suite(
    .serialized,
    .enabled(
        if: Peers.libmodbusAvailable, "libmodbus is not installed (apt-get install libmodbus-dev) or cc is missing"))
struct LibmodbusTests {
    /// Runs `body` with a libmodbus server on a fresh port; stops the server and removes its build after.
    func withServer(
        _ body: (_ port: Int, _ restart: () async throws -> Void, _ kill: () async -> Void) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory(prefix: "millrace-libmodbus")
        defer { directory.remove() }
        let executable = try await Peers.buildLibmodbusServer(in: directory)
        let port = try Peers.freePort()
        var server: ChildProcess? = try await Peers.startServer([executable, String(port)])
        func kill() async {
            guard let running = server else { return }
            running.signal(SIGKILL)
            _ = try? await running.waitForExit()
            server = nil
        }
        func restart() async throws {
            await kill()
            server = try await Peers.startServer([executable, String(port)])
        }
        do {
            try await body(port, restart, kill)
        } catch {
            if let server { await Peers.stop(server) }
            throw error
        }
        if let server { await Peers.stop(server) }
    }

    static func client(port: Int, configuration: ModbusClientConfiguration = .init(requestTimeout: .seconds(5)))
        -> ModbusClient
    {
        ModbusClient(
            host: "127.0.0.1", port: port, unitID: 1, configuration: configuration,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    }

    @Test func everyFunctionCodeLibmodbusImplementsWorks() async throws {
        try await withServer { port, _, _ in
            let client = Self.client(port: port)
            do {
                try await exerciseEveryFunctionCode(client)
            } catch {
                Issue.record("unexpected error: \(error)")
            }
            await client.close()
        }
    }

    @Test func exceptionsFromTheStrictPeerAreTypedAndKeepTheConnection() async throws {
        try await withServer { port, _, _ in
            let client = Self.client(port: port)
            func exception(_ body: () async throws -> Void) async -> ModbusException? {
                do {
                    try await body()
                    return nil
                } catch {
                    let clientError = error as? ModbusClientError
                    #expect(clientError?.code == .exception)
                    return clientError?.exception
                }
            }
            let past = await exception { _ = try await client.readHoldingRegisters(address: 999, count: 2) }
            #expect(past == ModbusException(function: .readHoldingRegisters, code: .illegalDataAddress))
            let coil = await exception { try await client.writeSingleCoil(address: 1000, value: true) }
            #expect(coil == ModbusException(function: .writeSingleCoil, code: .illegalDataAddress))
            let inputs = await exception { _ = try await client.readDiscreteInputs(address: 990, count: 11) }
            #expect(inputs == ModbusException(function: .readDiscreteInputs, code: .illegalDataAddress))
            // libmodbus does not implement 43/14: illegal function.
            let identification = await exception { _ = try await client.readDeviceIdentification() }
            #expect(
                identification == ModbusException(function: .encapsulatedInterfaceTransport, code: .illegalFunction))
            let seven = try? await client.readHoldingRegisters(address: 7, count: 1)
            #expect(seven == [7])
            #expect(client.health.exceptions == 4)
            #expect(client.health.connects == 1 && client.health.disconnects == 0)
            await client.close()
        }
    }

    @Test func pipelinedRequestsAreAllAnsweredCorrectly() async throws {
        try await withServer { port, _, _ in
            let client = Self.client(port: port, configuration: .init(pipelineWindow: 8, requestTimeout: .seconds(10)))
            let results = await withTaskGroup(of: (UInt16, [UInt16]?).self) { group in
                for start in 0..<UInt16(200) {
                    group.addTask { (start, try? await client.readHoldingRegisters(address: start, count: 4)) }
                }
                return await group.reduce(into: [(UInt16, [UInt16]?)]()) { $0.append($1) }
            }
            #expect(results.count == 200)
            for (start, values) in results {
                #expect(values == (start..<start + 4).map { $0 })
            }
            await client.close()
        }
    }

    /// The device restarts in the middle of polling: polling resumes by itself, and the gap is reported
    /// with bad/communicationFailure errors, never a hang.
    @Test func pollingResumesByItselfAfterThePeerRestarts() async throws {
        try await withServer { port, restart, kill in
            let configuration = ModbusClientConfiguration(
                requestTimeout: .seconds(1),
                backoff: .init(initialDelay: .milliseconds(20), maximumDelay: .milliseconds(200), jitter: 0.2))
            let client = Self.client(port: port, configuration: configuration)
            var log: [Result<[UInt16], ModbusClientError>] = []
            func poll(until done: ([Result<[UInt16], ModbusClientError>]) -> Bool) async throws {
                // Bounded: at most 500 polls of at most 1 s each.
                for _ in 0..<500 where !done(log) {
                    do {
                        log.append(.success(try await client.readHoldingRegisters(address: 0, count: 2)))
                    } catch {
                        log.append(.failure(error))
                    }
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
            try await poll { $0.count >= 5 }
            #expect(log.allSatisfy { (try? $0.get()) == [0, 1] })
            await kill()
            let beforeOutage = log.count
            try await poll { $0.count >= beforeOutage + 5 }
            let outage = log[beforeOutage...].compactMap { result -> ModbusClientError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(outage.count >= 4, "the outage was not reported")
            #expect(outage.allSatisfy { $0.quality == .communicationFailure })
            #expect(outage.allSatisfy { [.connectionLost, .timeout].contains($0.code) })
            try await restart()
            let afterRestart = log.count
            try await poll { log in log.count > afterRestart && (try? log[log.count - 1].get()) != nil }
            #expect((try? log.last?.get()) == [0, 1], "polling did not resume")
            let health = client.health
            #expect(health.connects >= 2)
            #expect(health.disconnects >= 1)
            #expect(health.connectFailures >= 1)
            #expect(client.connectionState == .connected)
            await client.close()
        }
    }
}
