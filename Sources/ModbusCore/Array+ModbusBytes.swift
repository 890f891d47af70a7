extension Array where Element == UInt8 {
    /// Appends a 16-bit value in Modbus byte order: big-endian (Modbus Application Protocol v1.1b3 §4.2).
    mutating func appendUInt16(_ value: UInt16) {
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    /// Appends registers, each big-endian.
    mutating func appendRegisters(_ values: [UInt16]) {
        for value in values { appendUInt16(value) }
    }
}
