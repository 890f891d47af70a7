/// A failure of the security database: it cannot be opened, migrated, read or written.
public struct SecurityStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The file cannot be opened or is not a Millrace security database.
        public static let cannotOpen = Code(rawValue: "cannot_open")
        /// The schema is newer than this build knows (a downgrade) or a migration failed.
        public static let migrationFailed = Code(rawValue: "migration_failed")
        /// A read or write failed.
        public static let storage = Code(rawValue: "storage")
        /// A row holds a value this build cannot read (a hand-edited database).
        public static let corruptRow = Code(rawValue: "corrupt_row")
        /// The row to insert already exists (a user or service account name taken).
        public static let duplicate = Code(rawValue: "duplicate")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
