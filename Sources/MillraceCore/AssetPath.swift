/// The levels of the ISA-95 (IEC 62264) equipment hierarchy, top down.
public enum ISA95Level: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case enterprise
    case site
    case area
    case line
    case cell
    case asset

    var depth: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: ISA95Level, rhs: ISA95Level) -> Bool { lhs.depth < rhs.depth }
}

/// Where an asset sits in the plant: site / area / line / (cell) / asset, written with `/` between the ids,
/// for example `dayton/packaging/line-1/conveyor-motor`. The enterprise is implicit (one per installation).
///
/// Segments are 1 to 64 characters from `a-z A-Z 0-9 _ -`, so a path is safe in URLs and MQTT topics.
public struct AssetPath: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let segments: [String]

    public init(segments: [String]) throws(AssetPathError) {
        guard !segments.isEmpty else { throw AssetPathError(value: "", reason: "it is empty") }
        guard segments.count <= 6 else {
            throw AssetPathError(value: segments.joined(separator: "/"), reason: "it has more than 6 levels")
        }
        for segment in segments {
            guard !segment.isEmpty, segment.utf8.count <= 64 else {
                throw AssetPathError(value: segments.joined(separator: "/"), reason: "each level is 1 to 64 characters")
            }
            guard segment.utf8.allSatisfy(Self.isAllowed) else {
                throw AssetPathError(
                    value: segments.joined(separator: "/"),
                    reason: "'\(segment)' may contain only letters, digits, '_' and '-'")
            }
        }
        self.segments = segments
    }

    public init(_ text: String) throws(AssetPathError) {
        try self.init(segments: text.split(separator: "/", omittingEmptySubsequences: false).map(String.init))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func isAllowed(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    public var description: String { segments.joined(separator: "/") }

    /// The last segment: the asset's own id.
    public var leaf: String { segments[segments.count - 1] }

    /// The path one level up, or nil at a site.
    public var parent: AssetPath? {
        segments.count > 1 ? try? AssetPath(segments: Array(segments.dropLast())) : nil
    }

    /// A child path, one level down.
    public func appending(_ segment: String) throws(AssetPathError) -> AssetPath {
        try AssetPath(segments: segments + [segment])
    }

    /// Whether `other` is this path or lies below it, the test for role scopes and subtree subscriptions.
    public func contains(_ other: AssetPath) -> Bool {
        other.segments.count >= segments.count && Array(other.segments.prefix(segments.count)) == segments
    }

    public static func < (lhs: AssetPath, rhs: AssetPath) -> Bool {
        lhs.segments.lexicographicallyPrecedes(rhs.segments)
    }
}

/// A string that is not a valid asset path.
public struct AssetPathError: Error, Hashable, Sendable, CustomStringConvertible {
    public var value: String
    public var reason: String
    public var description: String { "'\(value.prefix(120))' is not a valid asset path: \(reason)" }
}
