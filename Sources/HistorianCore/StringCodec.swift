/// Strings: per value a prefix code, then its payload.
///
/// | prefix | then                                | meaning                                           |
/// |--------|-------------------------------------|---------------------------------------------------|
/// | `1`    | -                                   | the same bytes as the previous value              |
/// | `01`   | 8-bit index                         | entry `index` of the chunk's dictionary           |
/// | `00`   | varint byte length, the UTF-8 bytes | a literal, added to the dictionary if it has room |
///
/// The dictionary holds the first 256 distinct literals of the chunk.
///
/// Strings are compared by their UTF-8 bytes, not by Swift's `==` (which treats canonically equivalent
/// strings as equal), so every string round-trips byte for byte. Fields are not byte-aligned.
struct StringEncoder: Sendable {
    static let dictionaryCapacity = 256

    private(set) var writer = BitWriter()
    private var previous: [UInt8]?
    private var dictionary: [[UInt8]: UInt8] = [:]

    init() {}

    /// The section size in bytes after appending `value`, at most.
    func byteCount(appending value: String) -> Int {
        writer.bytes.count + value.utf8.count + 11
    }

    mutating func append(_ value: String) {
        let bytes = Array(value.utf8)
        defer { previous = bytes }
        if bytes == previous {
            writer.writeBit(true)
        } else if let index = dictionary[bytes] {
            writer.writeBits(0b01, count: 2)
            writer.writeBits(UInt64(index), count: 8)
        } else {
            writer.writeBits(0b00, count: 2)
            writer.writeVarUInt(UInt64(bytes.count))
            for byte in bytes { writer.writeByte(byte) }
            if dictionary.count < Self.dictionaryCapacity {
                dictionary[bytes] = UInt8(dictionary.count)
            }
        }
    }
}

/// Reads a section written by `StringEncoder`. The dictionary holds only strings read from the input,
/// so its size is bounded by the input's.
struct StringDecoder: Sendable {
    private var reader: BitReader
    private var previous: String?
    private var dictionary: [String] = []

    init(reader: BitReader) {
        self.reader = reader
    }

    mutating func next() throws(ChunkDecodingError) -> String {
        let start = reader
        let value: String
        if try reader.readBit() {
            guard let previous else { throw start.error(.malformed, "the first string refers to a previous one") }
            value = previous
        } else if try reader.readBit() {
            let index = Int(try reader.readBits(8))
            guard index < dictionary.count else {
                throw start.error(.malformed, "string dictionary entry \(index) does not exist")
            }
            value = dictionary[index]
        } else {
            let lengthStart = reader
            let length = try reader.readVarUInt()
            // Check before allocating: a lying length must not reserve memory the input cannot fill.
            guard length <= UInt64(reader.remainingBits / 8) else {
                throw lengthStart.error(
                    .truncated, "a string of \(length) bytes is longer than the rest of its section")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(length))
            for _ in 0..<length { bytes.append(try reader.readByte()) }
            let string = String(decoding: bytes, as: UTF8.self)
            guard string.utf8.elementsEqual(bytes) else {
                throw lengthStart.error(.invalidString, "a string is not valid UTF-8")
            }
            if dictionary.count < StringEncoder.dictionaryCapacity { dictionary.append(string) }
            value = string
        }
        previous = value
        return value
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
