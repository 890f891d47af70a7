import MillraceCore

/// Turns CSV cells into timestamps and sample values, for importing a table into the historian.
///
/// Times: ISO 8601 / RFC 3339 (`2026-11-26T08:00:00Z`, `2026-11-26 09:00:00.5+01:00`, `2026-11-26`), or
/// Unix epoch numbers, told apart by magnitude: below 100 000 000 000 (1e11, which in seconds is the year
/// 5138) the number is seconds, otherwise milliseconds. So milliseconds before 1973-03-03 are misread as
/// seconds; write such times in ISO 8601. Epoch numbers may have a fraction (`1767225600.25`).
///
/// Values: a decimal number (`-1.5`, `2e3`, `.5`) is a double, `true`/`false` (any case) a boolean, any
/// other text a string. A tag's kind is fixed by its first value (or by the historian, for a known tag);
/// after that a string tag takes any text, a double tag also takes `nan`, `inf` and `-inf` (as export
/// writes them), a boolean tag also takes `1`/`0`, and an integer tag takes whole numbers.
public enum CSVCellParser {
    /// Epoch numbers at or above this magnitude are milliseconds; below, seconds.
    public static let millisecondThreshold: Int64 = 100_000_000_000

    /// The cell without leading and trailing spaces and tabs.
    public static func trimmed(_ cell: String) -> Substring {
        var text = Substring(cell)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }

    /// Parses a time cell; the error message says what was expected.
    public static func timestamp(_ cell: String) -> Result<Timestamp, CSVCellError> {
        let text = trimmed(cell)
        guard !text.isEmpty else { return .failure(CSVCellError("the time is empty")) }
        if let epoch = epochMicroseconds(text) {
            let time = Timestamp(microseconds: epoch)
            guard time.isPlausible else {
                return .failure(CSVCellError("epoch time \(text) is \(time.iso8601), outside 1900–2200"))
            }
            return .success(time)
        }
        do {
            let time = try Timestamp(iso8601: String(text))
            guard time.isPlausible else { return .failure(CSVCellError("time \(text) is outside 1900–2200")) }
            return .success(time)
        } catch {
            return .failure(
                CSVCellError(
                    "'\(text.prefix(64))' is not a time: expected ISO 8601 (2026-11-26T08:00:00Z) or epoch seconds or milliseconds"))
        }
    }

    /// The kind a first value gives a new tag, or nil for an empty cell (no sample).
    public static func kind(of cell: String) -> ValueKind? {
        let text = trimmed(cell)
        if text.isEmpty { return nil }
        if isDecimalNumber(text) { return .double }
        if text.lowercased() == "true" || text.lowercased() == "false" { return .bool }
        return .string
    }

    /// The value of a cell for a tag of `kind`, nil for an empty cell (no sample), or an error naming what was
    /// expected.
    public static func value(_ cell: String, kind: ValueKind) -> Result<DataValue?, CSVCellError> {
        let text = trimmed(cell)
        if text.isEmpty { return .success(nil) }
        switch kind {
        case .string:
            return .success(.string(cell))
        case .double:
            let lower = text.lowercased()
            if isDecimalNumber(text) || ["nan", "inf", "-inf", "+inf"].contains(lower), let value = Double(lower) {
                return .success(.double(value))
            }
            return .failure(CSVCellError("'\(text.prefix(64))' is not a number"))
        case .bool:
            switch text.lowercased() {
            case "true", "1": return .success(.bool(true))
            case "false", "0": return .success(.bool(false))
            default: return .failure(CSVCellError("'\(text.prefix(64))' is not true or false"))
            }
        case .integer:
            if let value = Int64(text) { return .success(.integer(value)) }
            return .failure(CSVCellError("'\(text.prefix(64))' is not a whole number"))
        }
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, with digits on at least one side of the point.
    static func isDecimalNumber(_ text: Substring) -> Bool {
        var bytes = text.utf8[...]
        func digits() -> Int {
            var count = 0
            while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
                bytes.removeFirst()
                count += 1
            }
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes.removeFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    /// `[-]digits[.digits]` read as epoch seconds or milliseconds (by magnitude), in microseconds; nil if the
    /// text is not such a number or is too large to be a time.
    static func epochMicroseconds(_ text: Substring) -> Int64? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes.removeFirst() }
        var whole: Int64 = 0
        var wholeDigits = 0
        while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
            guard wholeDigits < 15 else { return nil }
            whole = whole * 10 + Int64(byte - 0x30)
            wholeDigits += 1
            bytes.removeFirst()
        }
        guard wholeDigits > 0 else { return nil }
        var fraction: [UInt8] = []
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            while let byte = bytes.first, byte >= 0x30, byte <= 0x39 {
                fraction.append(byte - 0x30)
                bytes.removeFirst()
            }
            guard !fraction.isEmpty else { return nil }
        }
        guard bytes.isEmpty else { return nil }
        // Seconds have six fractional digits down to a microsecond, milliseconds three.
        let (scale, places): (Int64, Int) = whole < millisecondThreshold ? (1_000_000, 6) : (1_000, 3)
        var micros = whole * scale
        var unit = scale
        for digit in fraction.prefix(places) {
            unit /= 10
            micros += Int64(digit) * unit
        }
        return negative ? -micros : micros
    }
}
