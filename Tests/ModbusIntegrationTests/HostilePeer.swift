import ModbusCore
import ModbusNIO
import NIOCore
import NIOPosix
import Synchronization

/// A misbehaving Modbus TCP server on 127.0.0.1, in process: it frames requests with the real decoder and
/// answers with the bytes its `Behavior` chooses, so the client's error handling meets a real socket.
final class HostilePeer: Sendable {
    /// How the peer answers a request: the bytes to send (nil: send nothing) and whether to close after.
    struct Behavior: Sendable {
        var answer: @Sendable (_ request: ModbusTCPFrame, _ connection: Int) -> (bytes: [UInt8]?, close: Bool)
    }

    private let channel: any Channel
    private let counter: Counter

    /// The port the peer listens on.
    let port: Int

    private init(channel: any Channel, counter: Counter) {
        self.channel = channel
        self.counter = counter
        self.port = channel.localAddress?.port ?? 0
    }

    /// The number of connections accepted so far.
    var connectionCount: Int { counter.count }

    static func start(_ behavior: Behavior) async throws -> HostilePeer {
        let counter = Counter()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                let connection = counter.next()
                return child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
                    try child.pipeline.syncOperations.addHandler(Handler(behavior: behavior, connection: connection))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return HostilePeer(channel: channel, counter: counter)
    }

    func close() async {
        try? await channel.close()
    }

    /// Numbers connections from 1.
    private final class Counter: Sendable {
        private let state = Mutex(0)
        var count: Int { state.withLock { $0 } }
        func next() -> Int {
            state.withLock { count in
                count += 1
                return count
            }
        }
    }

    private final class Handler: ChannelInboundHandler {
        typealias InboundIn = ModbusTCPFrame
        typealias OutboundOut = ByteBuffer
        let behavior: Behavior
        let connection: Int

        init(behavior: Behavior, connection: Int) {
            self.behavior = behavior
            self.connection = connection
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let (bytes, close) = behavior.answer(unwrapInboundIn(data), connection)
            if let bytes { context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil) }
            if close { context.close(promise: nil) }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }
    }
}

extension ModbusTCPFrame {
    /// The MBAP bytes of an answer with `pdu` to this request, with fields overridden for hostile tests.
    func answer(
        _ pdu: [UInt8], transactionID: UInt16? = nil, protocolID: UInt16 = 0, length: UInt16? = nil
    ) -> [UInt8] {
        let tid = transactionID ?? self.transactionID
        let length = length ?? UInt16(pdu.count + 1)
        return [
            UInt8(tid >> 8), UInt8(tid & 0xFF), UInt8(protocolID >> 8), UInt8(protocolID & 0xFF),
            UInt8(length >> 8), UInt8(length & 0xFF), unitID,
        ] + pdu
    }
}
