import MillraceCore

/// A compressed run of samples of one tag, format version 1 (docs/format/chunk-v1.md).
///
/// `init(_:)` checks the header, the section lengths and the CRC-32C; the samples are decoded lazily by a
/// `ChunkDecoder`, or all at once by `Chunk.decode(_:)`. Any input, however hostile, gives samples or a
/// `ChunkDecodingError`: never a trap, a hang, or memory beyond a fixed multiple of the input size.
public struct Chunk: Sendable {
    /// `MRCK`: Millrace chunk.
    public static let magic: [UInt8] = [0x4D, 0x52, 0x43, 0x4B]
    /// The format version this build writes and reads.
    public static let version: UInt8 = 1
    /// The most samples one chunk may hold (2^24), which keeps every section length within 32 bits.
    public static let maximumSampleCount = 1 << 24

    static let headerSize = 40
    static let checksumSize = 4

    /// The kind of every value in the chunk.
    public let kind: ValueKind
    /// The number of samples.
    public let count: Int
    /// The time of the first sample (the epoch for an empty chunk).
    public let firstTime: Timestamp
    /// The time of the last sample (the epoch for an empty chunk).
    public let lastTime: Timestamp
    /// The whole chunk as it was read.
    public let bytes: [UInt8]

    let valueEncoding: UInt8
    let timeSection: Range<Int>
    let valueSection: Range<Int>
    let qualitySection: Range<Int>

    /// Checks the header, the section lengths and the checksum of `bytes`, which must be exactly one chunk.
    public init(_ bytes: some Collection<UInt8>) throws(ChunkDecodingError) {
        let bytes = Array(bytes)
        func fail(_ code: ChunkDecodingError.Code, at offset: Int, _ reason: String) -> ChunkDecodingError {
            ChunkDecodingError(code: code, offset: offset, bytes: bytes, reason: reason)
        }
        // Magic and version first, on whatever is there, so a foreign or newer file is named as such.
        for (offset, expected) in Self.magic.enumerated() where offset < bytes.count && bytes[offset] != expected {
            throw fail(.badMagic, at: 0, "the bytes do not start with MRCK")
        }
        if bytes.count > 4, bytes[4] != Self.version {
            throw fail(.unsupportedVersion, at: 4, "chunk format version \(bytes[4]) is not \(Self.version)")
        }
        guard bytes.count >= Self.headerSize + Self.checksumSize else {
            throw fail(.truncated, at: bytes.count, "\(bytes.count) bytes are too few for a chunk header")
        }
        let timeLength = Int(bytes.readUInt32(at: 28))
        let valueLength = Int(bytes.readUInt32(at: 32))
        let qualityLength = Int(bytes.readUInt32(at: 36))
        let total = Self.headerSize + timeLength + valueLength + qualityLength + Self.checksumSize
        guard bytes.count >= total else {
            throw fail(.truncated, at: bytes.count, "the header announces \(total) bytes, there are \(bytes.count)")
        }
        guard bytes.count == total else {
            throw fail(.malformed, at: total, "\(bytes.count - total) bytes follow the checksum")
        }
        let stored = bytes.readUInt32(at: total - Self.checksumSize)
        let computed = CRC32C.checksum(bytes[0..<(total - Self.checksumSize)])
        guard stored == computed else {
            throw fail(
                .checksumMismatch, at: total - Self.checksumSize,
                "CRC-32C is 0x\(String(computed, radix: 16)), the chunk says 0x\(String(stored, radix: 16))")
        }
        guard let kind = ValueKind(chunkCode: bytes[5]) else {
            throw fail(.unsupportedValueKind, at: 5, "unknown value kind \(bytes[5])")
        }
        guard Self.isKnown(encoding: bytes[6], for: kind) else {
            throw fail(.unsupportedEncoding, at: 6, "unknown encoding \(bytes[6]) for \(kind) values")
        }
        guard bytes[7] == 0 else { throw fail(.malformed, at: 7, "the reserved byte is not zero") }
        let count = Int(bytes.readUInt32(at: 8))
        // Every sample after the first costs at least one bit of the time section: a count the
        // section cannot hold is a lie, caught here before anything is sized by it.
        guard count <= Self.maximumSampleCount, count <= timeLength * 8 + 1 else {
            throw fail(.countMismatch, at: 8, "\(count) samples cannot fit in a time section of \(timeLength) bytes")
        }
        let firstTime = Int64(bitPattern: bytes.readUInt64(at: 12))
        let lastTime = Int64(bitPattern: bytes.readUInt64(at: 20))
        if count == 0 {
            guard timeLength == 0, valueLength == 0, qualityLength == 0 else {
                throw fail(.countMismatch, at: 8, "an empty chunk has non-empty sections")
            }
            guard firstTime == 0, lastTime == 0 else { throw fail(.malformed, at: 12, "an empty chunk has times") }
        }
        guard firstTime <= lastTime else { throw fail(.malformed, at: 12, "the first time is after the last") }
        self.kind = kind
        self.count = count
        self.firstTime = Timestamp(microseconds: firstTime)
        self.lastTime = Timestamp(microseconds: lastTime)
        self.valueEncoding = bytes[6]
        self.bytes = bytes
        let timeStart = Self.headerSize
        self.timeSection = timeStart..<(timeStart + timeLength)
        self.valueSection = timeSection.upperBound..<(timeSection.upperBound + valueLength)
        self.qualitySection = valueSection.upperBound..<(valueSection.upperBound + qualityLength)
    }

    /// A decoder that yields the samples one at a time.
    public func makeDecoder() -> ChunkDecoder {
        ChunkDecoder(chunk: self)
    }

    /// Decodes every sample of a chunk.
    public static func decode(_ bytes: some Collection<UInt8>) throws(ChunkDecodingError) -> [Sample] {
        let chunk = try Chunk(bytes)
        var decoder = chunk.makeDecoder()
        var samples: [Sample] = []
        samples.reserveCapacity(chunk.count)
        while let sample = try decoder.decodeNext() {
            samples.append(sample)
        }
        return samples
    }

    // Value encodings, per kind (docs/format/chunk-v1.md §Values).
    static let chimp128Encoding: UInt8 = 1
    static let decimalEncoding: UInt8 = 2
    static let deltaEncoding: UInt8 = 1
    static let runEncoding: UInt8 = 1
    static let dictionaryEncoding: UInt8 = 1

    static func isKnown(encoding: UInt8, for kind: ValueKind) -> Bool {
        switch kind {
        case .double: encoding == chimp128Encoding || encoding == decimalEncoding
        case .integer: encoding == deltaEncoding
        case .bool: encoding == runEncoding
        case .string: encoding == dictionaryEncoding
        }
    }
}

extension ValueKind {
    /// The kind byte of a chunk header. Stored on disk: never renumber.
    var chunkCode: UInt8 {
        switch self {
        case .double: 1
        case .integer: 2
        case .bool: 3
        case .string: 4
        }
    }

    init?(chunkCode: UInt8) {
        switch chunkCode {
        case 1: self = .double
        case 2: self = .integer
        case 3: self = .bool
        case 4: self = .string
        default: return nil
        }
    }
}

extension [UInt8] {
    func readUInt32(at offset: Int) -> UInt32 {
        self[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    func readUInt64(at offset: Int) -> UInt64 {
        self[offset..<(offset + 8)].reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func appendBigEndian(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func appendBigEndian(_ value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
