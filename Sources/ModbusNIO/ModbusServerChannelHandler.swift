import Logging
import ModbusCore
import NIOCore

/// Serves one client connection of a `ModbusServer`: each request frame is answered by the
/// `ModbusRequestProcessor`, with the transaction and unit ids echoed (Modbus Messaging on TCP/IP v1.0b §4.4).
///
/// Requests are answered in order, and answers are flushed once per read, so a pipelining client gets its
/// responses batched. A framing error (wrong protocol id, impossible length) closes the connection: after
/// it the stream cannot be trusted. Requests for a unit id the server does not serve get no answer.
final class ModbusServerChannelHandler: ChannelInboundHandler {
    typealias InboundIn = ModbusTCPFrame
    typealias OutboundOut = ModbusTCPFrame

    private let processor: ModbusRequestProcessor
    private let logger: Logger
    private var needsFlush = false

    init(processor: ModbusRequestProcessor, logger: Logger) {
        self.processor = processor
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let request = unwrapInboundIn(data)
        guard processor.configuration.unitIDs.contains(request.unitID),
            let response = processor.response(to: request.pdu[...])
        else { return }
        let pdu: [UInt8]
        do {
            pdu = try response.encode()
        } catch {
            // A data model that returned more than one PDU can carry: the device's fault (§7, code 04).
            logger.error("cannot encode Modbus response", metadata: ["error": "\(error)"])
            pdu = [
                request.pdu.first.map { $0 | FunctionCode.exceptionFlag } ?? 0x80,
                ExceptionCode.serverDeviceFailure.rawValue,
            ]
        }
        context.write(
            wrapOutboundOut(ModbusTCPFrame(transactionID: request.transactionID, unitID: request.unitID, pdu: pdu)),
            promise: nil)
        needsFlush = true
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if needsFlush {
            needsFlush = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if error is ModbusDecodingError {
            logger.info("closing a Modbus connection that lost its framing", metadata: ["error": "\(error)"])
        }
        context.close(promise: nil)
    }
}
