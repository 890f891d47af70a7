/// Formats rows as RFC 4180 CSV that `CSVReader` reads back field for field.
///
/// A field is quoted when it holds a quote, a line break, or any of `CSVReader.candidateDelimiters`
/// (not only the delimiter in use), so that delimiter detection on the output finds the right one, or when it
/// starts with U+FEFF. A row
/// of a single empty field is written `""`, because the reader skips empty lines.
public struct CSVWriter: Sendable {
    /// The field delimiter: `,` by default.
    public var delimiter: UInt8
    /// The line ending: CRLF by default, as RFC 4180 §2.1 says; `"\n"` suits Unix tools.
    public var lineEnding: String

    public init(delimiter: UInt8 = UInt8(ascii: ","), lineEnding: String = "\r\n") {
        precondition(delimiter < 0x80 && delimiter != CSVReader.quote, "a CSV delimiter must be ASCII and not a quote")
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    /// One row, with its line ending.
    public func line(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"" + lineEnding }
        let separator = String(UnicodeScalar(delimiter))
        return fields.map(escape).joined(separator: separator) + lineEnding
    }

    /// Every row, each with its line ending.
    public func text(_ rows: [[String]]) -> String {
        rows.map(line).joined()
    }

    /// The field as it appears in the file: quoted, with quotes doubled, when it has to be (RFC 4180 §2.6–2.7).
    public func escape(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { byte in
            byte == CSVReader.quote || byte == CSVReader.lineFeed || byte == CSVReader.carriageReturn
                || byte == delimiter || CSVReader.candidateDelimiters.contains(byte)
        }
        // A leading U+FEFF unquoted at the start of a file would be taken for a byte order mark.
        guard needsQuotes || field.unicodeScalars.first == "\u{FEFF}" else { return field }
        var quoted = "\""
        for character in field.unicodeScalars {
            if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
        }
        return quoted + "\""
    }
}
