/// Chimp128 floating-point compression (Liakos, Papakonstantinopoulou, Kotidis: "Chimp: Efficient Lossless
/// Floating Point Compression for Time Series Databases", PVLDB 15(11), 2022, §4).
///
/// Like Gorilla, each value is XORed with an earlier one and only the meaningful bits of the XOR are kept,
/// but the reference may be any of the previous 128 values, chosen to maximise trailing zeros, and the
/// leading-zero count is rounded to one of eight values (3 bits). The first value is 64 raw bits; then:
///
/// | flag | then                                                   | when                                    |
/// |------|--------------------------------------------------------|-----------------------------------------|
/// | `00` | 7-bit reference index                                  | equal to a value in the window          |
/// | `01` | 7-bit index, 3-bit leading code, 6-bit length, bits    | XOR with the reference has > 13 trailing zeros |
/// | `10` | 64 - leading bits of the XOR with the previous value   | same leading code as last time          |
/// | `11` | 3-bit leading code, 64 - leading bits of the XOR        | otherwise                               |
///
/// The index is the reference's position modulo 128. The paper's encoder finds the reference through a
/// 2^14-entry hash of the low bits (§4.2, 128 KiB of state); ours scans the 128-value window instead,
/// which writes the same stream format with 1 KiB of state per open chunk and never a worse choice.
struct Chimp128Encoder: Sendable {
    static let window = 128
    static let indexBits = 7
    /// log2(window) + 6: a reference must save more trailing zeros than the index costs (§4.2).
    static let threshold = 13

    /// Leading-zero counts are rounded down to one of these (§4.1, Table 2); the 3-bit code is the position.
    static let leadingRound: [Int] = [0, 8, 12, 16, 18, 20, 22, 24]

    /// The previous `window` values, by index modulo `window`; allocated with the first value.
    private var ring: [UInt64] = []
    private var writer = BitWriter()
    private(set) var count = 0
    /// The rounded leading zeros used by the last `11` or `10` value; 65 means none (after `00`/`01`).
    private var storedLeadingZeros = 65

    init() {}

    /// The stream written so far.
    var bytes: [UInt8] { writer.bytes }
    var bitCount: Int { writer.bitCount }

    /// The 3-bit code of the rounded leading zeros of a non-zero XOR.
    @inline(__always)
    static func leadingCode(_ leadingZeros: Int) -> Int {
        switch leadingZeros {
        case ..<8: 0
        case ..<12: 1
        case ..<16: 2
        case ..<18: 3
        case ..<20: 4
        case ..<22: 5
        case ..<24: 6
        default: 7
        }
    }

    mutating func append(_ value: Double) {
        let bits = value.bitPattern
        defer {
            ring[count % Self.window] = bits
            count += 1
        }
        guard count > 0 else {
            ring = Array(repeating: 0, count: Self.window)
            writer.writeBits(bits, count: 64)
            return
        }
        let previousIndex = (count - 1) % Self.window
        // Scan the window for the reference whose XOR has the most trailing zeros (64 when equal).
        var bestIndex = previousIndex
        var bestTrailing = (ring[previousIndex] ^ bits).trailingZeroBitCount
        let filled = min(count, Self.window)
        if bestTrailing < 64 {
            ring.withUnsafeBufferPointer { ring in
                for slot in 0..<filled {
                    let trailing = (ring[slot] ^ bits).trailingZeroBitCount
                    if trailing > bestTrailing {
                        bestTrailing = trailing
                        bestIndex = slot
                        if trailing == 64 { break }
                    }
                }
            }
        }
        if bestTrailing == 64 {
            writer.writeBits(UInt64(0b00) << 7 | UInt64(bestIndex), count: 2 + Self.indexBits)
            storedLeadingZeros = 65
        } else if bestTrailing > Self.threshold {
            let xor = ring[bestIndex] ^ bits
            let code = Self.leadingCode(xor.leadingZeroBitCount)
            let leading = Self.leadingRound[code]
            let significant = 64 - leading - bestTrailing
            let header = UInt64(0b01) << 16 | UInt64(bestIndex) << 9 | UInt64(code) << 6 | UInt64(significant)
            writer.writeBits(header, count: 18)
            writer.writeBits(xor >> UInt64(bestTrailing), count: significant)
            storedLeadingZeros = 65
        } else {
            let xor = ring[previousIndex] ^ bits
            let code = Self.leadingCode(xor.leadingZeroBitCount)
            let leading = Self.leadingRound[code]
            if leading == storedLeadingZeros {
                writer.writeBits(0b10, count: 2)
            } else {
                writer.writeBits(0b11 << 3 | UInt64(code), count: 5)
                storedLeadingZeros = leading
            }
            writer.writeBits(xor, count: 64 - leading)
        }
    }

    /// The values written so far, recovered from the stream (used to try the decimal encoding at finish).
    func values() -> [Double] {
        var decoder = Chimp128Decoder(reader: BitReader(bytes: writer.bytes, range: 0..<writer.bytes.count))
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = try? decoder.next() else { preconditionFailure("own Chimp128 stream unreadable") }
            values.append(value)
        }
        return values
    }
}
