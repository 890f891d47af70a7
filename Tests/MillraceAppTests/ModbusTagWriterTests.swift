import Logging
import MillraceApp
import MillraceConfiguration
import MillraceCore
import ModbusCore
import ModbusNIO
import NIOPosix
import Testing

@Suite struct ModbusTagWriterTests {
    func tag(_ id: String, _ address: String, _ type: TagDataType, writable: Bool, scale: Double = 1) -> TagConfiguration {
        TagConfiguration(
            id: TagID(unchecked: id), name: id, connection: "plc", address: address, type: type, scale: scale, writable: writable)
    }

    var writer: ModbusTagWriter {
        ModbusTagWriter(
            tags: [
                tag("setpoint", "holding:10", .uint16, writable: true, scale: 0.1),
                tag("locked", "holding:11", .uint16, writable: false),
                tag("run", "coil:0", .bool, writable: true),
                tag("flag", "holding:12.3", .bool, writable: true),
                tag("big", "holding:20", .float32, writable: true),
            ], logger: Logger(label: "test"))
    }

    @Test func writesAreRefusedUnlessTheTagIsWritable() {
        let error = #expect(throws: ModbusTagWriter.WriteError.self) {
            try writer.request(writing: .integer(5), to: TagID(unchecked: "locked"))
        }
        #expect(error?.code == .notWritable)
        #expect(error?.description.contains("writable: true") == true)
        let unknown = #expect(throws: ModbusTagWriter.WriteError.self) {
            try writer.request(writing: .integer(5), to: TagID(unchecked: "nope"))
        }
        #expect(unknown?.code == .unknownTag)
    }

    @Test func eachDataTypeGetsTheRightFunctionCode() throws {
        // Engineering 150.0 with scale 0.1 is raw 1500 (FC 6); a coil is FC 5; a register bit is FC 22;
        // a float32 takes two registers (FC 16).
        #expect(try writer.request(writing: .double(150), to: TagID(unchecked: "setpoint")) == .writeSingleRegister(address: 10, value: 1500))
        #expect(try writer.request(writing: .bool(true), to: TagID(unchecked: "run")) == .writeSingleCoil(address: 0, value: true))
        guard case .maskWriteRegister(let address, _, _) = try writer.request(writing: .bool(true), to: TagID(unchecked: "flag")) else {
            Issue.record("expected a mask write")
            return
        }
        #expect(address == 12)
        guard case .writeMultipleRegisters(let address, let values) = try writer.request(writing: .double(1.5), to: TagID(unchecked: "big")) else {
            Issue.record("expected a multiple-register write")
            return
        }
        #expect(address == 20 && values == [0x3FC0, 0x0000])
        let invalid = #expect(throws: ModbusTagWriter.WriteError.self) {
            try writer.request(writing: .string("fast"), to: TagID(unchecked: "setpoint"))
        }
        #expect(invalid?.code == .invalidValue)
    }

    @Test func aWritableTagIsWrittenToARealDevice() async throws {
        let registers = ModbusRegisterMap(holdingRegisters: 100)
        let server = try await ModbusServer.start(host: "127.0.0.1", port: 0, model: registers, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        let client = ModbusClient(host: "127.0.0.1", port: server.port, unitID: 1, eventLoopGroup: MultiThreadedEventLoopGroup.singleton)
        try await writer.write(.double(150), to: TagID(unchecked: "setpoint"), reason: "test: raise conveyor speed", client: client)
        #expect(try await client.readHoldingRegisters(address: 10, count: 1) == [1500])
        await #expect(throws: ModbusTagWriter.WriteError.self) {
            try await writer.write(.integer(9), to: TagID(unchecked: "locked"), reason: "should never reach the device", client: client)
        }
        #expect(try await client.readHoldingRegisters(address: 11, count: 1) == [0])
        await client.close()
        try await server.close()
    }
}
