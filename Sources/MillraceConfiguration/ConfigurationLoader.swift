import Foundation
import MillraceCore
import Yams

/// Reads a configuration file, decodes it into typed values and validates it once, so that everything after
/// load can trust it. Every failure is a `ConfigurationError` naming the file, key path, line and problem.
public enum ConfigurationLoader {
    /// The largest configuration file accepted (a plant with tens of thousands of tags fits well within it).
    public static let maximumFileSize = 32 << 20

    /// Loads and validates the file at `path`.
    public static func load(path: String) throws(ConfigurationError) -> MillraceConfiguration {
        try load(text: readText(path: path), file: path)
    }

    /// Decodes and validates configuration bytes; `file` labels the errors.
    public static func load(bytes: [UInt8], file: String) throws(ConfigurationError) -> MillraceConfiguration {
        try load(text: text(fromBytes: bytes, file: file), file: file)
    }

    /// Decodes and validates configuration text; `file` labels the errors.
    public static func load(text: String, file: String) throws(ConfigurationError) -> MillraceConfiguration {
        let (configuration, root) = try decode(
            MillraceConfiguration.self, text: text, file: file, what: "a Millrace configuration (`millrace config example` prints one)",
            keys: "version, enterprise, sites")
        do {
            try ConfigurationValidator(configuration: configuration).validate()
        } catch {
            let mark = NodeLocator.mark(in: root, keyPath: error.keyPath)
            throw ConfigurationError(
                code: error.code, file: file, keyPath: error.keyPath, line: mark?.line, column: mark?.column,
                message: error.message)
        }
        return configuration
    }

    /// Reads a YAML file: at most `maximumFileSize` bytes, not a directory, UTF-8 text without NUL bytes.
    public static func readText(path: String) throws(ConfigurationError) -> String {
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > maximumFileSize {
                throw ConfigurationError(
                    code: .unreadable, file: path, keyPath: "",
                    message: "the file is \(size) bytes, more than the \(maximumFileSize) a configuration may have")
            }
            if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
                throw ConfigurationError(code: .unreadable, file: path, keyPath: "", message: "is a directory, expected a YAML file")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as ConfigurationError {
            throw error
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (check its permissions)" : "does not exist"
            throw ConfigurationError(code: .unreadable, file: path, keyPath: "", message: "the file \(reason)")
        }
        return try text(fromBytes: Array(data), file: path)
    }

    /// The bytes as UTF-8 text, refusing binary data (a NUL byte) and invalid UTF-8 with the offset.
    static func text(fromBytes bytes: [UInt8], file: String) throws(ConfigurationError) -> String {
        if let offset = bytes.firstIndex(of: 0) {
            throw ConfigurationError(
                code: .notText, file: file, keyPath: "",
                message: "found a NUL byte at offset \(offset); expected a YAML text file, not binary data")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(
                code: .notText, file: file, keyPath: "",
                message: "found bytes that are not UTF-8 at offset \(firstInvalidUTF8Offset(bytes) ?? 0); expected a YAML text file in UTF-8")
        }
        return text
    }

