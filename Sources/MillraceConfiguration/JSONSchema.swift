/// A small JSON Schema (draft 2020-12) model, enough to describe the configuration so that editors can
/// validate and complete it. Objects keep their property order so the generated document is stable.
public indirect enum JSONSchema: Sendable, Hashable {
    case object(properties: [(String, JSONSchema)], required: [String], description: String)
    case array(items: JSONSchema, minItems: Int?, description: String)
    case string(description: String, pattern: String?, enumeration: [String]?)
    case integer(description: String, minimum: Int?, maximum: Int?)
    case number(description: String, exclusiveMinimumZero: Bool)
    case boolean(description: String)
    case stringMap(description: String)
    case oneOf([JSONSchema], description: String)
    case reference(String)

    public static func == (lhs: JSONSchema, rhs: JSONSchema) -> Bool { lhs.json == rhs.json }
    public func hash(into hasher: inout Hasher) { hasher.combine(json) }

    /// The names of an object's properties, for keeping the schema in step with the types.
    public var propertyNames: [String] {
        if case .object(let properties, _, _) = self { return properties.map(\.0) }
        return []
    }

    /// The schema as pretty-printed JSON with a stable key order.
    public var json: String { render(indent: "") }

    func render(indent: String) -> String {
        let inner = indent + "  "
        func object(_ members: [(String, String)]) -> String {
            if members.isEmpty { return "{}" }
            return "{\n" + members.map { "\(inner)\(quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n\(indent)}"
        }
        func described(_ description: String, _ members: [(String, String)]) -> [(String, String)] {
            description.isEmpty ? members : members + [("description", quote(description))]
        }
        switch self {
        case .object(let properties, let required, let description):
            var members: [(String, String)] = [("type", quote("object"))]
            members = described(description, members)
            let props = properties.map { ($0.0, $0.1.render(indent: inner + "  ")) }
            let propsText = "{\n" + props.map { "\(inner)  \(quote($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n\(inner)}"
            members.append(("properties", propsText))
            if !required.isEmpty { members.append(("required", "[" + required.map(quote).joined(separator: ", ") + "]")) }
            members.append(("additionalProperties", "false"))
            return object(members)
        case .array(let items, let minItems, let description):
            var members: [(String, String)] = [("type", quote("array"))]
            members = described(description, members)
            members.append(("items", items.render(indent: inner)))
            if let minItems { members.append(("minItems", String(minItems))) }
            return object(members)
        case .string(let description, let pattern, let enumeration):
            var members: [(String, String)] = [("type", quote("string"))]
            members = described(description, members)
            if let pattern { members.append(("pattern", quote(pattern))) }
            if let enumeration { members.append(("enum", "[" + enumeration.map(quote).joined(separator: ", ") + "]")) }
            return object(members)
        case .integer(let description, let minimum, let maximum):
            var members: [(String, String)] = [("type", quote("integer"))]
            members = described(description, members)
            if let minimum { members.append(("minimum", String(minimum))) }
            if let maximum { members.append(("maximum", String(maximum))) }
            return object(members)
        case .number(let description, let exclusiveMinimumZero):
            var members: [(String, String)] = [("type", quote("number"))]
            members = described(description, members)
            if exclusiveMinimumZero { members.append(("minimum", "0")) }
            return object(members)
        case .boolean(let description):
            return object(described(description, [("type", quote("boolean"))]))
        case .stringMap(let description):
            return object(described(description, [("type", quote("object")), ("additionalProperties", "{\"type\": \"string\"}")]))
        case .oneOf(let options, let description):
            let list = "[\n" + options.map { "\(inner)  " + $0.render(indent: inner + "  ") }.joined(separator: ",\n") + "\n\(inner)]"
            return object(described(description, [("oneOf", list)]))
        case .reference(let name):
            return object([("$ref", quote("#/$defs/\(name)"))])
        }
    }
}

func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }
    return result + "\""
}
