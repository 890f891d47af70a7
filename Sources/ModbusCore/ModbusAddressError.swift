/// A configuration string that is not a valid Modbus address; the message says how to write it.
public struct ModbusAddressError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text that was parsed (at most 80 characters are kept).
    public var text: String
    /// What is wrong and how to fix it, for a controls engineer.
    public var reason: String

    /// An error about `text`, with the reason and the fix.
    public init(text: String, reason: String) {
        self.text = String(text.prefix(80))
        self.reason = reason
    }

    public var description: String { "'\(text)' is not a valid Modbus address: \(reason)" }
}
