/// A variable-bit-width code for signed integers that are usually small, taken from Prometheus
/// `tsdb/chunkenc/varbit.go` (`putVarbitInt`): a unary prefix of up to eight bits picks the width.
///
/// | prefix     | payload | range                |
/// |------------|---------|----------------------|
/// | `0`        | -       | 0                    |
/// | `10`       | 3 bits  | -3 ... 4             |
/// | `110`      | 6 bits  | -31 ... 32           |
/// | `1110`     | 9 bits  | -255 ... 256         |
/// | `11110`    | 12 bits | -2047 ... 2048       |
/// | `111110`   | 18 bits | -131071 ... 131072   |
/// | `1111110`  | 25 bits | -2^24+1 ... 2^24     |
/// | `11111110` | 56 bits | -2^55+1 ... 2^55     |
/// | `11111111` | 64 bits | anything             |
///
/// The ranges are shifted by one against two's complement, as in Prometheus, because deltas of +1 are
/// more common than -2^(n-1).
enum VarbitInt {
    /// (prefix length in ones, payload bits) for each bucket after `0`.
    private static let buckets: [(ones: Int, bits: Int)] = [
        (1, 3), (2, 6), (3, 9), (4, 12), (5, 18), (6, 25), (7, 56), (8, 64),
    ]

    @inline(__always)
    private static func inRange(_ value: Int64, bits: Int) -> Bool {
        bits == 64 || (value >= -(Int64(1) << (bits - 1)) + 1 && value <= Int64(1) << (bits - 1))
    }

    static func write(_ value: Int64, to writer: inout BitWriter) {
        guard value != 0 else {
            writer.writeBit(false)
            return
        }
        for (ones, bits) in buckets where inRange(value, bits: bits) {
            // `ones` one bits, then a zero bit unless the prefix is the full eight ones.
            let prefix: UInt64 = ones == 8 ? 0xFF : ((1 << UInt64(ones)) - 1) << 1
            writer.writeBits(prefix, count: ones == 8 ? 8 : ones + 1)
            // Store 2^bits - v for values above the two's complement maximum (only +2^(bits-1)).
            writer.writeBits(UInt64(bitPattern: value) & mask(bits), count: bits)
            return
        }
    }

    @inline(__always)
    private static func mask(_ bits: Int) -> UInt64 {
        bits == 64 ? ~0 : (1 << UInt64(bits)) - 1
    }

    static func read(from reader: inout BitReader) throws(ChunkDecodingError) -> Int64 {
        var ones = 0
        while ones < 8, try reader.readBit() {
            ones += 1
        }
        guard ones > 0 else { return 0 }
        let bits = buckets[ones - 1].bits
        let raw = try reader.readBits(bits)
        guard bits < 64 else { return Int64(bitPattern: raw) }
        // Values above 2^(bits-1) - 1 are negative, except +2^(bits-1) itself (the shifted range).
        let half = UInt64(1) << UInt64(bits - 1)
        if raw > half { return Int64(bitPattern: raw) - Int64(bitPattern: mask(bits)) - 1 }
        return Int64(bitPattern: raw)
    }
}
