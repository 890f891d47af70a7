import MillraceCore

/// Yields the samples of a `Chunk` one at a time, in the manner of Prometheus chunk iterators.
///
/// Use `decodeNext()` to get errors as they happen, or `next()` (the `IteratorProtocol` form) and check
/// `error` once it returns nil: the error is sticky and ends the iteration.
/// After the last sample the decoder checks that every section is used up, so a chunk whose sections hold
/// more than the header's count is reported rather than silently cut.
public struct ChunkDecoder: IteratorProtocol, Sendable {
    /// The chunk being decoded.
    public let chunk: Chunk
    /// The index of the next sample.
    public private(set) var index = 0
    /// The error that ended the iteration, if any.
    public private(set) var error: ChunkDecodingError?

    private var times: TimestampDecoder
    private var qualities: QualityRunDecoder
    // Exactly the one for the chunk's kind and encoding is set; optionals so that `chimp128!.next()`
    // mutates in place (a decoder taken out of an enum payload would copy its window on every value).
    private var chimp128: Chimp128Decoder?
    private var decimal: DecimalDecoder?
    private var integers: IntegerDecoder?
    private var bools: BoolRunDecoder?
    private var strings: StringDecoder?
    private var previousTime: Int64 = .min
    private var isFinished = false

    init(chunk: Chunk) {
        self.chunk = chunk
        times = TimestampDecoder(reader: BitReader(bytes: chunk.bytes, range: chunk.timeSection))
        qualities = QualityRunDecoder(
            reader: BitReader(bytes: chunk.bytes, range: chunk.qualitySection), count: chunk.count)
        let reader = BitReader(bytes: chunk.bytes, range: chunk.valueSection)
        switch chunk.kind {
        case .double where chunk.valueEncoding == Chunk.decimalEncoding: decimal = DecimalDecoder(reader: reader)
        case .double: chimp128 = Chimp128Decoder(reader: reader)
        case .integer: integers = IntegerDecoder(reader: reader)
        case .bool: bools = BoolRunDecoder(reader: reader, count: chunk.count)
        case .string: strings = StringDecoder(reader: reader)
        }
    }

    /// The next sample, or nil after the last one or after an error (then see `error`).
    public mutating func next() -> Sample? {
        do {
            return try decodeNext()
        } catch {
            return nil
        }
    }

    /// The next sample, nil after the last one; throws the first error found, and again on later calls.
    public mutating func decodeNext() throws(ChunkDecodingError) -> Sample? {
        if let error { throw error }
        do {
            return try step()
        } catch {
            self.error = error
            throw error
        }
    }

    private mutating func step() throws(ChunkDecodingError) -> Sample? {
        guard index < chunk.count else {
            if !isFinished {
                try checkFinished()
                isFinished = true
            }
            return nil
        }
        let timeOffset = times.byteOffset
        let time = try times.next()
        if index == 0 {
            guard time == chunk.firstTime.microseconds else {
                throw ChunkDecodingError(
                    code: .malformed, offset: chunk.timeSection.lowerBound, bytes: chunk.bytes,
                    reason: "the first time \(time) differs from the header's \(chunk.firstTime.microseconds)")
            }
        } else if time < previousTime {
            throw ChunkDecodingError(
                code: .malformed, offset: timeOffset, bytes: chunk.bytes,
                reason: "sample \(index) is older than the one before it")
        }
        previousTime = time
        let value = try nextValue()
        let quality = try qualities.next()
        index += 1
        return Sample(time: Timestamp(microseconds: time), value: value, quality: quality)
    }

    private mutating func nextValue() throws(ChunkDecodingError) -> DataValue {
        switch chunk.kind {
        case .double where decimal != nil: .double(try decimal!.next())
        case .double: .double(try chimp128!.next())
        case .integer: .integer(try integers!.next())
        case .bool: .bool(try bools!.next())
        case .string: .string(try strings!.next())
        }
    }

    private func checkFinished() throws(ChunkDecodingError) {
        if chunk.count > 0 && previousTime != chunk.lastTime.microseconds {
            throw ChunkDecodingError(
                code: .malformed, offset: 20, bytes: chunk.bytes,
                reason: "the last time \(previousTime) differs from the header's \(chunk.lastTime.microseconds)")
        }
        try times.checkFinished()
        try chimp128?.checkFinished()
        try decimal?.checkFinished()
        try integers?.checkFinished()
        try bools?.checkFinished()
        try strings?.checkFinished()
        try qualities.checkFinished()
    }
}
