/// The stable identity of a tag: the name integrations use in URLs, queries and exports.
///
/// A tag id is 1 to 200 characters from `A-Z a-z 0-9 . _ - :`, starting with a letter or digit, so it is
/// safe unescaped in a URL path segment, a CSV header, an MQTT topic level and a file name.
public struct TagID: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: String

    public static let maximumLength = 200

    public init(_ rawValue: String) throws(TagIDError) {
        guard !rawValue.isEmpty else { throw TagIDError(value: rawValue, reason: "it is empty") }
        guard rawValue.utf8.count <= Self.maximumLength else {
            throw TagIDError(value: rawValue, reason: "it is longer than \(Self.maximumLength) characters")
        }
        for (offset, byte) in rawValue.utf8.enumerated() {
            let isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            if offset == 0 && !isAlnum {
                throw TagIDError(value: rawValue, reason: "it must start with a letter or digit")
            }
            guard isAlnum || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ":")
            else {
                throw TagIDError(
                    value: rawValue, reason: "character \(offset + 1) is not one of A-Z a-z 0-9 . _ - :")
            }
        }
        self.rawValue = rawValue
    }

    /// For ids known to be valid at compile time; traps on an invalid literal.
    public init(unchecked rawValue: String) {
        do { self = try TagID(rawValue) } catch { preconditionFailure(error.description) }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try TagID(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: TagID, rhs: TagID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A string that is not a valid tag id.
public struct TagIDError: Error, Hashable, Sendable, CustomStringConvertible {
    public var value: String
    public var reason: String
    public var description: String { "'\(value.prefix(80))' is not a valid tag id: \(reason)" }
}
