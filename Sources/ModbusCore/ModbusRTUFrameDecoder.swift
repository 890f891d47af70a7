/// Splits a Modbus RTU byte stream into frames, for RTU-over-TCP gateways and serial lines.
///
/// RTU has no length field: on a serial line frames are delimited by 3.5 character times of silence
/// (Modbus over Serial Line v1.02 §2.5.1.1), which a TCP stream does not keep. The decoder therefore
/// computes each frame's length from its function code and byte count, which differ between requests and
/// responses, so it is made for one `Direction`.
///
/// Like `MBAPFrameDecoder`, each call consumes exactly one frame or returns `.needMoreData`; on an error it
/// consumes nothing. After a CRC error the stream has lost its framing: close the connection (or, on a
/// serial line, skip a byte and try again).
public struct ModbusRTUFrameDecoder: Sendable {
    /// Which side's frames the stream carries.
    public enum Direction: Hashable, Sendable {
        /// Frames from a client (a server decodes requests).
        case requests
        /// Frames from a server (a client decodes responses).
        case responses
    }

    /// Whether the stream carries requests or responses.
    public let direction: Direction

    /// A decoder for frames travelling in `direction`.
    public init(direction: Direction) {
        self.direction = direction
    }

    /// Decodes the next frame from `buffer`.
    ///
    /// - Throws: `ModbusDecodingError` with `.unsupportedFunction` or `.unsupportedMEIType` (the length is
    ///   unknowable), `.pduTooLarge` (the frame would exceed 256 bytes) or `.crcMismatch`.
    public mutating func decode(
        buffer: inout ModbusByteBuffer
    ) throws(ModbusDecodingError) -> ModbusDecodingResult<ModbusRTUFrame> {
        guard let frameSize = try expectedFrameSize(buffer) else { return .needMoreData }
        guard frameSize <= ModbusLimits.maximumRTUADUSize else {
            throw error(.pduTooLarge, offset: 1, buffer, "the frame would have \(frameSize) bytes, at most 256")
        }
        guard buffer.readableBytes >= frameSize else { return .needMoreData }
        let content = buffer.readableBytesView.prefix(frameSize - 2)
        let crc = CRC16Modbus.checksum(content)
        // §2.5.1.2: the CRC is sent low byte first.
        let received = UInt16(buffer.peekUInt8(at: frameSize - 2) ?? 0) | UInt16(buffer.peekUInt8(at: frameSize - 1) ?? 0) << 8
        guard crc == received else {
            throw ModbusDecodingError(
                .crcMismatch, offset: frameSize - 2, bytes: buffer.readableBytesView.prefix(frameSize),
                message: "CRC is \(received), the frame content gives \(crc)")
        }
        guard let frame = buffer.readBytes(length: frameSize), let unitID = frame.first else { return .needMoreData }
        return .frame(ModbusRTUFrame(unitID: unitID, pdu: Array(frame.dropFirst().dropLast(2))))
    }

    /// The size of the frame at the reader index, address and CRC included, or nil if too few bytes have
    /// arrived to know it.
    private func expectedFrameSize(_ buffer: ModbusByteBuffer) throws(ModbusDecodingError) -> Int? {
        guard let function = buffer.peekUInt8(at: 1) else { return nil }
        // Offsets below count from the address byte; "+ 2" is the CRC.
        switch direction {
        case .responses:
            if function & FunctionCode.exceptionFlag != 0 { return 5 }  // §7: address, fc, code, CRC
            switch FunctionCode(rawValue: function) {
            case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters,
                .readWriteMultipleRegisters:
                return buffer.peekUInt8(at: 2).map { 3 + Int($0) + 2 }
            case .writeSingleCoil, .writeSingleRegister, .writeMultipleCoils, .writeMultipleRegisters:
                return 8
            case .maskWriteRegister:
                return 10
            case .encapsulatedInterfaceTransport:
                return try deviceIdentificationResponseSize(buffer)
            case nil:
                throw error(.unsupportedFunction, offset: 1, buffer, "function code \(function) has no known length")
            }
        case .requests:
            switch FunctionCode(rawValue: function) {
            case .readCoils, .readDiscreteInputs, .readHoldingRegisters, .readInputRegisters, .writeSingleCoil,
                .writeSingleRegister:
                return 8
            case .writeMultipleCoils, .writeMultipleRegisters:
                return buffer.peekUInt8(at: 6).map { 7 + Int($0) + 2 }
            case .maskWriteRegister:
                return 10
            case .readWriteMultipleRegisters:
                return buffer.peekUInt8(at: 10).map { 11 + Int($0) + 2 }
            case .encapsulatedInterfaceTransport:
                guard let mei = buffer.peekUInt8(at: 2) else { return nil }
                guard mei == DeviceIdentification.meiType else {
                    throw error(.unsupportedMEIType, offset: 2, buffer, "MEI type \(mei) has no known length")
                }
                return 7
            case nil:
                throw error(.unsupportedFunction, offset: 1, buffer, "function code \(function) has no known length")
            }
        }
    }

    /// §6.21: walks the objects of a read device identification response to find its end.
    private func deviceIdentificationResponseSize(_ buffer: ModbusByteBuffer) throws(ModbusDecodingError) -> Int? {
        guard let mei = buffer.peekUInt8(at: 2) else { return nil }
        guard mei == DeviceIdentification.meiType else {
            throw error(.unsupportedMEIType, offset: 2, buffer, "MEI type \(mei) has no known length")
        }
        // Address, 0x2B, 0x0E, code, conformity level, more follows, next object id, number of objects.
        guard let count = buffer.peekUInt8(at: 7) else { return nil }
        var position = 8
        for _ in 0..<count {
            guard position + 2 <= ModbusLimits.maximumRTUADUSize else {
                throw error(.pduTooLarge, offset: position, buffer, "the objects run past 256 bytes")
            }
            guard let length = buffer.peekUInt8(at: position + 1) else { return nil }
            position += 2 + Int(length)
        }
        return position + 2
    }

    private func error(
        _ code: ModbusDecodingError.Code, offset: Int, _ buffer: ModbusByteBuffer, _ message: String
    ) -> ModbusDecodingError {
        ModbusDecodingError(
            code, offset: offset, bytes: buffer.readableBytesView.prefix(ModbusLimits.maximumRTUADUSize),
            message: message)
    }
}
