/// Reads the fields of one complete PDU, throwing a `ModbusDecodingError` that carries the PDU and the
/// offset of the field that failed. Offsets count from the first byte of the PDU (the function code).
struct PDUReader {
    let pdu: ArraySlice<UInt8>
    private(set) var offset: Int = 0

    init(_ pdu: ArraySlice<UInt8>) { self.pdu = pdu }

    var remaining: Int { pdu.count - offset }

    func error(_ code: ModbusDecodingError.Code, at offset: Int? = nil, _ message: String) -> ModbusDecodingError {
        ModbusDecodingError(code, offset: offset ?? self.offset, bytes: pdu, message: message)
    }

    mutating func readUInt8(_ field: String) throws(ModbusDecodingError) -> UInt8 {
        guard remaining >= 1 else {
            throw error(.truncated, "the PDU ends before the \(field) (\(pdu.count) bytes)")
        }
        let byte = pdu[pdu.startIndex + offset]
        offset += 1
        return byte
    }

    mutating func readUInt16(_ field: String) throws(ModbusDecodingError) -> UInt16 {
        guard remaining >= 2 else {
            throw error(.truncated, "the PDU ends before the \(field) (\(pdu.count) bytes)")
        }
        let high = pdu[pdu.startIndex + offset]
        let low = pdu[pdu.startIndex + offset + 1]
        offset += 2
        return UInt16(high) << 8 | UInt16(low)
    }

    mutating func readBytes(_ count: Int, _ field: String) throws(ModbusDecodingError) -> ArraySlice<UInt8> {
        guard count >= 0, remaining >= count else {
            throw error(.truncated, "the \(field) needs \(count) bytes but \(remaining) remain")
        }
        let start = pdu.startIndex + offset
        offset += count
        return pdu[start..<(start + count)]
    }

    mutating func readRegisters(_ count: Int, _ field: String) throws(ModbusDecodingError) -> [UInt16] {
        let bytes = try readBytes(count * 2, field)
        var registers: [UInt16] = []
        registers.reserveCapacity(count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            registers.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
            index += 2
        }
        return registers
    }

    /// Throws unless every byte was read: a PDU's length is known from its frame, so extra bytes are an error.
    func expectEnd() throws(ModbusDecodingError) {
        guard remaining == 0 else {
            throw error(.trailingBytes, "\(remaining) unexpected bytes after the last field")
        }
    }

    func checkQuantity(
        _ quantity: UInt16, in range: ClosedRange<Int>, at fieldOffset: Int, _ what: String
    ) throws(ModbusDecodingError) {
        guard range.contains(Int(quantity)) else {
            throw error(
                .quantityOutOfRange, at: fieldOffset,
                "quantity of \(what) is \(quantity), allowed \(range.lowerBound) to \(range.upperBound)")
        }
    }

    func checkAddress(
        _ address: UInt16, quantity: UInt16, at fieldOffset: Int
    ) throws(ModbusDecodingError) {
        guard Int(address) + Int(quantity) <= ModbusLimits.addressSpace else {
            throw error(
                .addressOutOfRange, at: fieldOffset,
                "start address \(address) plus quantity \(quantity) runs past address 65535")
        }
    }
}
