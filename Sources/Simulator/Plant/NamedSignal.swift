import MillraceCore

/// One signal of an equipment reading: its name (the `address` a simulator tag is configured with) and value.
public struct NamedSignal: Hashable, Sendable {
    public var name: String
    public var value: DataValue

    public init(_ name: String, _ value: DataValue) {
        self.name = name
        self.value = value
    }

    public init(_ name: String, _ value: Double) {
        self.init(name, .double(value))
    }
}

extension Array where Element == NamedSignal {
    /// The value of the signal called `name`, or nil if there is none.
    public func value(of name: String) -> DataValue? {
        first { $0.name == name }?.value
    }
}
