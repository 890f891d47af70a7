import Logging
import ModbusCore
import NIOCore
import NIOEmbedded
import Testing

@testable import ModbusNIO

/// The device side on an embedded channel, bytes in and bytes out through the real codecs.
@Suite struct ModbusServerChannelHandlerTests {
    func makeChannel(
        _ map: ModbusRegisterMap, configuration: ModbusServerConfiguration = .init()
    ) throws -> EmbeddedChannel {
        let channel = EmbeddedChannel()
        let pipeline = channel.pipeline.syncOperations
        try pipeline.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
        try pipeline.addHandler(MessageToByteHandler(ModbusFrameEncoder()))
        try pipeline.addHandler(
            ModbusServerChannelHandler(
                processor: ModbusRequestProcessor(model: map, configuration: configuration),
                logger: Logger(label: "test")))
        try channel.connect(to: try SocketAddress(ipAddress: "127.0.0.1", port: 50_000)).wait()
        return channel
    }

    @Test func answersPipelinedRequestsInOrderWithTheirTransactionIDs() throws {
        let map = ModbusRegisterMap(holdingRegisters: 0x70)
        map.setHoldingRegisters(address: 0x6B, values: [0xAE41, 0x5652, 0x4340])
        let channel = try makeChannel(map)
        try channel.writeInbound(ByteBuffer(hex: "0001 0000 0006 11 03 006B 0003  0002 0000 0006 11 03 0070 0001"))
        #expect(
            try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(hex: "0001 0000 0009 11 03 06 AE41 5652 4340"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(hex: "0002 0000 0003 11 83 02"))
        #expect(try channel.finish().isClean)
    }

    @Test func ignoresUnitIDsItDoesNotServe() throws {
        let channel = try makeChannel(ModbusRegisterMap(), configuration: .init(unitIDs: .only([1])))
        try channel.writeInbound(ByteBuffer(hex: "0001 0000 0006 02 03 0000 0001"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        try channel.writeInbound(ByteBuffer(hex: "0002 0000 0006 01 03 0000 0001"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(hex: "0002 0000 0005 01 03 02 0000"))
        #expect(try channel.finish().isClean)
    }

    @Test func aFramingErrorClosesTheConnection() throws {
        let channel = try makeChannel(ModbusRegisterMap())
        #expect(channel.isActive)
        try channel.writeInbound(ByteBuffer(hex: "0001 0005 0006 01 03 0000 0001"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        #expect(!channel.isActive)
        #expect(try channel.finish(acceptAlreadyClosed: true).isClean)
    }
}
