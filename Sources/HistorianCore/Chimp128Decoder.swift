/// Reads a Chimp128 stream (see `Chimp128Encoder` for the layout).
struct Chimp128Decoder: Sendable {
    private var reader: BitReader
    private var ring: [UInt64] = []
    private var count = 0
    private var storedLeadingZeros = 65

    init(reader: BitReader) {
        self.reader = reader
    }

    mutating func next() throws(ChunkDecodingError) -> Double {
        let window = Chimp128Encoder.window
        guard count > 0 else {
            let bits = try reader.readBits(64)
            ring = Array(repeating: 0, count: window)
            ring[0] = bits
            count = 1
            return Double(bitPattern: bits)
        }
        let start = reader
        let previous = ring[(count - 1) % window]
        let bits: UInt64
        switch try reader.readBits(2) {
        case 0b00:
            bits = ring[Int(try reader.readBits(7))]
            storedLeadingZeros = 65
        case 0b01:
            let fields = try reader.readBits(16)
            let index = Int(fields >> 9)
            let leading = Chimp128Encoder.leadingRound[Int((fields >> 6) & 0b111)]
            let significant = Int(fields & 0b11_1111)
            let trailing = 64 - leading - significant
            // The encoder only uses `01` for more than 13 trailing zeros and a non-zero XOR.
            guard significant > 0, trailing > Chimp128Encoder.threshold else {
                throw start.error(.malformed, "a Chimp128 value has an impossible bit length")
            }
            bits = ring[index] ^ (try reader.readBits(significant) << UInt64(trailing))
            storedLeadingZeros = 65
        case 0b10:
            guard storedLeadingZeros <= 64 else {
                throw start.error(.malformed, "a Chimp128 value reuses a leading-zero count that was never set")
            }
            bits = previous ^ (try reader.readBits(64 - storedLeadingZeros))
        default:
            storedLeadingZeros = Chimp128Encoder.leadingRound[Int(try reader.readBits(3))]
            bits = previous ^ (try reader.readBits(64 - storedLeadingZeros))
        }
        ring[count % window] = bits
        count += 1
        return Double(bitPattern: bits)
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
