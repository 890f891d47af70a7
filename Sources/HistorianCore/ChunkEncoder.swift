import MillraceCore

/// Builds one chunk from samples of one tag, compressing as they arrive.
///
/// An open encoder holds only compressed bits (plus 1 KiB of Chimp128 window for doubles), so a store can
/// keep one per active tag. `finish()` makes the chunk bytes without changing the encoder; for doubles it
/// also tries the decimal encoding and keeps whichever is smaller.
///
/// ```swift
/// var encoder = ChunkEncoder(kind: .double)
/// try encoder.append(Sample(time: now, value: .double(23.4)))
/// let bytes = encoder.finish()
/// let samples = try Chunk.decode(bytes)
/// ```
public struct ChunkEncoder: Sendable {
    /// The kind of every value in the chunk.
    public let kind: ValueKind
    /// The number of samples appended.
    public private(set) var count = 0
    /// The time of the first sample, nil while empty.
    public private(set) var firstTime: Timestamp?
    /// The time of the last sample, nil while empty.
    public private(set) var lastTime: Timestamp?

    private var times = TimestampEncoder()
    private var qualities = QualityRunEncoder()
    // Exactly the one for `kind` is set. Optionals rather than an enum with payloads: `doubles!.append`
    // mutates in place, where taking a payload out of an enum would copy its buffers on every append.
    private var doubles: Chimp128Encoder?
    private var integers: IntegerEncoder?
    private var bools: BoolRunEncoder?
    private var strings: StringEncoder?

    /// An empty chunk for values of `kind`.
    public init(kind: ValueKind) {
        self.kind = kind
        switch kind {
        case .double: doubles = Chimp128Encoder()
        case .integer: integers = IntegerEncoder()
        case .bool: bools = BoolRunEncoder()
        case .string: strings = StringEncoder()
        }
    }

    /// Whether no sample has been appended.
    public var isEmpty: Bool { count == 0 }

    /// Appends a sample. Throws, leaving the chunk unchanged, if its value is not of the chunk's kind, if it
    /// is older than the last sample (equal times are allowed), or if the chunk is full.
    public mutating func append(_ sample: Sample) throws(ChunkEncodingError) {
        guard sample.value.kind == kind else {
            throw ChunkEncodingError(
                code: .kindMismatch, sampleIndex: count,
                reason: "a \(sample.value.kind) value cannot go into a chunk of \(kind) values")
        }
        if let lastTime, sample.time < lastTime {
            throw ChunkEncodingError(
                code: .outOfOrder, sampleIndex: count,
                reason: "time \(sample.time.microseconds) µs is before the last sample's \(lastTime.microseconds) µs")
        }
        guard count < Chunk.maximumSampleCount else {
            throw ChunkEncodingError(
                code: .chunkFull, sampleIndex: count,
                reason: "a chunk holds at most \(Chunk.maximumSampleCount) samples")
        }
        // The kind was checked above, so the encoder for the value's kind is the one that is set.
        switch sample.value {
        case .double(let value):
            doubles!.append(value)
        case .integer(let value):
            integers!.append(value)
        case .bool(let value):
            bools!.append(value)
        case .string(let value):
            guard strings!.byteCount(appending: value) <= Int(UInt32.max) else {
                throw ChunkEncodingError(
                    code: .chunkFull, sampleIndex: count, reason: "the chunk's strings would pass 4 GiB")
            }
            strings!.append(value)
        }
        times.append(sample.time.microseconds)
        qualities.append(sample.quality)
        if firstTime == nil { firstTime = sample.time }
        lastTime = sample.time
        count += 1
    }

    /// The chunk holding every sample appended so far. The encoder is unchanged and may take more samples.
    public func finish() -> [UInt8] {
        let (encoding, valueSection) = finishValues()
        let timeSection = times.finish()
        let qualitySection = qualities.finish().bytes

        var bytes: [UInt8] = []
        bytes.reserveCapacity(
            Chunk.headerSize + timeSection.count + valueSection.count + qualitySection.count + Chunk.checksumSize)
        bytes.append(contentsOf: Chunk.magic)
        bytes.append(Chunk.version)
        bytes.append(kind.chunkCode)
        bytes.append(encoding)
        bytes.append(0)  // reserved
        bytes.appendBigEndian(UInt32(count))
        bytes.appendBigEndian(UInt64(bitPattern: firstTime?.microseconds ?? 0))
        bytes.appendBigEndian(UInt64(bitPattern: lastTime?.microseconds ?? 0))
        bytes.appendBigEndian(UInt32(timeSection.count))
        bytes.appendBigEndian(UInt32(valueSection.count))
        bytes.appendBigEndian(UInt32(qualitySection.count))
        bytes.append(contentsOf: timeSection)
        bytes.append(contentsOf: valueSection)
        bytes.append(contentsOf: qualitySection)
        bytes.appendBigEndian(CRC32C.checksum(bytes))
        return bytes
    }

    private func finishValues() -> (encoding: UInt8, bytes: [UInt8]) {
        if let doubles {
            // Per-chunk choice (docs/format/chunk-v1.md): the decimal form wins for short decimals.
            if doubles.count > 0, let decimal = DecimalCodec.encode(doubles.values()),
                decimal.bitCount < doubles.bitCount
            {
                return (Chunk.decimalEncoding, decimal.bytes)
            }
            return (Chunk.chimp128Encoding, doubles.bytes)
        }
        if let integers { return (Chunk.deltaEncoding, integers.writer.bytes) }
        if let bools { return (Chunk.runEncoding, bools.finish().bytes) }
        if let strings { return (Chunk.dictionaryEncoding, strings.writer.bytes) }
        preconditionFailure("a chunk encoder always has a value encoder")
    }
}
