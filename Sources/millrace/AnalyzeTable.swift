import Foundation
import HistorianCore
import MillraceCore

/// A problem with an input file of `millrace analyze`, at a line when there is one: `FILE:LINE: message`, the
/// form editors jump to.
struct AnalyzeInputError: Error, CustomStringConvertible {
    var path: String
    var line: Int?
    var message: String

    init(_ path: String, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    var description: String { line.map { "\(path):\($0): \(message)" } ?? "\(path): \(message)" }
}

/// How the fields of a table file are separated.
enum TableDelimiter: Equatable {
    /// One ASCII character (`,` `;` tab `|`), read as RFC 4180 CSV with quotes.
    case character(UInt8)
    /// Runs of spaces and tabs, no quoting (NASA C-MAPSS and many instrument exports).
    case whitespace

    /// Parses `--delimiter`: a single character, or `tab`, `space`/`whitespace`.
    init?(argument: String) {
        switch argument.lowercased() {
        case "tab", "\\t", "\t": self = .character(UInt8(ascii: "\t"))
        case "space", "spaces", "whitespace", " ": self = .whitespace
        default:
            guard argument.utf8.count == 1, let byte = argument.utf8.first, byte < 0x80, byte != UInt8(ascii: "\""),
                byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r")
            else { return nil }
            self = .character(byte)
        }
    }
}

/// A text table read whole: a header (from the file's first row, or named by `--columns`) and the data rows with
/// their line numbers. Every row has as many fields as the header.
struct TableFile {
    let path: String
    let header: [String]
    let rows: [(line: Int, fields: [String])]

    /// Reads `path`. With `columns`, the file has no header and every line is data.
    /// - Throws: `AnalyzeInputError` for a missing, empty, non-UTF-8 or malformed file, a ragged row, or a header
    ///   with an empty or repeated name.
    static func read(path: String, delimiter: TableDelimiter?, columns: [String]? = nil) throws(AnalyzeInputError) -> TableFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AnalyzeInputError(path, "the file does not exist or cannot be read")
        }
        let bytes = [UInt8](data)
        guard bytes.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") })
        else { throw AnalyzeInputError(path, "the file is empty") }
        let chosen = delimiter ?? detect(bytes)
        var records: [(line: Int, fields: [String])]
        switch chosen {
        case .whitespace:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw AnalyzeInputError(path, "the file is not UTF-8 text")
            }
            records = []
            for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
                if fields.isEmpty { continue }
                records.append((index + 1, fields))
            }
        case .character, nil:
            var byte: UInt8?
            if case .character(let given) = chosen { byte = given }
            do throws(CSVError) {
                records = try CSVReader.records(in: bytes, options: CSVReader.Options(delimiter: byte))
                    .map { ($0.line, $0.fields.map { String(CSVCellParser.trimmed($0)) }) }
            } catch {
                if error.code == .emptyFile { throw AnalyzeInputError(path, "the file is empty") }
                throw AnalyzeInputError(path, line: error.line, "column \(error.column): \(error.message)")
            }
        }
        let header: [String]
        if let columns {
            header = columns
        } else {
            guard let first = records.first else { throw AnalyzeInputError(path, "the file is empty") }
            header = first.fields
            records.removeFirst()
            for (index, name) in header.enumerated() {
                if name.isEmpty { throw AnalyzeInputError(path, line: first.line, "column \(index + 1) has no name in the header") }
                if header[..<index].contains(name) {
                    throw AnalyzeInputError(path, line: first.line, "column name '\(name)' appears twice in the header")
                }
            }
        }
        for record in records where record.fields.count != header.count {
            let source = columns == nil ? "the header has" : "--columns names"
            throw AnalyzeInputError(path, line: record.line, "\(record.fields.count) fields, but \(source) \(header.count)")
        }
        guard !records.isEmpty else { throw AnalyzeInputError(path, "the file has no data rows, only a header") }
        return TableFile(path: path, header: header, rows: records)
    }

    /// Whitespace when the first line has none of `,` `;` tab `|` but has spaces; otherwise CSV with detection.
    private static func detect(_ bytes: [UInt8]) -> TableDelimiter? {
        let firstLine = bytes.drop { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            .prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        if !firstLine.contains(where: { CSVReader.candidateDelimiters.contains($0) }) && firstLine.contains(UInt8(ascii: " ")) {
            return .whitespace
        }
        return nil
    }

    /// The index of a column by name.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// A cell as a measurement: nil when missing (empty, `nan`, `NA`, `null`); an error for text or ±∞.
    static func number(_ cell: String, path: String, line: Int, column: String) throws(AnalyzeInputError) -> Double? {
        switch cell.lowercased() {
        case "", "nan", "-nan", "na", "n/a", "null", "none": return nil
        default: break
        }
        guard let value = Double(cell) else {
            throw AnalyzeInputError(path, line: line, "column '\(column)': '\(cell.prefix(40))' is not a number")
        }
        guard value.isFinite else {
            throw AnalyzeInputError(path, line: line, "column '\(column)': \(cell) is not a finite measurement")
        }
        return value
    }
}

extension TableFile {
    /// A time cell: ISO 8601 or epoch seconds/milliseconds (`CSVCellParser.timestamp`); an ISO date and time
    /// without an offset (`2020-03-09 10:14:33`, as many exports write local time) is read as UTC.
    static func time(_ cell: String) -> Result<Timestamp, CSVCellError> {
        let parsed = CSVCellParser.timestamp(cell)
        guard case .failure = parsed else { return parsed }
        let text = CSVCellParser.trimmed(cell)
        guard text.count >= 16, !text.hasSuffix("Z"), !text.dropFirst(10).contains("+"), !text.dropFirst(10).contains("-"),
            case .success(let time) = CSVCellParser.timestamp(text + "Z")
        else { return parsed }
        return .success(time)
    }
}
