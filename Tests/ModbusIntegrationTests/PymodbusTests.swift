import Foundation
import MillraceCore
import MillraceTestSupport
import ModbusCore
import ModbusNIO
import NIOPosix
import Testing

/// Millrace's client against pymodbus's server, and pymodbus's client against Millrace's server.
///
/// Skipped, with the reason, when the Python of `MILLRACE_TEST_PYTHON` (else `python3`) cannot import
/// pymodbus; scripts/test installs it into .venv-test.
@Suite(
    .serialized,
    .enabled(
        if: Peers.pymodbusAvailable,
        "pymodbus cannot be imported: run scripts/test, or pip install pymodbus into $MILLRACE_TEST_PYTHON's environment"
    )
)
struct PymodbusTests {
    static func client(port: Int, transport: ModbusTransport = .tcp) -> ModbusClient {
        ModbusClient(
            host: "127.0.0.1", port: port, unitID: 1,
            configuration: .init(requestTimeout: .seconds(5)), transport: transport,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
    }

    @Test func ourClientReadsAndWritesEveryFunctionCodeOnAPymodbusServer() async throws {
        let port = try Peers.freePort()
        let server = try await Peers.startPymodbusServer(port: port)
        let client = Self.client(port: port)
        do {
            try await exerciseEveryFunctionCode(client)
            let identification = try await client.readDeviceIdentification(code: .regular)
            #expect(identification.objects.first { $0.id == 0 }?.text == "pymodbus")
            #expect(identification.objects.first { $0.id == 2 }?.text == Peers.pymodbusVersion)
            #expect(identification.objects.first { $0.id == 4 }?.text == "Millrace test peer")
            await #expect(throws: ModbusClientError.self) {
                try await client.readHoldingRegisters(address: 999, count: 2)
            }
            do {
                _ = try await client.readHoldingRegisters(address: 999, count: 2)
            } catch {
                #expect(error.code == .exception)
                #expect(error.exception?.code == .illegalDataAddress)
            }
            #expect(client.health.protocolViolations == 0)
        } catch {
            Issue.record("unexpected error: \(error)")
        }
        await client.close()
        await Peers.stop(server)
    }

    @Test func ourClientSpeaksRTUOverTCPToAPymodbusServer() async throws {
        let port = try Peers.freePort()
        let server = try await Peers.startPymodbusServer(port: port, rtu: true)
        let client = Self.client(port: port, transport: .rtuOverTCP)
        do {
            #expect(try await client.readHoldingRegisters(address: 0, count: 5) == [0, 1, 2, 3, 4])
            #expect(try await client.readCoils(address: 0, count: 4) == [true, false, false, true])
            try await client.writeMultipleRegisters(address: 100, values: [5, 6])
            #expect(try await client.readHoldingRegisters(address: 100, count: 2) == [5, 6])
        } catch {
            Issue.record("unexpected error: \(error)")
        }
        await client.close()
        await Peers.stop(server)
    }

    @Test func aPymodbusClientGetsEveryFunctionCodeAnsweredByOurServer() async throws {
        let map = ModbusRegisterMap(coils: 1000, discreteInputs: 1000, holdingRegisters: 1000, inputRegisters: 1000)
        map.setHoldingRegisters(address: 0, values: (0..<100).map { UInt16($0) })
        map.setInputRegisters(address: 0, values: (0..<1000).map { UInt16(1000 + $0) })
        map.setCoils(address: 0, values: (0..<1000).map { $0 % 3 == 0 })
        map.setDiscreteInputs(address: 0, values: (0..<1000).map { $0 % 2 == 0 })
        let server = try await ModbusServer.start(
            host: "127.0.0.1", port: 0, model: map, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let changes = map.changes()
        let result = try await ChildProcess.run(
            Peers.python[0],
            Array(Peers.python.dropFirst()) + [
                Peers.repository + "/scripts/peers/pymodbus_client.py", String(server.port),
            ])
        try await server.close()
        #expect(result.status == 0, "pymodbus client failed: \(result.stderr)")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
            "output: \(result.stdout)")
        #expect(json["fc3"] as? [Int] == [0, 1, 2, 3, 4])
        #expect(json["fc4"] as? [Int] == [1998, 1999])
        #expect(json["fc1"] as? [Bool] == [true, false, false, true, false, false])
        #expect(json["fc2"] as? [Bool] == [true, false, true, false])
        #expect(json["fc5"] as? [Bool] == [true])
        #expect(json["fc6"] as? [Int] == [0xBEEF])
        #expect(json["fc15"] as? [Bool] == [true, false, true, true])
        #expect(json["fc16"] as? [Int] == [7, 8, 9])
        #expect(json["fc22"] as? [Int] == [0x17])
        // Function 23 writes before it reads (§6.17): the read sees the new values.
        #expect(json["fc23"] as? [Int] == [0, 11, 12])
        #expect(json["fc43"] as? [String: String] == ["0": "Millrace", "1": "MR-SIM", "2": "1.0"])
        #expect(json["illegal_address"] as? Int == 2)
        #expect(json["illegal_write_address"] as? Int == 2)
        // The writes of the other master reached the data model's change stream.
        var iterator = changes.makeAsyncIterator()
        #expect(await iterator.next() == ModbusRegisterMap.Change(table: .coil, address: 500, bits: [true]))
        #expect(
            await iterator.next()
                == ModbusRegisterMap.Change(table: .holdingRegister, address: 501, registers: [0xBEEF]))
    }
}

/// Every function code against a server whose tables hold the values of scripts/peers (holding n = n,
/// input n = 1000 + n, coil n = n % 3 == 0, discrete n = n % 2 == 0), writing only at addresses 100 to 200.
func exerciseEveryFunctionCode(_ client: ModbusClient) async throws {
    #expect(try await client.readHoldingRegisters(address: 0, count: 3) == [0, 1, 2])
    #expect(try await client.readHoldingRegisters(address: 875, count: 125) == (875..<1000).map { UInt16($0) })
    #expect(try await client.readInputRegisters(address: 998, count: 2) == [1998, 1999])
    #expect(try await client.readCoils(address: 0, count: 6) == [true, false, false, true, false, false])
    #expect(try await client.readDiscreteInputs(address: 0, count: 4) == [true, false, true, false])
    try await client.writeSingleCoil(address: 101, value: true)
    #expect(try await client.readCoils(address: 101, count: 1) == [true])
    try await client.writeSingleRegister(address: 110, value: 0xBEEF)
    #expect(try await client.readHoldingRegisters(address: 110, count: 1) == [0xBEEF])
    try await client.writeMultipleCoils(address: 120, values: [true, true, false, true])
    #expect(try await client.readCoils(address: 120, count: 4) == [true, true, false, true])
    try await client.writeMultipleRegisters(address: 130, values: [1, 2, 3])
    #expect(try await client.readHoldingRegisters(address: 130, count: 3) == [1, 2, 3])
    // Modbus Application Protocol v1.1b3 §6.16 example: 0x12 AND 0xF2 OR 0x25 gives 0x17.
    try await client.writeSingleRegister(address: 140, value: 0x12)
    try await client.maskWriteRegister(address: 140, andMask: 0xF2, orMask: 0x25)
    #expect(try await client.readHoldingRegisters(address: 140, count: 1) == [0x17])
    // §6.17: the write happens before the read.
    #expect(
        try await client.readWriteMultipleRegisters(readAddress: 150, readCount: 3, writeAddress: 151, values: [7, 8])
            == [150, 7, 8])
}
