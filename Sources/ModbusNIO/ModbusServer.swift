import Logging
import ModbusCore
import NIOCore
import NIOPosix

/// A Modbus TCP device: listens on a port and serves a `ModbusDataModel` to any number of clients
/// (function codes 1, 2, 3, 4, 5, 6, 15, 16, 22, 23 and 43/14).
///
/// ```swift
/// let map = ModbusRegisterMap(holdingRegisters: 1000)
/// let server = try await ModbusServer.start(host: "127.0.0.1", port: 0, model: map, eventLoopGroup: group)
/// print(server.port)  // the port the system chose
/// try await server.close()
/// ```
public final class ModbusServer: Sendable {
    /// The address the server listens on.
    public let localAddress: SocketAddress
    private let channel: any Channel
    private let connections: ModbusServerConnectionRegistry

    private init(channel: any Channel, localAddress: SocketAddress, connections: ModbusServerConnectionRegistry) {
        self.channel = channel
        self.localAddress = localAddress
        self.connections = connections
    }

    /// The TCP port the server listens on (the one chosen by the system when started with port 0).
    public var port: Int { localAddress.port ?? 0 }

    /// The number of client connections open now.
    public var connectionCount: Int { connections.count }

    /// Binds `host:port` (port 0 lets the system choose) and starts serving `model`.
    public static func start(
        host: String = "127.0.0.1", port: Int = 502, model: any ModbusDataModel,
        configuration: ModbusServerConfiguration = .init(), eventLoopGroup: any EventLoopGroup,
        logger: Logger = Logger(label: "millrace.modbus.server", factory: { _ in SwiftLogNoOpLogHandler() })
    ) async throws -> ModbusServer {
        let processor = ModbusRequestProcessor(model: model, configuration: configuration)
        let registry = ModbusServerConnectionRegistry()
        let channel = try await ServerBootstrap(group: eventLoopGroup)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { child in
                registry.add(child)
                return child.eventLoop.makeCompletedFuture {
                    let pipeline = child.pipeline.syncOperations
                    try pipeline.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
                    try pipeline.addHandler(MessageToByteHandler(ModbusFrameEncoder()))
                    try pipeline.addHandler(ModbusServerChannelHandler(processor: processor, logger: logger))
                }
            }
            .bind(host: host, port: port)
            .get()
        guard let address = channel.localAddress else {
            try? await channel.close()
            throw ChannelError.unknownLocalAddress
        }
        logger.info("Modbus server listening", metadata: ["address": "\(address)"])
        return ModbusServer(channel: channel, localAddress: address, connections: registry)
    }

    /// Stops listening and closes every client connection.
    public func close() async throws {
        try? await channel.close()
        for connection in connections.all {
            try? await connection.close()
        }
    }
}
