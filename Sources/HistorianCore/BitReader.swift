/// Reads a bit stream written by `BitWriter` from one section of a chunk.
///
/// Every read checks the section's end first: reading past it throws `truncated` with the byte offset
/// in the whole chunk, never traps. Offsets and excerpts refer to the chunk bytes the reader was made from.
struct BitReader: Sendable {
    /// The whole chunk (shared, not copied).
    let bytes: [UInt8]
    /// One past the last readable bit.
    let endBit: Int
    /// The next bit to read, counted from the start of `bytes`.
    private(set) var position: Int

    /// A reader over `bytes[range]`.
    init(bytes: [UInt8], range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count)
        self.bytes = bytes
        self.position = range.lowerBound &* 8
        self.endBit = range.upperBound &* 8
    }

    /// Bits left in the section.
    var remainingBits: Int { endBit &- position }

    /// The byte the next bit comes from.
    var byteOffset: Int { position >> 3 }

    /// An error at the current position.
    func error(_ code: ChunkDecodingError.Code, _ reason: String) -> ChunkDecodingError {
        ChunkDecodingError(code: code, offset: byteOffset, bytes: bytes, reason: reason)
    }

    mutating func readBit() throws(ChunkDecodingError) -> Bool {
        guard position < endBit else { throw error(.truncated, "the stream ends inside a value") }
        let byte = bytes[position >> 3]
        let bit = (byte >> UInt8(7 - (position & 7))) & 1
        position += 1
        return bit == 1
    }

    /// Reads `count` (0...64) bits, most significant first.
    mutating func readBits(_ count: Int) throws(ChunkDecodingError) -> UInt64 {
        precondition(count >= 0 && count <= 64, "a bit field is 0 to 64 bits wide")
        guard count <= remainingBits else { throw error(.truncated, "the stream ends inside a value") }
        var result: UInt64 = 0
        var remaining = count
        while remaining > 0 {
            let byte = UInt64(bytes[position >> 3])
            let available = 8 - (position & 7)
            let n = min(available, remaining)
            let field = (byte >> UInt64(available - n)) & ((1 << UInt64(n)) - 1)
            result = (result << UInt64(n)) | field
            position += n
            remaining -= n
        }
        return result
    }

    mutating func readByte() throws(ChunkDecodingError) -> UInt8 {
        UInt8(truncatingIfNeeded: try readBits(8))
    }

    /// Reads a two's complement field of `count` (1...64) bits and sign-extends it.
    mutating func readSigned(_ count: Int) throws(ChunkDecodingError) -> Int64 {
        let raw = try readBits(count)
        let shift = UInt64(64 - count)
        return Int64(bitPattern: raw << shift) >> Int64(shift)
    }

    /// Reads an unsigned LEB128 varint of at most 10 bytes; longer or overflowing ones are malformed.
    mutating func readVarUInt() throws(ChunkDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let start = self
            let byte = try readByte()
            if shift == 63 && byte > 1 {
                throw start.error(.malformed, "a varint overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// Reads a zigzag varint.
    mutating func readVarInt() throws(ChunkDecodingError) -> Int64 {
        ZigZag.decode(try readVarUInt())
    }

    /// Checks that only zero padding (fewer than 8 bits) is left, so a section holds nothing it does not use.
    func checkFinished() throws(ChunkDecodingError) {
        guard remainingBits < 8 else {
            throw error(.countMismatch, "the section holds more data than the sample count needs")
        }
        var copy = self
        if remainingBits > 0, try copy.readBits(remainingBits) != 0 {
            throw error(.malformed, "the padding at the end of a section is not zero")
        }
    }
}
