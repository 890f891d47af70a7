import ModbusCore
import NIOCore

/// Splits a Modbus TCP byte stream into `ModbusTCPFrame`s (Modbus Messaging on TCP/IP v1.0b §3.1.3).
///
/// A thin adapter: the framing rules live in ModbusCore's `MBAPFrameDecoder`, this type feeds it the
/// readable bytes of NIO's buffer (from `readerIndex`, at most one maximal ADU of 260 bytes at a time) and
/// moves the reader index past what it consumed. Short input is `.needMoreData`, never an error. A header
/// that cannot start a frame (protocol id not 0, length outside 2...254) throws `ModbusDecodingError`; the
/// `ByteToMessageHandler` then passes the error up the pipeline and stops decoding, and the channel handler
/// closes the connection because the stream has lost its framing.
///
/// The same decoder serves both directions: MBAP frames requests and responses alike.
public struct ModbusFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ModbusTCPFrame

    private var decoder = MBAPFrameDecoder()

    /// A decoder; it keeps no state between frames.
    public init() {}

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try decodeFrame(&buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        // A frame cut off by the end of the stream is dropped: there is nobody left to answer.
        try decode(context: context, buffer: &buffer)
    }

    /// Decodes one frame from the readable bytes of `buffer`, or returns nil (consuming nothing) when they
    /// are only the start of a frame.
    mutating func decodeFrame(_ buffer: inout ByteBuffer) throws(ModbusDecodingError) -> ModbusTCPFrame? {
        // Even a partial header goes through the decoder, so a wrong protocol id or length fails fast.
        guard buffer.readableBytes > 0, let (frame, consumed) = try decodeWindow(buffer) else { return nil }
        buffer.moveReaderIndex(forwardBy: consumed)
        return frame
    }

    /// Runs `MBAPFrameDecoder` over a copy of at most one maximal ADU from the reader index.
    private mutating func decodeWindow(_ buffer: ByteBuffer) throws(ModbusDecodingError) -> (ModbusTCPFrame, Int)? {
        let window = buffer.readableBytesView.prefix(ModbusLimits.maximumTCPADUSize)
        var input = ModbusByteBuffer(window)
        switch try decoder.decode(buffer: &input) {
        case .frame(let frame): return (frame, input.readerIndex)
        case .needMoreData: return nil
        }
    }
}
