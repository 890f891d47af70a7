/// Why a CSV text could not be read, where, and which bytes were involved.
///
/// A struct with a `Code` rather than an enum (as `ChunkDecodingError`), so codes can be added without
/// breaking callers that switch over them. `description` reads `line:column: message`; a command line tool
/// prefixes the file name to get the `file:line:column: message` form editors jump to.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unterminatedQuote, unexpectedCharacterAfterQuote, raggedRow, invalidUTF8, emptyFile
            case oversizedField, tooManyFields
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A quoted field has no closing quote before the end of the input.
        public static let unterminatedQuote = Code(.unterminatedQuote)
        /// A closing quote is followed by something other than a delimiter, a line break or another quote.
        public static let unexpectedCharacterAfterQuote = Code(.unexpectedCharacterAfterQuote)
        /// A row has more or fewer fields than the first row (the header).
        public static let raggedRow = Code(.raggedRow)
        /// The bytes are not valid UTF-8.
        public static let invalidUTF8 = Code(.invalidUTF8)
        /// There is no row at all (nothing, a byte order mark alone, or only blank lines).
        public static let emptyFile = Code(.emptyFile)
        /// A field is longer than `CSVReader.Options.maximumFieldBytes`.
        public static let oversizedField = Code(.oversizedField)
        /// A row has more fields than `CSVReader.Options.maximumFieldCount`.
        public static let tooManyFields = Code(.tooManyFields)

        public var description: String { base.rawValue }
    }

    /// The kind of problem.
    public var code: Code
    /// Where the problem is.
    public var position: CSVPosition
    /// The byte offset of the problem in the input (a byte order mark counts).
    public var offset: Int
    /// The raw bytes involved, where that helps: the bad UTF-8 sequence, or the start of an oversized field.
    public var bytes: [UInt8]
    /// What is wrong and, where it helps, how to fix it.
    public var message: String

    public init(code: Code, position: CSVPosition, offset: Int, bytes: [UInt8] = [], message: String) {
        self.code = code
        self.position = position
        self.offset = offset
        self.bytes = bytes
        self.message = message
    }

    /// The line of the problem, from 1.
    public var line: Int { position.line }
    /// The column of the problem, from 1, in Unicode scalars.
    public var column: Int { position.column }

    public var description: String { "\(position): \(message)" }
}
