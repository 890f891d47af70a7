/// Booleans as runs: one byte with the first value (0 or 1), then the length of each run as an unsigned
/// varint, the value flipping from run to run. Digital tags change rarely, so a chunk of a pump's
/// running state is typically a handful of bytes.
struct BoolRunEncoder: Sendable {
    private var writer = BitWriter()
    private var current = false
    private var run: UInt64 = 0

    init() {}

    mutating func append(_ value: Bool) {
        if run == 0 {
            writer.writeByte(value ? 1 : 0)
        } else if value != current {
            writer.writeVarUInt(run)
            run = 0
        }
        current = value
        run += 1
    }

    /// The section, with the open run closed; empty for an empty chunk.
    func finish() -> BitWriter {
        var section = writer
        if run > 0 { section.writeVarUInt(run) }
        return section
    }
}

/// Reads a section written by `BoolRunEncoder`.
struct BoolRunDecoder: Sendable {
    private var reader: BitReader
    private var current = false
    private var remainingInRun: UInt64 = 0
    /// Samples not yet decoded; a run may not be longer.
    private var remainingSamples: UInt64
    private var started = false

    init(reader: BitReader, count: Int) {
        self.reader = reader
        self.remainingSamples = UInt64(count)
    }

    mutating func next() throws(ChunkDecodingError) -> Bool {
        if !started {
            let start = reader
            let first = try reader.readByte()
            guard first <= 1 else { throw start.error(.malformed, "the first boolean is \(first), not 0 or 1") }
            current = first == 1
            started = true
            // Flipped back below when the first run is read.
            current.toggle()
        }
        if remainingInRun == 0 {
            let start = reader
            let run = try reader.readVarUInt()
            guard run > 0 else { throw start.error(.malformed, "a boolean run has length zero") }
            guard run <= remainingSamples else {
                throw start.error(.countMismatch, "a boolean run of \(run) is longer than the samples left")
            }
            remainingInRun = run
            current.toggle()
        }
        remainingInRun -= 1
        remainingSamples -= 1
        return current
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
