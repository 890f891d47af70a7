/// Helpers that make Codable decoding strict and its errors precise: unknown keys are refused (a typo in a key
/// is a mistake, not something to ignore), and enumerations say which values they accept.

struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = String(intValue)
        self.intValue = intValue
    }
}

/// A configuration type whose keys are its `CodingKeys`, all of them listed, so unknown keys can be refused
/// and the JSON Schema can be checked against the type.
protocol StrictKeys {
    associatedtype Keys: CodingKey & CaseIterable
}

extension Decoder {
    /// Throws for the first key of this mapping that `Keys` does not list, naming the nearest known key.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            let suggestion = known.min { editDistance($0, key.stringValue) < editDistance($1, key.stringValue) }
            var message = "unknown key '\(key.stringValue)'"
            if let suggestion, editDistance(suggestion, key.stringValue) <= max(2, key.stringValue.count / 3) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(known.joined(separator: ", "))"
            }
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath + [key], debugDescription: ConfigMessage.unknownKey + message))
        }
    }
}

/// Markers inside `DecodingError` descriptions that the loader turns back into error codes.
enum ConfigMessage {
    static let unknownKey = "\u{1}unknownKey\u{1}"
    static let invalidValue = "\u{1}invalidValue\u{1}"
}

/// A string-valued enumeration in the configuration, decoded with an error that lists the accepted values.
protocol ConfigEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {}

extension ConfigEnum {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            let accepted = Self.allCases.map(\.rawValue)
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: ConfigMessage.invalidValue
                    + "found '\(text)', expected one of: \(accepted.joined(separator: ", "))")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a value and checks it, reporting a failed check at this key with the given message.
    func decode<T: Decodable>(
        _ type: T.Type, forKey key: Key, check: (T) -> String?
    ) throws -> T {
        let value = try decode(type, forKey: key)
        if let problem = check(value) { throw invalid(key, problem) }
        return value
    }

    func decodeIfPresent<T: Decodable>(
        _ type: T.Type, forKey key: Key, check: (T) -> String?
    ) throws -> T? {
        guard let value = try decodeIfPresent(type, forKey: key) else { return nil }
        if let problem = check(value) { throw invalid(key, problem) }
        return value
    }

    func invalid(_ key: Key, _ message: String) -> DecodingError {
        DecodingError.dataCorrupted(
            .init(codingPath: codingPath + [key], debugDescription: ConfigMessage.invalidValue + message))
    }
}

/// Levenshtein distance, for "did you mean" suggestions on short keys.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
