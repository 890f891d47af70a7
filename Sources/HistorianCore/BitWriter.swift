/// An append-only stream of bits, most significant bit first, in the manner of Prometheus
/// `tsdb/chunkenc/bstream.go`.
///
/// The bytes are always ready to read: the last byte holds the bits written so far and zero padding,
/// so a writer can be snapshotted at any time without a flush.
struct BitWriter: Sendable {
    /// The written bits, padded with zero bits up to a whole byte.
    private(set) var bytes: [UInt8] = []
    /// The number of unused low bits in the last byte (0 when the stream ends on a byte boundary).
    private var freeBits = 0

    init() {}

    /// The number of bits written so far.
    var bitCount: Int { bytes.count &* 8 &- freeBits }

    /// Writes one bit.
    mutating func writeBit(_ bit: Bool) {
        if freeBits == 0 {
            bytes.append(0)
            freeBits = 8
        }
        freeBits -= 1
        if bit { bytes[bytes.count - 1] |= 1 << UInt8(freeBits) }
    }

    /// Writes the low `count` bits of `value`, most significant first; `count` is 0...64.
    mutating func writeBits(_ value: UInt64, count: Int) {
        precondition(count >= 0 && count <= 64, "a bit field is 0 to 64 bits wide")
        var remaining = count
        while remaining > 0 {
            if freeBits == 0 {
                bytes.append(0)
                freeBits = 8
            }
            let n = min(freeBits, remaining)
            let field = UInt8(truncatingIfNeeded: (value >> UInt64(remaining - n)) & ((1 << UInt64(n)) - 1))
            bytes[bytes.count - 1] |= field << UInt8(freeBits - n)
            freeBits -= n
            remaining -= n
        }
    }

    /// Writes eight bits.
    mutating func writeByte(_ byte: UInt8) {
        writeBits(UInt64(byte), count: 8)
    }

    /// Writes an unsigned LEB128 varint (7 bits per byte, low group first, high bit = more), as in
    /// protobuf and Go's `encoding/binary.PutUvarint`: 1 byte below 128, at most 10 bytes.
    mutating func writeVarUInt(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            writeByte(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        writeByte(UInt8(rest))
    }

    /// Writes a signed varint: zigzag (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...) then LEB128, so small
    /// magnitudes of either sign take one byte.
    mutating func writeVarInt(_ value: Int64) {
        writeVarUInt(ZigZag.encode(value))
    }

    /// Writes the low `count` bits of `value` as a two's complement field; the caller has checked it fits.
    mutating func writeSigned(_ value: Int64, count: Int) {
        writeBits(UInt64(bitPattern: value), count: count)
    }
}

/// Zigzag mapping of signed to unsigned integers (protobuf encoding guide, "Signed Integers").
enum ZigZag {
    @inline(__always)
    static func encode(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    static func decode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }
}
