import MillraceCore

/// One sample as the write-ahead log carries it: the store's numeric tag id instead of the tag name.
public struct WALSample: Hashable, Sendable {
    public var tagID: Int64
    public var sample: Sample

    public init(tagID: Int64, sample: Sample) {
        self.tagID = tagID
        self.sample = sample
    }
}

/// The write-ahead log's byte format (docs/format/wal-v1.md): a file header, then records, each
/// `length (u32 LE) | CRC-32C of payload (u32 LE) | payload`. A payload is one appended batch, so a batch is
/// either wholly in the log or (torn by a crash before it was acknowledged) wholly absent.
public enum WALFormat {
    public static let magic: [UInt8] = [0x4D, 0x52, 0x57, 0x4C]  // "MRWL"
    public static let version: UInt8 = 1
    /// Magic, version, three reserved zero bytes.
    public static let headerSize = 8
    public static let recordHeaderSize = 8
    /// The largest payload a record may have; a larger length field is corruption.
    public static let maximumPayloadSize = 64 << 20
    static let samplesRecordType: UInt8 = 1

    public static var fileHeader: [UInt8] { magic + [version, 0, 0, 0] }

    /// Encodes one batch as a complete record (header and payload).
    public static func encodeRecord(_ samples: [WALSample]) -> [UInt8] {
        var payload: [UInt8] = [samplesRecordType]
        payload.reserveCapacity(16 + samples.count * 16)
        appendVarint(UInt64(samples.count), to: &payload)
        for entry in samples {
            appendVarint(UInt64(bitPattern: entry.tagID), to: &payload)
            appendVarint(zigzag(entry.sample.time.microseconds), to: &payload)
            switch entry.sample.value {
            case .double(let value):
                payload.append(0)
                appendLittleEndian(value.bitPattern, to: &payload)
            case .integer(let value):
                payload.append(1)
                appendVarint(zigzag(value), to: &payload)
            case .bool(let value):
                payload.append(value ? 3 : 2)
            case .string(let value):
                payload.append(4)
                let bytes = Array(value.utf8)
                appendVarint(UInt64(bytes.count), to: &payload)
                payload += bytes
            }
            let quality = entry.sample.quality.rawValue
            payload.append(UInt8(quality & 0xFF))
            payload.append(UInt8(quality >> 8))
        }
        var record: [UInt8] = []
        record.reserveCapacity(payload.count + recordHeaderSize)
        appendLittleEndian(UInt32(payload.count), to: &record)
        appendLittleEndian(CRC32C.checksum(payload), to: &record)
        record += payload
        return record
    }

    /// The result of reading a log: every intact record in order, and where the intact part ends.
    public struct ReadResult: Sendable {
        public var batches: [[WALSample]]
        /// The length of the valid prefix of the file; bytes after it are a torn or corrupt tail.
        public var validLength: Int
        /// Why reading stopped before the end of the bytes, if it did.
        public var tailProblem: WALDecodingError?
    }

    /// Reads a whole log file's bytes. A bad file header is an error; a torn or corrupt record ends the
    /// intact prefix and is reported in `tailProblem` (never a trap).
    public static func read(_ bytes: [UInt8]) throws(WALDecodingError) -> ReadResult {
        guard bytes.count >= headerSize else {
            if bytes.isEmpty { return ReadResult(batches: [], validLength: 0, tailProblem: nil) }
            throw WALDecodingError(.truncatedHeader, offset: 0, "the file is \(bytes.count) bytes, shorter than its header")
        }
        guard Array(bytes[0..<4]) == magic else {
            throw WALDecodingError(.badMagic, offset: 0, "the file does not start with MRWL")
        }
        guard bytes[4] == version else {
            throw WALDecodingError(.unsupportedVersion, offset: 4, "version \(bytes[4]); this build reads version \(version)")
        }
        var offset = headerSize
        var batches: [[WALSample]] = []
        while offset < bytes.count {
            guard bytes.count - offset >= recordHeaderSize else {
                return ReadResult(batches: batches, validLength: offset, tailProblem: WALDecodingError(.tornRecord, offset: offset, "a record header is cut short"))
            }
            let length = Int(readLittleEndianUInt32(bytes, offset))
            let checksum = readLittleEndianUInt32(bytes, offset + 4)
            guard length > 0, length <= maximumPayloadSize else {
                return ReadResult(batches: batches, validLength: offset, tailProblem: WALDecodingError(.corruptRecord, offset: offset, "record length \(length) is out of range"))
            }
            let start = offset + recordHeaderSize
            guard bytes.count - start >= length else {
                return ReadResult(batches: batches, validLength: offset, tailProblem: WALDecodingError(.tornRecord, offset: offset, "a record of \(length) bytes is cut short at \(bytes.count - start)"))
            }
            let payload = bytes[start..<(start + length)]
            guard CRC32C.checksum(payload) == checksum else {
                return ReadResult(batches: batches, validLength: offset, tailProblem: WALDecodingError(.checksumMismatch, offset: offset, "the record's checksum does not match"))
            }
            do {
                batches.append(try decodePayload(payload))
            } catch {
                return ReadResult(batches: batches, validLength: offset, tailProblem: error)
            }
            offset = start + length
        }
        return ReadResult(batches: batches, validLength: offset, tailProblem: nil)
    }

