import HistorianCore
import Testing
import MillraceCore

/// Whether two sample lists are the same bit for bit: doubles by bit pattern (NaN payloads, -0.0),
/// strings by UTF-8 bytes (Swift's `==` equates canonically equivalent strings).
func identical(_ lhs: [Sample], _ rhs: [Sample]) -> Bool {
    lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { a, b in
        guard a.time == b.time, a.quality == b.quality else { return false }
        switch (a.value, b.value) {
        case (.string(let x), .string(let y)): return x.utf8.elementsEqual(y.utf8)
        default: return a.value.isIdentical(to: b.value)
        }
    }
}

/// Samples at one per second from 2026-01-01 with the given values, all good.
func samples(_ values: [DataValue], start: Int64 = 1_767_225_600_000_000, step: Int64 = 1_000_000) -> [Sample] {
    values.enumerated().map { index, value in
        Sample(time: Timestamp(microseconds: start + Int64(index) * step), value: value)
    }
}

/// Encodes samples into one chunk; they must be valid for it.
func encode(_ samples: [Sample], kind: ValueKind) throws -> [UInt8] {
    var encoder = ChunkEncoder(kind: kind)
    for sample in samples { try encoder.append(sample) }
    return encoder.finish()
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
}

func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        result.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return result
}

/// A small deterministic generator (SplitMix64, Steele et al. 2014) for reproducible synthetic series.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Expects `body` to throw a `ChunkDecodingError` with `code`, and returns it.
@discardableResult
func expectDecodingError(
    _ code: ChunkDecodingError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> ChunkDecodingError? {
    let error = #expect(throws: ChunkDecodingError.self, sourceLocation: sourceLocation) { try body() }
    #expect(error?.code == code, "got \(String(describing: error))", sourceLocation: sourceLocation)
    return error
}
