import Logging
import MillraceCore
import ModbusCore
import NIOCore
import NIOEmbedded

@testable import ModbusNIO

/// Drives a `ModbusClientChannelHandler` on an `EmbeddedEventLoop`: each connection the handler opens is a
/// new `EmbeddedChannel`, and time moves only when the test advances the clock and the loop together.
///
/// Must be used from one thread (a synchronous test), like every embedded channel.
final class ClientHarness {
    let loop = EmbeddedEventLoop()
    let clock = TestClock()
    let status = ModbusClientStatus()
    private(set) var handler: ModbusClientChannelHandler!
    /// Every connection opened, oldest first.
    private(set) var channels: [EmbeddedChannel] = []
    /// How many connection attempts were made.
    private(set) var connectAttempts = 0
    /// The next this many connection attempts fail.
    var failingConnects = 0
    /// When set, connection attempts wait until the test completes this promise with the result.
    var heldConnect: EventLoopPromise<Void>?

    /// A harness; with `codecs` the pipeline carries bytes through the MBAP decoder and encoder.
    init(configuration: ModbusClientConfiguration = .testing, codecs: Bool = false) {
        handler = ModbusClientChannelHandler(
            configuration: configuration, eventLoop: loop, clock: clock, logger: Logger(label: "test"),
            status: status
        ) { [unowned self] handler in
            self.connectAttempts += 1
            if self.failingConnects > 0 {
                self.failingConnects -= 1
                return self.loop.makeFailedFuture(ChannelError.connectTimeout(.seconds(1)))
            }
            let channel = EmbeddedChannel(loop: self.loop)
            if codecs {
                try! channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ModbusFrameDecoder()))
                try! channel.pipeline.syncOperations.addHandler(MessageToByteHandler(ModbusFrameEncoder()))
            }
            try! channel.pipeline.syncOperations.addHandler(handler)
            self.channels.append(channel)
            let address = try! SocketAddress(ipAddress: "127.0.0.1", port: 502)
            if let held = self.heldConnect {
                return held.futureResult.flatMap { channel.connect(to: address) }.map { channel }
            }
            return channel.connect(to: address).map { channel }
        }
    }

    /// The newest connection.
    var channel: EmbeddedChannel { channels[channels.count - 1] }

    /// Submits a request; the outcome fills in when the handler completes it.
    func submit(_ request: ModbusRequest, unitID: UInt8 = 1) -> Outcome {
        let outcome = Outcome()
        let promise = loop.makePromise(of: ModbusResponse.self)
        promise.futureResult.assumeIsolated().whenComplete { outcome.result = $0 }
        handler.submit(request, unitID: unitID, promise: promise)
        return outcome
    }

    /// Moves the wall clock and the event loop's clock forward together, running due timers.
    func advance(by duration: Duration) {
        clock.advance(by: duration)
        loop.advanceTime(by: .microseconds(duration.microseconds))
    }

    /// The next frame the handler wrote on the newest connection (without codecs).
    func sentFrame() throws -> ModbusTCPFrame? {
        try channel.readOutbound(as: ModbusTCPFrame.self)
    }

    /// Plays the server: an answer on the newest connection (without codecs).
    func answer(_ transactionID: UInt16, unitID: UInt8 = 1, _ pdu: [UInt8]) throws {
        try channel.writeInbound(ModbusTCPFrame(transactionID: transactionID, unitID: unitID, pdu: pdu))
    }

    /// Closes the client and checks that the newest connection has nothing left over.
    func finish() throws -> Bool {
        handler.close(promise: nil)
        guard let last = channels.last else { return true }
        return try last.finish(acceptAlreadyClosed: true).isClean
    }
}

/// The result of one submitted request, once it completes.
final class Outcome {
    var result: Result<ModbusResponse, any Error>?

    var response: ModbusResponse? { try? result?.get() }

    var error: ModbusClientError? {
        guard case .failure(let error) = result else { return nil }
        return error as? ModbusClientError
    }
}

extension ModbusClientConfiguration {
    /// A window of 1, a 1 s timeout and a backoff without jitter: 100 ms doubling.
    static var testing: ModbusClientConfiguration {
        ModbusClientConfiguration(
            requestTimeout: .seconds(1), backoff: ModbusReconnectBackoff(initialDelay: .milliseconds(100), jitter: 0))
    }
}

extension ByteBuffer {
    /// A buffer holding the bytes written as hex, spaces allowed: "00 01 00 00".
    init(hex: String) {
        let digits = hex.filter { !$0.isWhitespace }
        var bytes: [UInt8] = []
        var index = digits.startIndex
        while index < digits.endIndex {
            let next = digits.index(index, offsetBy: 2)
            bytes.append(UInt8(digits[index..<next], radix: 16)!)
            index = next
        }
        self.init(bytes: bytes)
    }
}
