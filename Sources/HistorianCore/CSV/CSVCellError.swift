/// Why a cell could not be read as a time or a value of its column's kind.
public struct CSVCellError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, for a person.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
