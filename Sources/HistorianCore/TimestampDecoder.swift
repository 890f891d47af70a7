/// Reads the timestamp section written by `TimestampEncoder`: the unit byte, then the delta-of-delta stream.
struct TimestampDecoder: Sendable {
    private var reader: BitReader
    /// Microseconds per stored unit; nil until the unit byte has been read.
    private var scale: Int64?
    private var index = 0
    private var previous: Int64 = 0
    private var delta: Int64 = 0

    /// A decoder over a whole section (which starts with the unit byte).
    init(reader: BitReader) {
        self.reader = reader
    }

    /// A decoder over a bare stream with a known scale (no unit byte), for re-encoding.
    init(reader: BitReader, scale: Int64) {
        self.reader = reader
        self.scale = scale
    }

    /// The next time in microseconds.
    mutating func next() throws(ChunkDecodingError) -> Int64 {
        let scale: Int64
        if let known = self.scale {
            scale = known
        } else {
            let start = reader
            let exponent = Int(try reader.readByte())
            guard TimestampEncoder.unitExponents.contains(exponent) else {
                throw start.error(.unsupportedEncoding, "unknown time unit exponent \(exponent)")
            }
            scale = TimestampEncoder.scale(ofUnitExponent: exponent)
            self.scale = scale
        }
        let start = reader
        switch index {
        case 0:
            previous = try reader.readVarInt()
        case 1:
            delta = Int64(bitPattern: try reader.readVarUInt())
            previous &+= delta
        default:
            delta &+= try readDeltaOfDelta()
            previous &+= delta
        }
        index += 1
        let (time, overflow) = previous.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw start.error(.malformed, "a time overflows 64 bits") }
        return time
    }

    private mutating func readDeltaOfDelta() throws(ChunkDecodingError) -> Int64 {
        // The prefix is a run of ones ended by a zero, or all ones for the last bucket (TimestampEncoder).
        let widths = TimestampEncoder.deltaOfDeltaWidths
        var ones = 0
        while ones < widths.count, try reader.readBit() {
            ones += 1
        }
        guard ones > 0 else { return 0 }
        return try reader.readSigned(widths[ones - 1])
    }

    /// The byte the next time starts in (or continues in), for error offsets.
    var byteOffset: Int { reader.byteOffset }

    /// Checks that the section ends after the last time.
    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