    /// Decodes any strict configuration document from YAML text, with errors that name the key path, line
    /// and column. Returns the value and the YAML node tree (for locating later validation errors).
    static func decode<T: Decodable>(_ type: T.Type, text: String, file: String, what: String, keys: String)
        throws(ConfigurationError) -> (T, Node)
    {
        if text.allSatisfy({ $0.isWhitespace }) {
            throw ConfigurationError(code: .empty, file: file, keyPath: "", message: "the file is empty; expected \(what)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ConfigurationError(
                    code: .empty, file: file, keyPath: "", message: "the file holds no YAML document; expected \(what)")
            }
            root = node
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ConfigurationError(code: .malformedYAML, file: file, keyPath: "", message: "is not valid YAML: \(error)")
        }
        if root.mapping == nil {
            throw ConfigurationError(
                code: .wrongType, file: file, keyPath: "", line: root.mark?.line, column: root.mark?.column,
                message: "found \(describe(root)), expected a mapping with keys such as \(keys)")
        }
        do {
            return (try YAMLDecoder().decode(T.self, from: root), root)
        } catch let error as DecodingError {
            throw decodingError(error, root: root, file: file)
        } catch let error as YamlError {
            throw yamlError(error, file: file)
        } catch {
            throw ConfigurationError(code: .invalidValue, file: file, keyPath: "", message: "\(error)")
        }
    }

    static func yamlError(_ error: YamlError, file: String) -> ConfigurationError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return ConfigurationError(
                code: .malformedYAML, file: file, keyPath: "", line: mark.line, column: mark.column,
                message: "is not valid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigurationError(
                code: .malformedYAML, file: file, keyPath: "", line: context.mark.line, column: context.mark.column,
                message: "the key '\(duplicates.first ?? "?")' appears twice in the same mapping")
        case .reader(let problem, let offset, _, _):
            return ConfigurationError(
                code: .notText, file: file, keyPath: "",
                message: "cannot be read as YAML text: \(problem)\(offset.map { " at offset \($0)" } ?? "")")
        default:
            return ConfigurationError(code: .malformedYAML, file: file, keyPath: "", message: "is not valid YAML: \(error)")
        }
    }

    static func decodingError(_ error: DecodingError, root: Node, file: String) -> ConfigurationError {
        func make(_ code: ConfigurationError.Code, _ path: [any CodingKey], _ message: String) -> ConfigurationError {
            let keyPath = NodeLocator.keyPath(path)
            let mark = NodeLocator.mark(in: root, keyPath: keyPath)
            return ConfigurationError(
                code: code, file: file, keyPath: keyPath, line: mark?.line, column: mark?.column, message: message)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = NodeLocator.keyPath(context.codingPath)
            let mark = NodeLocator.mark(in: root, keyPath: parent)
            let keyPath = parent.isEmpty ? key.stringValue : "\(parent).\(key.stringValue)"
            return ConfigurationError(
                code: .missingKey, file: file, keyPath: keyPath, line: mark?.line, column: mark?.column,
                message: "missing required key '\(key.stringValue)'")
        case .typeMismatch(let type, let context):
            let found = NodeLocator.node(in: root, keyPath: NodeLocator.keyPath(context.codingPath)).map(describe) ?? "nothing"
            return make(.wrongType, context.codingPath, "found \(found), expected \(expected(type))")
        case .valueNotFound(let type, let context):
            return make(.wrongType, context.codingPath, "found no value (null), expected \(expected(type))")
        case .dataCorrupted(let context):
            var message = context.debugDescription
            var code = ConfigurationError.Code.invalidValue
            if message.hasPrefix(ConfigMessage.unknownKey) {
                code = .unknownKey
                message.removeFirst(ConfigMessage.unknownKey.count)
            } else if message.hasPrefix(ConfigMessage.invalidValue) {
                message.removeFirst(ConfigMessage.invalidValue.count)
            } else {
                let found = NodeLocator.node(in: root, keyPath: NodeLocator.keyPath(context.codingPath)).map(describe) ?? "a value"
                message = "found \(found), which is not valid here: \(message)"
            }
            if code == .invalidValue, message.contains("version"), context.codingPath.last?.stringValue == "version" {
                code = .unsupportedVersion
            }
            return make(code, context.codingPath, message)
        @unknown default:
            return ConfigurationError(code: .invalidValue, file: file, keyPath: "", message: "\(error)")
        }
    }

    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is UInt64.Type, is Int64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.contains("Array") || name.contains("Sequence") { return "a list" }
            if name.contains("Dictionary") || name.contains("Mapping") || name.contains("Configuration") { return "a mapping" }
            return "a \(name)"
        }
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            return text.isEmpty ? "an empty value" : "'\(text.prefix(60))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var index = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                index += UTF8.width(scalar)
                offset = index
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}

/// Finds the node at a key path such as `sites[0].areas[1].id`, to report its line and column.
enum NodeLocator {
    static func keyPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    static func node(in root: Node, keyPath: String) -> Node? {
        var node: Node? = root
        for component in components(keyPath) {
            switch component {
            case .key(let key): node = node?.mapping?[key]
            case .index(let index):
                guard let sequence = node?.sequence, index >= 0, index < sequence.count else { return nil }
                node = sequence[index]
            }
        }
        return node
    }

    /// The mark of the node at `keyPath`, or of its key when the path names an unknown key, or of the
    /// nearest ancestor that exists.
    static func mark(in root: Node, keyPath: String) -> Mark? {
        var node: Node = root
        var best = root.mark
        for component in components(keyPath) {
            switch component {
            case .key(let key):
                guard let mapping = node.mapping else { return best }
                guard let pair = mapping.first(where: { $0.key.string == key }) else { return best }
                best = pair.key.mark ?? best
                node = pair.value
                if case .scalar = node { best = pair.key.mark ?? best }
            case .index(let index):
                guard let sequence = node.sequence, index >= 0, index < sequence.count else { return best }
                node = sequence[index]
                best = node.mark ?? best
            }
        }
        return best
    }

    enum Component { case key(String), index(Int) }

    static func components(_ keyPath: String) -> [Component] {
        var result: [Component] = []
        var current = ""
        var inIndex = false
        for character in keyPath {
            switch character {
            case "." where !inIndex:
                if !current.isEmpty { result.append(.key(current)) }
                current = ""
            case "[":
                if !current.isEmpty { result.append(.key(current)) }
                current = ""
                inIndex = true
            case "]":
                result.append(.index(Int(current) ?? -1))
                current = ""
                inIndex = false
            default: current.append(character)
            }
        }
        if !current.isEmpty { result.append(.key(current)) }
        return result
    }
}
