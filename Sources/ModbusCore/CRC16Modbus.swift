/// CRC-16/MODBUS, the check of RTU frames (Modbus over Serial Line v1.02 §6.2.2, Appendix B).
///
/// Reflected polynomial 0xA001 (0x8005), initial value 0xFFFF, no final XOR. On the wire the low byte is
/// sent first. The check value of the ASCII string "123456789" is 0x4B37.
public enum CRC16Modbus {
    private static let table: [UInt16] = (0...255).map { index in
        var crc = UInt16(index)
        for _ in 0..<8 {
            crc = crc & 1 != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1
        }
        return crc
    }

    /// The CRC of `bytes`.
    public static func checksum(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)]
        }
        return crc
    }
}
