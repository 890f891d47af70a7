/// Delta-of-delta timestamp compression (Gorilla, Pelkonen et al., VLDB 2015, §4.1.1), adapted to
/// microseconds.
///
/// The first time is a zigzag varint, the first delta an unsigned varint (times never decrease), and
/// every later time the difference of consecutive deltas ("dod") in a prefix code:
///
/// | prefix    | payload        | range of dod           | covers                                   |
/// |-----------|----------------|------------------------|------------------------------------------|
/// | `0`       | -              | 0                      | a perfectly regular clock                |
/// | `10`      | 5-bit signed   | -16 ... 15             | a few ms of jitter in millisecond units  |
/// | `110`     | 9-bit signed   | -256 ... 255           | tens of ms in ms, a few hundred µs in µs |
/// | `1110`    | 12-bit signed  | -2048 ... 2047         | ±2 ms of jitter in microseconds          |
/// | `11110`   | 15-bit signed  | -16384 ... 16383       | ±16 ms in microseconds                   |
/// | `111110`  | 20-bit signed  | -2^19 ... 2^19-1       | ±0.5 s in microseconds                   |
/// | `1111110` | 32-bit signed  | -2^31 ... 2^31-1       | ±35 min in microseconds                  |
/// | `1111111` | 64-bit raw     | anything               | gaps, clock steps                        |
///
/// Gorilla's buckets (7/9/12/32 bits) were sized for seconds; ours add a 5-bit bucket for millisecond
/// units and finer steps for microsecond jitter, chosen by simulating 1 Hz polls with 0.1 to 5 ms of
/// jitter (1 to 2.5 bits per sample less than Gorilla's or Prometheus' tables on those series).
///
/// Before the stream comes one byte, the unit exponent `u` (0, 3 or 6): every time in the chunk is a
/// multiple of 10^u µs and is stored divided by it, so data stamped to the millisecond or second (most
/// PLC and OPC UA sources) costs no more than in Gorilla. All arithmetic wraps (two's complement), so
/// any `Int64` times round-trip, including huge gaps.
struct TimestampEncoder: Sendable {
    /// The stream in microseconds (unit exponent 0), written as samples arrive.
    private var writer = BitWriter()
    private(set) var count = 0
    private var previous: Int64 = 0
    private var previousDelta: Int64 = 0
    /// The largest unit (as a power of ten) that divides every time so far.
    private var unitExponent = 6

    init() {}

    /// The unit exponents the format knows, largest first.
    static let unitExponents = [6, 3, 0]

    static func scale(ofUnitExponent exponent: Int) -> Int64 {
        switch exponent {
        case 6: 1_000_000
        case 3: 1_000
        default: 1
        }
    }

    /// Appends a time; the caller has checked it is not before the previous one.
    mutating func append(_ time: Int64) {
        while unitExponent > 0 && time % Self.scale(ofUnitExponent: unitExponent) != 0 {
            unitExponent -= 3
        }
        Self.write(time, index: count, previous: &previous, previousDelta: &previousDelta, to: &writer)
        count += 1
    }

    private static func write(
        _ time: Int64, index: Int, previous: inout Int64, previousDelta: inout Int64, to writer: inout BitWriter
    ) {
        switch index {
        case 0:
            writer.writeVarInt(time)
        case 1:
            previousDelta = time &- previous
            writer.writeVarUInt(UInt64(bitPattern: previousDelta))
        default:
            let delta = time &- previous
            writeDeltaOfDelta(delta &- previousDelta, to: &writer)
            previousDelta = delta
        }
        previous = time
    }

    /// Payload widths of the delta-of-delta buckets after `0`; bucket `i` has the prefix of `i + 1` ones and a
    /// zero, except the last, which is all ones.
    static let deltaOfDeltaWidths = [5, 9, 12, 15, 20, 32, 64]

    static func writeDeltaOfDelta(_ dod: Int64, to writer: inout BitWriter) {
        guard dod != 0 else {
            writer.writeBit(false)
            return
        }
        let last = deltaOfDeltaWidths.count - 1
        for (index, width) in deltaOfDeltaWidths.enumerated() where index == last || fits(dod, bits: width) {
            let ones = UInt64(index + 1)
            if index == last {
                writer.writeBits((1 << ones) - 1, count: index + 1)
            } else {
                writer.writeBits(((1 << ones) - 1) << 1, count: index + 2)
            }
            writer.writeSigned(dod, count: width)
            return
        }
    }

    @inline(__always)
    static func fits(_ value: Int64, bits: Int) -> Bool {
        let limit = Int64(1) << (bits - 1)
        return value >= -limit && value < limit
    }

    /// The finished section: the unit byte and the stream in that unit; empty for an empty chunk.
    func finish() -> [UInt8] {
        guard count > 0 else { return [] }
        var section = BitWriter()
        section.writeByte(UInt8(unitExponent))
        if unitExponent == 0 {
            var bytes = section.bytes
            bytes.append(contentsOf: writer.bytes)
            return bytes
        }
        // Re-encode in the coarser unit. The times are recovered from our own stream, so an open
        // encoder keeps only the compressed bits, never a buffer of raw times.
        let scale = Self.scale(ofUnitExponent: unitExponent)
        var decoder = TimestampDecoder(reader: BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count), scale: 1)
        var previous: Int64 = 0
        var previousDelta: Int64 = 0
        for index in 0..<count {
            guard let time = try? decoder.next() else { preconditionFailure("own timestamp stream unreadable") }
            Self.write(time / scale, index: index, previous: &previous, previousDelta: &previousDelta, to: &section)
        }
        return section.bytes
    }
}
