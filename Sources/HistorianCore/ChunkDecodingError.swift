/// Why bytes could not be decoded as a chunk, where, and what the bytes there were.
///
/// A struct with a `Code` rather than an enum (as postgres-nio's `PSQLError`), so new codes can be added
/// without breaking callers that switch over them.
public struct ChunkDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case truncated, badMagic, unsupportedVersion, unsupportedValueKind, unsupportedEncoding
            case checksumMismatch, countMismatch, invalidQuality, invalidString, malformed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The bytes end before the chunk (or one of its sections) does.
        public static let truncated = Code(.truncated)
        /// The first four bytes are not `MRCK`: not a Millrace chunk.
        public static let badMagic = Code(.badMagic)
        /// A chunk format version this build cannot read.
        public static let unsupportedVersion = Code(.unsupportedVersion)
        /// An unknown value kind byte.
        public static let unsupportedValueKind = Code(.unsupportedValueKind)
        /// An unknown value encoding for the chunk's kind, or an unknown time unit.
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// The CRC-32C at the end does not match the bytes: the chunk was damaged.
        public static let checksumMismatch = Code(.checksumMismatch)
        /// The sections hold more or fewer samples than the header's count.
        public static let countMismatch = Code(.countMismatch)
        /// A quality code that `Quality(rawValue:)` does not know.
        public static let invalidQuality = Code(.invalidQuality)
        /// A string value that is not valid UTF-8.
        public static let invalidString = Code(.invalidString)
        /// Any other structural violation: bad lengths, reserved bits set, references out of range.
        public static let malformed = Code(.malformed)

        public var description: String { base.rawValue }
    }

    /// How many raw bytes `excerpt` holds at most.
    public static let excerptLength = 16

    /// The kind of problem.
    public var code: Code
    /// The byte offset in the chunk where the problem was found.
    public var offset: Int
    /// Up to 16 raw bytes of the input around `offset`, starting at `excerptStart`.
    public var excerpt: [UInt8]
    /// The offset of `excerpt.first` in the chunk.
    public var excerptStart: Int
    /// A short human explanation.
    public var reason: String

    /// An error at `offset` in `bytes`, keeping a short excerpt of them.
    public init(code: Code, offset: Int, bytes: some Collection<UInt8>, reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
        let count = bytes.count
        let start = max(0, min(offset, count) - Self.excerptLength / 2)
        let end = min(count, start + Self.excerptLength)
        self.excerptStart = start
        self.excerpt = Array(bytes.dropFirst(start).prefix(end - start))
    }

    public var description: String {
        let hex = excerpt.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined(separator: " ")
        return "chunk \(code) at byte \(offset): \(reason) (bytes from \(excerptStart): \(hex))"
    }
}
