/// A decimal encoding for chunks of doubles that are all short decimals (23.4, 1013.25), in the spirit
/// of ALP (Afroozeh, Kuffó, Boncz: "ALP: Adaptive Lossless floating-Point Compression", SIGMOD 2024, §3).
///
/// Sensors and PLCs mostly report values with a fixed number of decimal digits. Such a value `v` is
/// exactly `Double(n) / 10^e` for a small integer `n`, and the integers of a slowly varying signal have
/// small differences. The section is:
///
/// - 1 byte: the exponent `e`, 0...18 (10^18 is exact in a Double, so the division is one correctly
///   rounded IEEE 754 operation and decoding is deterministic on every platform);
/// - `n` of the first value as a zigzag varint;
/// - each later `n` as its difference from the previous one in `VarbitInt`.
///
/// `ChunkEncoder` chooses this over Chimp128 per chunk, at `finish()`, only if every value round-trips
/// bit for bit (so never for NaN, infinities or -0.0) and the result is smaller.
enum DecimalCodec {
    static let maximumExponent = 18

    /// 10^0 ... 10^18, all exactly representable.
    static let powersOfTen: [Double] = (0...maximumExponent).map { exponent in
        var power = 1.0
        for _ in 0..<exponent { power *= 10 }
        return power
    }

    /// The integer `n` with `Double(n) / 10^exponent == value` bit for bit, if there is one.
    @inline(__always)
    static func digits(of value: Double, exponent: Int) -> Int64? {
        let scaled = (value * powersOfTen[exponent]).rounded()
        // Stay inside ±2^62 so the conversion cannot trap; such values are not short decimals anyway.
        guard scaled.magnitude < 4.611_686_018_427_387_904e18 else { return nil }
        let digits = Int64(scaled)
        guard (Double(digits) / powersOfTen[exponent]).bitPattern == value.bitPattern else { return nil }
        return digits
    }

    /// The smallest exponent at which every value round-trips, or nil.
    static func exponent(for values: [Double]) -> Int? {
        var exponent = 0
        for value in values {
            guard value.isFinite else { return nil }
            while digits(of: value, exponent: exponent) == nil {
                guard exponent < maximumExponent else { return nil }
                exponent += 1
            }
        }
        // A value that fit a smaller exponent may not fit the final one (for example by overflowing).
        for value in values where digits(of: value, exponent: exponent) == nil {
            return nil
        }
        return exponent
    }

    /// The section for `values`, or nil if they are not all short decimals.
    static func encode(_ values: [Double]) -> BitWriter? {
        guard !values.isEmpty, let exponent = exponent(for: values) else { return nil }
        var writer = BitWriter()
        writer.writeByte(UInt8(exponent))
        var previous: Int64 = 0
        for (index, value) in values.enumerated() {
            guard let digits = digits(of: value, exponent: exponent) else { return nil }
            if index == 0 {
                writer.writeVarInt(digits)
            } else {
                VarbitInt.write(digits &- previous, to: &writer)
            }
            previous = digits
        }
        return writer
    }
}

/// Reads a section written by `DecimalCodec`.
struct DecimalDecoder: Sendable {
    private var reader: BitReader
    private var divisor = 1.0
    private var previous: Int64 = 0
    private var count = 0

    init(reader: BitReader) {
        self.reader = reader
    }

    mutating func next() throws(ChunkDecodingError) -> Double {
        if count == 0 {
            let start = reader
            let exponent = Int(try reader.readByte())
            guard exponent <= DecimalCodec.maximumExponent else {
                throw start.error(.malformed, "decimal exponent \(exponent) is above \(DecimalCodec.maximumExponent)")
            }
            divisor = DecimalCodec.powersOfTen[exponent]
            previous = try reader.readVarInt()
        } else {
            previous &+= try VarbitInt.read(from: &reader)
        }
        count += 1
        return Double(previous) / divisor
    }

    func checkFinished() throws(ChunkDecodingError) {
        try reader.checkFinished()
    }
}
