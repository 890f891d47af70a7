/// Checks a byte stream for well-formed UTF-8 one byte at a time, so a streaming reader can name the exact
/// place of the first bad byte without holding the text. The rules are those of The Unicode Standard,
/// Table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF).
struct UTF8Validator: Sendable {
    enum Result: Equatable {
        /// The byte completes a scalar (or is ASCII).
        case complete
        /// The byte is part of a scalar that needs more bytes.
        case incomplete
        /// The byte cannot appear here; the sequence that began at the last lead byte is bad.
        case invalid
    }

    /// Continuation bytes still expected for the current scalar.
    private(set) var pending = 0
    /// The allowed range of the next continuation byte (narrower than 80...BF right after some lead bytes).
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// Whether the stream so far ends on a scalar boundary.
    var isAtBoundary: Bool { pending == 0 }

    mutating func consume(_ byte: UInt8) -> Result {
        if pending > 0 {
            guard byte >= low, byte <= high else {
                pending = 0
                return .invalid
            }
            pending -= 1
            low = 0x80
            high = 0xBF
            return pending == 0 ? .complete : .incomplete
        }
        switch byte {
        case 0x00...0x7F: return .complete
        case 0xC2...0xDF: pending = 1
        case 0xE0: (pending, low) = (2, 0xA0)
        case 0xE1...0xEC, 0xEE...0xEF: pending = 2
        case 0xED: (pending, high) = (2, 0x9F)
        case 0xF0: (pending, low) = (3, 0x90)
        case 0xF1...0xF3: pending = 3
        case 0xF4: (pending, high) = (3, 0x8F)
        default: return .invalid
        }
        return .incomplete
    }
}