    static func decodePayload(_ payload: ArraySlice<UInt8>) throws(WALDecodingError) -> [WALSample] {
        var reader = ByteReader(bytes: payload)
        let type = try reader.byte()
        guard type == samplesRecordType else {
            throw WALDecodingError(.corruptRecord, offset: payload.startIndex, "unknown record type \(type)")
        }
        let count = try reader.varint()
        // Every sample takes at least 5 bytes: a count beyond that is a lie, refused before allocating.
        guard count <= UInt64(payload.count / 5) else {
            throw WALDecodingError(.corruptRecord, offset: payload.startIndex, "sample count \(count) cannot fit in \(payload.count) bytes")
        }
        var samples: [WALSample] = []
        samples.reserveCapacity(Int(count))
        for _ in 0..<count {
            let tagID = Int64(bitPattern: try reader.varint())
            let time = Timestamp(microseconds: unzigzag(try reader.varint()))
            let value: DataValue
            switch try reader.byte() {
            case 0: value = .double(Double(bitPattern: try reader.uint64()))
            case 1: value = .integer(unzigzag(try reader.varint()))
            case 2: value = .bool(false)
            case 3: value = .bool(true)
            case 4:
                let length = try reader.varint()
                let bytes = try reader.bytes(length)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw WALDecodingError(.corruptRecord, offset: reader.offset, "a string is not UTF-8")
                }
                value = .string(text)
            case let other:
                throw WALDecodingError(.corruptRecord, offset: reader.offset, "unknown value kind \(other)")
            }
            let low = UInt16(try reader.byte()), high = UInt16(try reader.byte())
            guard let quality = Quality(rawValue: high << 8 | low) else {
                throw WALDecodingError(.corruptRecord, offset: reader.offset, "unknown quality code \(high << 8 | low)")
            }
            samples.append(WALSample(tagID: tagID, sample: Sample(time: time, value: value, quality: quality)))
        }
        guard reader.isAtEnd else {
            throw WALDecodingError(.corruptRecord, offset: reader.offset, "bytes left over after \(count) samples")
        }
        return samples
    }
}

/// A write-ahead log that cannot be read.
public struct WALDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let truncatedHeader = Code(name: "truncatedHeader")
        public static let badMagic = Code(name: "badMagic")
        public static let unsupportedVersion = Code(name: "unsupportedVersion")
        public static let tornRecord = Code(name: "tornRecord")
        public static let corruptRecord = Code(name: "corruptRecord")
        public static let checksumMismatch = Code(name: "checksumMismatch")
        public var description: String { name }
    }

    public var code: Code
    public var offset: Int
    public var reason: String

    public init(_ code: Code, offset: Int, _ reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(code) at byte \(offset): \(reason)" }
}

struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var offset: Int

    init(bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.offset = bytes.startIndex
    }

    var isAtEnd: Bool { offset >= bytes.endIndex }

    mutating func byte() throws(WALDecodingError) -> UInt8 {
        guard offset < bytes.endIndex else { throw WALDecodingError(.corruptRecord, offset: offset, "unexpected end of record") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() throws(WALDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try self.byte()
            guard shift < 64 else { throw WALDecodingError(.corruptRecord, offset: offset, "a varint is longer than 10 bytes") }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func uint64() throws(WALDecodingError) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(try byte()) << (8 * UInt64(index)) }
        return value
    }

    mutating func bytes(_ count: UInt64) throws(WALDecodingError) -> ArraySlice<UInt8> {
        guard count <= UInt64(bytes.endIndex - offset) else {
            throw WALDecodingError(.corruptRecord, offset: offset, "a string of \(count) bytes runs past the record")
        }
        defer { offset += Int(count) }
        return bytes[offset..<(offset + Int(count))]
    }
}

func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }

func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
        bytes.append(UInt8(value & 0x7F) | 0x80)
        value >>= 7
    }
    bytes.append(UInt8(value))
}

func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
    var value = value.littleEndian
    withUnsafeBytes(of: &value) { bytes.append(contentsOf: $0) }
}

func readLittleEndianUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
}
