import ModbusCore
import NIOCore

/// Splits an RTU-over-TCP byte stream into `ModbusRTUFrame`s, for gateways that forward serial frames
/// unchanged over TCP (address, PDU, CRC; Modbus over Serial Line v1.02 §2.5.1).
///
/// A thin adapter around ModbusCore's `ModbusRTUFrameDecoder`, which computes each frame's length from its
/// function code and byte count, so it is made for one direction: a client decodes `.responses`, a server
/// `.requests`. Short input is `.needMoreData`; a CRC mismatch or an unknown function code throws
/// `ModbusDecodingError`, and the connection must be closed.
public struct ModbusRTUOverTCPFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = ModbusRTUFrame

    private var decoder: ModbusRTUFrameDecoder

    /// A decoder for frames travelling in `direction`.
    public init(direction: ModbusRTUFrameDecoder.Direction) {
        self.decoder = ModbusRTUFrameDecoder(direction: direction)
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try decodeFrame(&buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }

    /// Decodes one frame from the readable bytes of `buffer`, or returns nil (consuming nothing).
    mutating func decodeFrame(_ buffer: inout ByteBuffer) throws(ModbusDecodingError) -> ModbusRTUFrame? {
        guard buffer.readableBytes >= 2 else { return nil }
        var input = ModbusByteBuffer(buffer.readableBytesView.prefix(ModbusLimits.maximumRTUADUSize))
        switch try decoder.decode(buffer: &input) {
        case .frame(let frame):
            buffer.moveReaderIndex(forwardBy: input.readerIndex)
            return frame
        case .needMoreData:
            return nil
        }
    }
}
