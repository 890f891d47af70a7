/// The order in which a device puts the bytes of a multi-register value into its registers.
///
/// Letters name the bytes of a 32-bit value from most significant (A) to least (D), listed in the order
/// they appear on the wire. Modbus itself only fixes big-endian bytes within one register (Modbus
/// Application Protocol v1.1b3 §4.2); devices differ in everything beyond that.
///
/// For 64-bit values (four registers) the same rules apply: `.cdab` reverses the order of all registers
/// (low word first), `.badc` swaps the two bytes of each register, `.dcba` reverses all bytes.
/// For one-register values only the byte swap matters; strings never reverse their registers.
public enum ModbusWordOrder: String, Hashable, Sendable, Codable, CaseIterable {
    /// Big-endian: high word first, high byte first. The Modbus default.
    case abcd
    /// Word swap: low word first, high byte first (common in PLCs and energy meters).
    case cdab
    /// Byte swap: high word first, low byte first.
    case badc
    /// Little-endian: low word first, low byte first.
    case dcba

    /// Whether the two bytes within each register are swapped.
    public var swapsBytes: Bool { self == .badc || self == .dcba }
    /// Whether the registers appear least significant first.
    public var swapsWords: Bool { self == .cdab || self == .dcba }

    /// The value's bytes, most significant first, from registers in this order. The mapping is its own
    /// inverse, so `registers(fromBigEndian:)` undoes it.
    public func bigEndianBytes(from registers: some Collection<UInt16>) -> [UInt8] {
        let ordered = swapsWords ? Array(registers.reversed()) : Array(registers)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ordered.count * 2)
        for register in ordered {
            let high = UInt8(truncatingIfNeeded: register >> 8)
            let low = UInt8(truncatingIfNeeded: register)
            if swapsBytes {
                bytes.append(low)
                bytes.append(high)
            } else {
                bytes.append(high)
                bytes.append(low)
            }
        }
        return bytes
    }

    /// The registers, in this order, that carry a value whose bytes are given most significant first
    /// (an odd trailing byte is padded with zero).
    public func registers(fromBigEndian bytes: [UInt8]) -> [UInt16] {
        var registers: [UInt16] = []
        registers.reserveCapacity((bytes.count + 1) / 2)
        var index = 0
        while index < bytes.count {
            let first = bytes[index]
            let second = index + 1 < bytes.count ? bytes[index + 1] : 0
            registers.append(
                swapsBytes ? UInt16(second) << 8 | UInt16(first) : UInt16(first) << 8 | UInt16(second))
            index += 2
        }
        return swapsWords ? registers.reversed() : registers
    }
}
