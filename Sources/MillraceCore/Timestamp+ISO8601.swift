/// RFC 3339 / ISO 8601 formatting and parsing, without Foundation, so that decoders and the API share one
/// definition and every malformed time gets the same typed error.
extension Timestamp {
    /// The time as RFC 3339 in UTC with microseconds where they are not zero: `2026-11-26T12:00:00.250Z`.
    public var iso8601: String {
        let (days, microOfDay) = Self.floorDivide(microseconds, 86_400_000_000)
        let (year, month, day) = Self.civil(fromDays: days)
        let secondOfDay = microOfDay / 1_000_000
        let micros = microOfDay % 1_000_000
        var text = Self.pad(year, 4) + "-" + Self.pad(month, 2) + "-" + Self.pad(day, 2)
        text += "T" + Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2) + ":"
            + Self.pad(secondOfDay % 60, 2)
        if micros != 0 {
            var fraction = Self.pad(micros, 6)
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return text + "Z"
    }

    /// Parses an RFC 3339 date-time (`2026-11-26T12:00:00Z`, `2026-11-26T13:00:00.5+01:00`, lower-case `t`/`z`
    /// or a space separator accepted), or a bare date (`2026-11-26`, midnight UTC).
    /// Fractions beyond microseconds are truncated.
    public init(iso8601 text: String) throws(TimestampParseError) {
        let bytes = Array(text.utf8)
        var index = 0
        func fail(_ reason: String) -> TimestampParseError { TimestampParseError(input: text, reason: reason) }
        func digits(_ count: Int, _ what: String) throws(TimestampParseError) -> Int64 {
            guard index + count <= bytes.count else { throw fail("expected \(count) digits for \(what)") }
            var value: Int64 = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= 0x30, byte <= 0x39 else { throw fail("expected \(count) digits for \(what)") }
                value = value * 10 + Int64(byte - 0x30)
            }
            index += count
            return value
        }
        func expect(_ scalar: UInt8, _ what: String) throws(TimestampParseError) {
            guard index < bytes.count, bytes[index] == scalar else { throw fail("expected \(what)") }
            index += 1
        }
        guard !bytes.isEmpty, bytes.count <= 64 else { throw fail("expected a date-time like 2026-11-26T08:00:00Z") }
        let year = try digits(4, "the year")
        try expect(UInt8(ascii: "-"), "'-' after the year")
        let month = try digits(2, "the month")
        try expect(UInt8(ascii: "-"), "'-' after the month")
        let day = try digits(2, "the day")
        guard (1...12).contains(month) else { throw fail("month \(month) is not 1-12") }
        guard day >= 1, day <= Self.daysInMonth(year: year, month: month) else {
            throw fail("day \(day) does not exist in \(year)-\(Self.pad(month, 2))")
        }
        let days = Self.days(fromCivil: year, month, day)
        if index == bytes.count {
            self.init(microseconds: days * 86_400_000_000)
            return
        }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[index]) else {
            throw fail("expected 'T' between date and time")
        }
        index += 1
        let hour = try digits(2, "the hour")
        try expect(UInt8(ascii: ":"), "':' after the hour")
        let minute = try digits(2, "the minute")
        try expect(UInt8(ascii: ":"), "':' after the minute")
        var second = try digits(2, "the second")
        guard hour < 24 else { throw fail("hour \(hour) is not 0-23") }
        guard minute < 60 else { throw fail("minute \(minute) is not 0-59") }
        guard second <= 60 else { throw fail("second \(second) is not 0-60") }
        if second == 60 { second = 59 }  // A leap second is folded onto the second before it.
        var micros: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var count = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                if count < 6 { micros = micros * 10 + Int64(bytes[index] - 0x30) }
                count += 1
                index += 1
            }
            guard count > 0 else { throw fail("expected digits after the decimal point") }
            for _ in count..<max(count, 6) { micros *= 10 }
        }
        guard index < bytes.count else { throw fail("expected a time zone: 'Z' or an offset like +01:00") }
        var offsetSeconds: Int64 = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let offsetHours = try digits(2, "the offset hours")
            try expect(UInt8(ascii: ":"), "':' in the offset")
            let offsetMinutes = try digits(2, "the offset minutes")
            guard offsetHours < 24, offsetMinutes < 60 else { throw fail("offset out of range") }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            throw fail("expected a time zone: 'Z' or an offset like +01:00")
        }
        guard index == bytes.count else { throw fail("unexpected text after the time zone") }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        self.init(microseconds: seconds * 1_000_000 + micros)
    }

    static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        let quotient = value / divisor
        let remainder = value % divisor
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value < 0 ? -value : value)
        let padded = String(repeating: "0", count: max(0, width - text.count)) + text
        return value < 0 ? "-" + padded : padded
    }

    static func isLeap(_ year: Int64) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days algorithms (proleptic Gregorian calendar).
    static func days(fromCivil year: Int64, _ month: Int64, _ day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (month <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, month, day)
    }
}

/// A time that is not valid RFC 3339.
public struct TimestampParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var input: String
    public var reason: String
    public var description: String {
        "'\(input.prefix(64))' is not an ISO 8601 time: \(reason) (example: 2026-11-26T08:00:00Z)"
    }
}
