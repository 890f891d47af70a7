/// The canonical byte form that audit hashes are computed over: JSON with object keys sorted by their
/// UTF-8 bytes, no insignificant whitespace, integers only, and strings escaped minimally as in
/// RFC 8785 (JSON Canonicalization Scheme) §3.2.2.2. Independent of `JSONEncoder`'s formatting, which is
/// not specified and may change between Foundation versions.
enum CanonicalJSON: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case object([String: CanonicalJSON])

    var bytes: [UInt8] {
        var output: [UInt8] = []
        write(to: &output)
        return output
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .string(let text): Self.writeString(text, to: &output)
        case .integer(let value): output += Array(String(value).utf8)
        case .object(let fields):
            output.append(UInt8(ascii: "{"))
            for (index, key) in fields.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
                .enumerated()
            {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(key, to: &output)
                output.append(UInt8(ascii: ":"))
                fields[key]!.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): output += Array("\\\\".utf8)
            case 0x08: output += Array("\\b".utf8)
            case 0x09: output += Array("\\t".utf8)
            case 0x0A: output += Array("\\n".utf8)
            case 0x0C: output += Array("\\f".utf8)
            case 0x0D: output += Array("\\r".utf8)
            case 0x00..<0x20: output += Array("\\u00".utf8) + Array(Hex.encode([byte]).utf8)
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
