extension ModbusResponse {
    /// The exception response a server sends for a request PDU that failed to decode, or nil when there is
    /// nothing to answer (an empty PDU) or the error is in the framing (then the connection is closed).
    ///
    /// The function code is taken from the PDU; the exception code from `error.exceptionCode`, the one place
    /// decoding errors map to wire codes (Modbus Application Protocol v1.1b3 §7).
    public static func exception(answering pdu: ArraySlice<UInt8>, error: ModbusDecodingError) -> ModbusResponse? {
        guard let functionCode = pdu.first, let code = error.exceptionCode else { return nil }
        return .exception(ModbusException(functionCode: functionCode, code: code))
    }
}
