import PropertyBased
import MillraceTestSupport
import Testing

@testable import HistorianCore

/// Random tables written by `CSVWriter` read back identical through `CSVReader`, however the bytes are split.
@Suite struct CSVRoundTripTests {
    /// Pieces that stress quoting: every delimiter, quotes, all three line endings, spaces, multi-byte text.
    static let pieces = ["a", "7", "-1.5", " ", ",", ";", "\t", "|", "\"", "\"\"", "\n", "\r\n", "\r", "é", "😀", "°C", "x y"]

    /// A table of `rows` × `columns` cells, each made of 0 to 3 pieces chosen by `picks` in turn.
    static func table(rows: Int, columns: Int, picks: [Int]) -> [[String]] {
        var cursor = 0
        func next() -> Int {
            defer { cursor += 1 }
            return picks.isEmpty ? 0 : picks[cursor % picks.count]
        }
        return (0..<rows).map { _ in
            (0..<columns).map { _ in
                (0..<(next() % 4)).map { _ in pieces[next() % pieces.count] }.joined()
            }
        }
    }

    /// Reads `bytes` fed in pieces of `size` bytes (the last may be shorter).
    static func read(_ bytes: [UInt8], pieceSize size: Int, options: CSVReader.Options = .init()) throws(CSVError) -> [[String]] {
        var reader = CSVReader(options: options)
        var rows: [[String]] = []
        var start = 0
        while start < bytes.count {
            rows += try reader.consume(bytes[start..<min(bytes.count, start + size)]).map(\.fields)
            start += size
        }
        return rows + (try reader.finish().map(\.fields))
    }

    @Test func writtenTablesReadBackWithDetectedDelimiter() async {
        await checkProperty(
            input: Gen.int(in: 1...12), Gen.int(in: 1...6), Gen.int(in: 0...1000).array(of: 1...60), Gen.int(in: 0...3),
            Gen.int(in: 1...17), Gen.bool
        ) { rows, columns, picks, delimiterIndex, pieceSize, crlf throws in
            let table = Self.table(rows: rows, columns: columns, picks: picks)
            let writer = CSVWriter(delimiter: CSVReader.candidateDelimiters[delimiterIndex], lineEnding: crlf ? "\r\n" : "\n")
            let bytes = Array(writer.text(table).utf8)
            #expect(try Self.read(bytes, pieceSize: pieceSize) == table, "\(writer.text(table).debugDescription)")
            #expect(try Self.read(bytes, pieceSize: bytes.count + 1) == table)
        }
    }

    @Test func writtenTablesReadBackWithGivenDelimiter() async {
        await checkProperty(input: Gen.int(in: 1...8), Gen.int(in: 1...5), Gen.int(in: 0...1000).array(of: 1...40)) {
            rows, columns, picks throws in
            let table = Self.table(rows: rows, columns: columns, picks: picks)
            let writer = CSVWriter(delimiter: UInt8(ascii: ";"))
            let read = try Self.read(Array(writer.text(table).utf8), pieceSize: 1, options: .init(delimiter: UInt8(ascii: ";")))
            #expect(read == table)
        }
    }

    /// Any split of any input (valid or not) gives the same records, or the same error, as reading it whole.
    @Test func splittingNeverChangesTheResult() async {
        let alphabet: [UInt8] = Array("a,;|\t\"\r\n ".utf8) + [0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0x80]
        await checkProperty(input: Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...80), Gen.int(in: 1...9)) {
            indices, pieceSize in
            let bytes = indices.map { alphabet[$0] }
            let whole = Result { () throws(CSVError) in try Self.read(bytes, pieceSize: bytes.count + 1) }
            let split = Result { () throws(CSVError) in try Self.read(bytes, pieceSize: pieceSize) }
            #expect(whole == split, "\(bytes)")
        }
    }

    @Test func writerQuotesOnlyWhenNeeded() {
        let writer = CSVWriter(lineEnding: "\n")
        #expect(writer.line(["time", "motor.temp", "2.5"]) == "time,motor.temp,2.5\n")
        #expect(writer.line(["a,b", "say \"hi\"", "x;y", "two\nlines"]) == "\"a,b\",\"say \"\"hi\"\"\",\"x;y\",\"two\nlines\"\n")
        #expect(writer.line([""]) == "\"\"\n")
        #expect(writer.line(["", ""]) == ",\n")
        #expect(CSVWriter().line(["a"]) == "a\r\n")
    }
}
