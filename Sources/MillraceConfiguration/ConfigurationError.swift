/// A configuration that cannot be used, with where and why: the file, the key path, the line and column,
/// what was found and what was expected. Its `description` is one line a person can act on.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is, stable for tests and tooling.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        let name: String
        public static let unreadable = Code(name: "unreadable")
        public static let notText = Code(name: "notText")
        public static let empty = Code(name: "empty")
        public static let malformedYAML = Code(name: "malformedYAML")
        public static let missingKey = Code(name: "missingKey")
        public static let unknownKey = Code(name: "unknownKey")
        public static let wrongType = Code(name: "wrongType")
        public static let invalidValue = Code(name: "invalidValue")
        public static let duplicateID = Code(name: "duplicateID")
        public static let unknownReference = Code(name: "unknownReference")
        public static let unsupportedVersion = Code(name: "unsupportedVersion")
        public var description: String { name }
    }

    public var code: Code
    /// The file the configuration came from, or a label such as `<built-in demo plant>`.
    public var file: String
    /// Where in the document: `sites[0].areas[1].lines[0].assets[2].tags[0].type`; empty for the whole file.
    public var keyPath: String
    /// 1-based line and column, when known.
    public var line: Int?
    public var column: Int?
    /// What is wrong and what was expected.
    public var message: String

    public init(code: Code, file: String, keyPath: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.code = code
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        let path = keyPath.isEmpty ? "" : " \(keyPath):"
        return "\(location):\(path) \(message)".replacingNewlines()
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
