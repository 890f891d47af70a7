/// One row of a CSV text: its fields, unquoted and unescaped, and where each starts.
public struct CSVRecord: Hashable, Sendable {
    /// The fields, in order. Valid UTF-8 by construction.
    public var fields: [String]
    /// Where each field starts, parallel to `fields`.
    public var positions: [CSVPosition]
    /// The byte offset in the input just after the record's line break (or the end of the input): how far
    /// reading has come, for progress reports.
    public var endOffset: Int

    public init(fields: [String], positions: [CSVPosition], endOffset: Int) {
        self.fields = fields
        self.positions = positions
        self.endOffset = endOffset
    }

    /// The line the record starts on.
    public var line: Int { positions.first?.line ?? 0 }
}
