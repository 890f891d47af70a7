/// Packing of coil and discrete input states into bytes (Modbus Application Protocol v1.1b3 §6.1, §6.11).
///
/// The first bit is the least significant bit of the first byte; unused high bits of the last byte are zero.
public enum ModbusBits {
    /// Packs bits, eight to a byte, least significant bit first.
    public static func pack(_ bits: [Bool]) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            bytes[index / 8] |= UInt8(1) << UInt8(index % 8)
        }
        return bytes
    }

    /// Unpacks `count` bits (all bits of `bytes` when nil); missing bytes read as zero.
    public static func unpack(_ bytes: some Collection<UInt8>, count: Int? = nil) -> [Bool] {
        let total = max(0, count ?? bytes.count * 8)
        var bits: [Bool] = []
        bits.reserveCapacity(total)
        var iterator = bytes.makeIterator()
        var current: UInt8 = 0
        for index in 0..<total {
            if index % 8 == 0 { current = iterator.next() ?? 0 }
            bits.append(current & (UInt8(1) << UInt8(index % 8)) != 0)
        }
        return bits
    }
}
