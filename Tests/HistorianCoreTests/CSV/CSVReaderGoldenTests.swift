import Testing

@testable import HistorianCore

/// Inputs and the exact records (or error, with its line and column) they must give, each named after what it pins.
@Suite struct CSVReaderGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var input: [UInt8]
        var rows: [[String]]
        var delimiter: UInt8?
        var testDescription: String { name }

        init(_ name: String, _ input: String, _ rows: [[String]], delimiter: UInt8? = nil) {
            self.init(name, Array(input.utf8), rows, delimiter: delimiter)
        }

        init(_ name: String, _ input: [UInt8], _ rows: [[String]], delimiter: UInt8? = nil) {
            self.name = name
            self.input = input
            self.rows = rows
            self.delimiter = delimiter
        }
    }

    static let cases: [Case] = [
        Case("plain-lf", "time,a,b\n1,2,3\n", [["time", "a", "b"], ["1", "2", "3"]]),
        Case("crlf", "time,a\r\n1,2\r\n", [["time", "a"], ["1", "2"]]),
        Case("lone-cr", "time,a\r1,2\r", [["time", "a"], ["1", "2"]]),
        Case("no-final-line-break", "time,a\n1,2", [["time", "a"], ["1", "2"]]),
        Case("quoted-delimiter", "a,b\n\"x,y\",z\n", [["a", "b"], ["x,y", "z"]]),
        Case("escaped-quote", "a,b\n\"say \"\"hi\"\"\",z\n", [["a", "b"], ["say \"hi\"", "z"]]),
        Case("line-break-in-quotes", "a,b\n\"one\r\ntwo\nthree\",z\n", [["a", "b"], ["one\r\ntwo\nthree", "z"]]),
        Case("empty-fields", "a,b,c\n,,\n\"\",x,\n", [["a", "b", "c"], ["", "", ""], ["", "x", ""]]),
        Case("empty-quoted-single-column", "a\n\"\"\nb\n", [["a"], [""], ["b"]]),
        Case("blank-lines-skipped", "a,b\n\n1,2\r\n\r\n3,4\n\n", [["a", "b"], ["1", "2"], ["3", "4"]]),
        Case("byte-order-mark", [0xEF, 0xBB, 0xBF] + Array("time,a\n1,2\n".utf8), [["time", "a"], ["1", "2"]]),
        Case("quote-inside-unquoted-field", "a,b\n5\" pipe,x\n", [["a", "b"], ["5\" pipe", "x"]]),
        Case("semicolon-detected", "time;a;b\n1,5;2,5;3\n", [["time", "a", "b"], ["1,5", "2,5", "3"]]),
        Case("tab-detected", "time\ta\n1\t2\n", [["time", "a"], ["1", "2"]]),
        Case("pipe-detected", "time|a\n1|2\n", [["time", "a"], ["1", "2"]]),
        Case("tie-goes-to-comma", "a,b;c\n1,2;3\n", [["a", "b;c"], ["1", "2;3"]]),
        Case("quoted-delimiters-do-not-count", "\"a;b;c\",d\n1,2\n", [["a;b;c", "d"], ["1", "2"]]),
        Case("single-column", "value\n1\n2\n", [["value"], ["1"], ["2"]]),
        Case("given-delimiter", "a,b|c\n1,2|3\n", [["a,b", "c"], ["1,2", "3"]], delimiter: UInt8(ascii: "|")),
        Case("unicode", "tag,wert\n°C,größe 😀\n", [["tag", "wert"], ["°C", "größe 😀"]]),
        Case("spaces-kept", "a , b\n 1 , 2 \n", [["a ", " b"], [" 1 ", " 2 "]]),
    ]

    @Test(arguments: cases)
    func goldenRecords(_ golden: Case) throws {
        let records = try CSVReader.records(in: golden.input, options: .init(delimiter: golden.delimiter))
        #expect(records.map(\.fields) == golden.rows)
    }

    @Test func positionsAreLinesAndColumnsOfFieldStarts() throws {
        let records = try CSVReader.records(in: Array("time,größe,\"x\"\n\"a\nb\",ü,3\n7,8,9".utf8))
        #expect(records.map(\.positions) == [
            [CSVPosition(line: 1, column: 1), CSVPosition(line: 1, column: 6), CSVPosition(line: 1, column: 12)],
            [CSVPosition(line: 2, column: 1), CSVPosition(line: 3, column: 4), CSVPosition(line: 3, column: 6)],
            [CSVPosition(line: 4, column: 1), CSVPosition(line: 4, column: 3), CSVPosition(line: 4, column: 5)],
        ])
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records.last?.endOffset == Array("time,größe,\"x\"\n\"a\nb\",ü,3\n7,8,9".utf8).count)
    }

    @Test func detectedDelimiterIsReported() throws {
        var reader = CSVReader()
        #expect(reader.delimiter == nil)
        _ = try reader.consume(Array("a;b\n".utf8))
        #expect(reader.delimiter == UInt8(ascii: ";"))
        #expect(reader.fieldCount == 2)
    }

    @Test func byteOrderMarkPrefixAloneIsText() throws {
        // EF BB without BF is not a byte order mark; as text it is invalid UTF-8 at line 1, column 1.
        let error = try #require(throws: CSVError.self) { try CSVReader.records(in: [0xEF, 0xBB, 0x41, 0x0A]) }
        #expect(error.code == .invalidUTF8)
        #expect(error.position == CSVPosition(line: 1, column: 1))
        #expect(error.bytes == [0xEF, 0xBB, 0x41])
    }

    struct ErrorCase: Sendable, CustomTestStringConvertible {
        var name: String
        var input: [UInt8]
        var code: CSVError.Code
        var line: Int
        var column: Int
        var testDescription: String { name }

        init(_ name: String, _ input: String, _ code: CSVError.Code, _ line: Int, _ column: Int) {
            self.init(name, Array(input.utf8), code, line, column)
        }

        init(_ name: String, _ input: [UInt8], _ code: CSVError.Code, _ line: Int, _ column: Int) {
            (self.name, self.input, self.code, self.line, self.column) = (name, input, code, line, column)
        }
    }

    static let errors: [ErrorCase] = [
        ErrorCase("unterminated-quote", "a,b\n1,\"open\n2,3\n", .unterminatedQuote, 2, 3),
        ErrorCase("text-after-closing-quote", "a,b\n\"x\"y,2\n", .unexpectedCharacterAfterQuote, 2, 4),
        ErrorCase("too-few-fields", "a,b,c\n1,2,3\n4,5\n", .raggedRow, 3, 4),
        ErrorCase("too-many-fields", "a,b\n1,2,3\n", .raggedRow, 2, 5),
        ErrorCase("too-few-at-end-without-line-break", "a,b\n1", .raggedRow, 2, 2),
        ErrorCase("invalid-utf8-lone-continuation", [0x61, 0x2C, 0x62, 0x0A, 0x31, 0x2C, 0x80, 0x0A], .invalidUTF8, 2, 3),
        ErrorCase("invalid-utf8-overlong", [0x61, 0x0A, 0xC0, 0xAF, 0x0A], .invalidUTF8, 2, 1),
        ErrorCase("invalid-utf8-surrogate", [0x61, 0x0A, 0x78, 0xED, 0xA0, 0x80, 0x0A], .invalidUTF8, 2, 2),
        ErrorCase("invalid-utf8-truncated-at-end", [0x61, 0x0A, 0xE2, 0x82], .invalidUTF8, 2, 1),
        ErrorCase("latin1-file", [0x61, 0x0A, 0x47, 0x72, 0xF6, 0xDF, 0x65, 0x0A], .invalidUTF8, 2, 3),
        ErrorCase("empty-file", "", .emptyFile, 1, 1),
        ErrorCase("only-byte-order-mark", [0xEF, 0xBB, 0xBF], .emptyFile, 1, 1),
        ErrorCase("only-blank-lines", "\n\r\n\n", .emptyFile, 1, 1),
    ]

    @Test(arguments: errors)
    func goldenErrors(_ golden: ErrorCase) {
        let error = #expect(throws: CSVError.self) { try CSVReader.records(in: golden.input) }
        #expect(error?.code == golden.code)
        #expect(error?.position == CSVPosition(line: golden.line, column: golden.column), "\(String(describing: error))")
        #expect(error?.message.isEmpty == false)
    }

    @Test func oversizedFieldNamesItsStartAndSuggestsAMissingQuote() {
        var options = CSVReader.Options()
        options.maximumFieldBytes = 8
        let error = #expect(throws: CSVError.self) {
            try CSVReader.records(in: Array("a,b\n1,\"123456789\n".utf8), options: options)
        }
        #expect(error?.code == .oversizedField)
        #expect(error?.position == CSVPosition(line: 2, column: 3))
        #expect(error?.message.contains("closing quote") == true)
    }

    @Test func defaultFieldLimitIsOneMebibyte() throws {
        let fits = Array("a\n".utf8) + [UInt8](repeating: 0x78, count: 1 << 20) + [0x0A]
        #expect(try CSVReader.records(in: fits).last?.fields.first?.utf8.count == 1 << 20)
        let tooLong = Array("a\n".utf8) + [UInt8](repeating: 0x78, count: (1 << 20) + 1)
        let error = #expect(throws: CSVError.self) { try CSVReader.records(in: tooLong) }
        #expect(error?.code == .oversizedField)
    }

    @Test func errorsAreSticky() throws {
        var reader = CSVReader()
        _ = try reader.consume(Array("a,b\n".utf8))
        #expect(throws: CSVError.self) { try reader.consume(Array("\"x\"y\n".utf8)) }
        let again = #expect(throws: CSVError.self) { try reader.consume(Array("1,2\n".utf8)) }
        #expect(again?.code == .unexpectedCharacterAfterQuote)
        #expect(throws: CSVError.self) { try reader.finish() }
    }

    @Test func descriptionIsLineColonColumnThenMessage() {
        let error = #expect(throws: CSVError.self) { try CSVReader.records(in: Array("a,b\n1\n".utf8)) }
        #expect(error?.description == "2:2: this row has 1 field, the header (line 1) has 2")
    }
}
