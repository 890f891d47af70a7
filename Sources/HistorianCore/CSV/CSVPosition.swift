/// Where something is in a CSV text: a 1-based line and a 1-based column counted in Unicode scalars, as
/// editors show them (`file:line:column`). A field's position is where its first character (or opening
/// quote) is; an empty field's is where it would start.
public struct CSVPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The line, from 1. Line breaks inside quoted fields count.
    public var line: Int
    /// The column, from 1, in Unicode scalars (a multi-byte UTF-8 character is one column).
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: CSVPosition, rhs: CSVPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    /// `line:column`, the form `file:line:column` messages are built from.
    public var description: String { "\(line):\(column)" }
}
