import ModbusCore
import NIOCore

/// Lets the Modbus TCP client logic speak RTU over TCP: outbound `ModbusTCPFrame`s become `ModbusRTUFrame`s
/// and inbound RTU frames get back the transaction id of the request they answer.
///
/// RTU carries no transaction id (Modbus over Serial Line v1.02 §2.5.1): a serial server answers requests
/// one at a time, in order. The adapter therefore remembers the ids of the frames it sent, oldest first, and
/// gives each response the oldest id. A response with nothing outstanding is passed on with id 0, which the
/// state machine rejects as a protocol violation. Use it with a pipeline window of 1 unless the gateway is
/// known to queue requests.
final class ModbusRTUTransactionAdapter: ChannelDuplexHandler {
    typealias InboundIn = ModbusRTUFrame
    typealias InboundOut = ModbusTCPFrame
    typealias OutboundIn = ModbusTCPFrame
    typealias OutboundOut = ModbusRTUFrame

    private var outstanding = CircularBuffer<UInt16>()

    init() {}

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = unwrapOutboundIn(data)
        outstanding.append(frame.transactionID)
        context.write(wrapOutboundOut(ModbusRTUFrame(unitID: frame.unitID, pdu: frame.pdu)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        let transactionID = outstanding.popFirst() ?? 0
        context.fireChannelRead(
            wrapInboundOut(ModbusTCPFrame(transactionID: transactionID, unitID: frame.unitID, pdu: frame.pdu)))
    }
}
