/// Integer values: the first as a zigzag varint, each later one as its difference from the previous in
/// `VarbitInt` (Prometheus `varbit.go`), so a constant costs 1 bit and a slowly moving counter a few.
///
/// Differences wrap (two's complement), so `Int64.min` after `Int64.max` round-trips through the
/// 64-bit bucket. Plain deltas rather than delta-of-delta: most integer tags are levels and states,
/// whose deltas are mostly zero, not steady counters.
struct IntegerEncoder: Sendable {
    private(set) var writer = BitWriter()
    private var previous: Int64 = 0
    private var count = 0

    init() {}

    mutating func append(_ value: Int64) {
        if count == 0 {
            writer.writeVarInt(value)
        } else {
            VarbitInt.write(value &- previous, to: &writer)
        }
        previous = value
        count += 1
    }
}

/// Reads a section written by `IntegerEncoder`.
struct IntegerDecoder: Sendable {
    private var reader: BitReader
    private var previous: Int64 = 0
    private var count = 0

    init(reader: BitReader) {
        self.reader = reader
    }

    mutating func next() throws(ChunkDecodingError) -> Int64 {
        if count == 0 {
            previous = try reader.readVarInt()
        } else {
            previous &+= try VarbitInt.read(from: &reader)
        }
        count += 1
        return previous
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
