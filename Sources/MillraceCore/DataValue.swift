/// The kinds of value a tag can carry.
public enum ValueKind: String, Hashable, Sendable, Codable, CaseIterable {
    case double
    case integer
    case bool
    case string

    /// Whether values of this kind are interpolated linearly (analog) or held as steps (discrete).
    public var isAnalog: Bool { self == .double || self == .integer }
}

/// One value of a tag.
public enum DataValue: Hashable, Sendable {
    case double(Double)
    case integer(Int64)
    case bool(Bool)
    case string(String)

    public var kind: ValueKind {
        switch self {
        case .double: .double
        case .integer: .integer
        case .bool: .bool
        case .string: .string
        }
    }

    /// The value as a number for aggregates and charts: booleans are 0 or 1, strings have none.
    public var numericValue: Double? {
        switch self {
        case .double(let value): value
        case .integer(let value): Double(value)
        case .bool(let value): value ? 1 : 0
        case .string: nil
        }
    }

    /// The value that accompanies a bad-quality sample when there is no reading: NaN, 0, false or "".
    public static func placeholder(for kind: ValueKind) -> DataValue {
        switch kind {
        case .double: .double(.nan)
        case .integer: .integer(0)
        case .bool: .bool(false)
        case .string: .string("")
        }
    }

    /// Two values are identical if they carry the same kind and bits; unlike `==`, NaN equals NaN here.
    public func isIdentical(to other: DataValue) -> Bool {
        switch (self, other) {
        case (.double(let a), .double(let b)): a.bitPattern == b.bitPattern
        default: self == other
        }
    }
}

extension DataValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .double(let value): String(value)
        case .integer(let value): String(value)
        case .bool(let value): String(value)
        case .string(let value): value
        }
    }
}
