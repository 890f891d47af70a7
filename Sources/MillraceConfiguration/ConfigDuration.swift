import MillraceCore

/// A duration written in the configuration as a number with a unit (`250ms`, `1s`, `1.5s`, `5m`, `2h`, `1d`),
/// or as a bare number of seconds.
public struct ConfigDuration: Hashable, Sendable, Codable, CustomStringConvertible {
    public var duration: Duration
    let text: String

    public init(_ duration: Duration) {
        self.duration = duration
        self.text = Self.format(duration)
    }

    public init(parsing text: String) throws(ConfigDurationError) {
        let trimmed = text.trimmingWhitespace()
        var numberEnd = trimmed.startIndex
        while numberEnd < trimmed.endIndex, trimmed[numberEnd].isNumber || trimmed[numberEnd] == "." {
            numberEnd = trimmed.index(after: numberEnd)
        }
        let numberText = trimmed[..<numberEnd]
        let unit = trimmed[numberEnd...].trimmingWhitespace()
        guard !numberText.isEmpty, let number = Double(numberText), number.isFinite else {
            throw ConfigDurationError(text: text)
        }
        let scale: Double
        switch unit {
        case "us", "µs": scale = 1e-6
        case "ms": scale = 1e-3
        case "s", "": scale = 1
        case "m", "min": scale = 60
        case "h": scale = 3600
        case "d": scale = 86_400
        default: throw ConfigDurationError(text: text)
        }
        let micros = (number * scale * 1e6).rounded()
        guard micros < 1e15 else { throw ConfigDurationError(text: text) }
        self.duration = .microseconds(Int64(micros))
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Double.self) {
            guard seconds.isFinite, seconds >= 0, seconds < 1e9 else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: ConfigMessage.invalidValue + "found \(seconds), expected a duration such as 500ms, 1s or 5m")
            }
            self.init(.microseconds(Int64((seconds * 1e6).rounded())))
            return
        }
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: ConfigMessage.invalidValue + error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    public var description: String { text }

    static func format(_ duration: Duration) -> String {
        let micros = duration.microseconds
        if micros % 3_600_000_000 == 0 { return "\(micros / 3_600_000_000)h" }
        if micros % 60_000_000 == 0 { return "\(micros / 60_000_000)m" }
        if micros % 1_000_000 == 0 { return "\(micros / 1_000_000)s" }
        if micros % 1_000 == 0 { return "\(micros / 1_000)ms" }
        return "\(micros)us"
    }

    public static func == (lhs: ConfigDuration, rhs: ConfigDuration) -> Bool { lhs.duration == rhs.duration }
    public func hash(into hasher: inout Hasher) { hasher.combine(duration) }
}

public struct ConfigDurationError: Error, Sendable, CustomStringConvertible {
    public var text: String
    public var description: String {
        "found '\(text.prefix(40))', expected a duration such as 500ms, 1s, 5m or 2h"
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
