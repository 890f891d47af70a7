import MillraceCore

/// Qualities as runs: for each run, its length as an unsigned varint and the 2-byte `Quality.rawValue`
/// (big endian). Quality changes only when a source fails or recovers, so a chunk usually has one run.
struct QualityRunEncoder: Sendable {
    private var writer = BitWriter()
    private var current = Quality.good
    private var run: UInt64 = 0

    init() {}

    mutating func append(_ quality: Quality) {
        if run > 0 && quality != current {
            Self.writeRun(run, current, to: &writer)
            run = 0
        }
        current = quality
        run += 1
    }

    private static func writeRun(_ run: UInt64, _ quality: Quality, to writer: inout BitWriter) {
        writer.writeVarUInt(run)
        writer.writeBits(UInt64(quality.rawValue), count: 16)
    }

    /// The section, with the open run closed; empty for an empty chunk.
    func finish() -> BitWriter {
        var section = writer
        if run > 0 { Self.writeRun(run, current, to: &section) }
        return section
    }
}

/// Reads a section written by `QualityRunEncoder`.
struct QualityRunDecoder: Sendable {
    private var reader: BitReader
    private var current = Quality.good
    private var remainingInRun: UInt64 = 0
    private var remainingSamples: UInt64

    init(reader: BitReader, count: Int) {
        self.reader = reader
        self.remainingSamples = UInt64(count)
    }

    mutating func next() throws(ChunkDecodingError) -> Quality {
        if remainingInRun == 0 {
            let start = reader
            let run = try reader.readVarUInt()
            guard run > 0 else { throw start.error(.malformed, "a quality run has length zero") }
            guard run <= remainingSamples else {
                throw start.error(.countMismatch, "a quality run of \(run) is longer than the samples left")
            }
            let codeStart = reader
            let raw = UInt16(try reader.readBits(16))
            guard let quality = Quality(rawValue: raw) else {
                throw codeStart.error(.invalidQuality, "unknown quality code 0x\(String(raw, radix: 16))")
            }
            current = quality
            remainingInRun = run
        }
        remainingInRun -= 1
        remainingSamples -= 1
        return current
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
