/// Why a sample could not be appended to a chunk. The chunk is unchanged when this is thrown.
public struct ChunkEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case kindMismatch, outOfOrder, chunkFull
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The sample's value is not of the chunk's kind.
        public static let kindMismatch = Code(.kindMismatch)
        /// The sample is older than the last one: times within a chunk never decrease (equal is allowed).
        public static let outOfOrder = Code(.outOfOrder)
        /// The chunk holds `Chunk.maximumSampleCount` samples or its string data would pass 4 GiB.
        public static let chunkFull = Code(.chunkFull)

        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// The index the rejected sample would have had in the chunk.
    public var sampleIndex: Int
    /// A short human explanation.
    public var reason: String

    /// An error about the sample that would have been number `sampleIndex`.
    public init(code: Code, sampleIndex: Int, reason: String) {
        self.code = code
        self.sampleIndex = sampleIndex
        self.reason = reason
    }

    public var description: String { "cannot append sample \(sampleIndex) to chunk: \(code): \(reason)" }
}
