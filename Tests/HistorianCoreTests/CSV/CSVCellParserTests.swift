import MillraceCore
import Testing

@testable import HistorianCore

/// Times and values of imported cells: the boundary between epoch seconds and milliseconds, kinds, errors.
@Suite struct CSVCellParserTests {
    static let times: [(String, Int64)] = [
        ("2026-11-26T08:00:00Z", 1_795_680_000_000_000),
        ("2026-11-26 09:00:00.25+01:00", 1_795_680_000_250_000),
        ("2026-11-26", 1_795_651_200_000_000),
        ("1795680000", 1_795_680_000_000_000),
        ("  1795680000.5 ", 1_795_680_000_500_000),
        ("1795680000123", 1_795_680_000_123_000),
        ("1795680000123.4", 1_795_680_000_123_400),
        ("99999999999", 99_999_999_999_000_000),  // The largest seconds value: year 5138 — refused below.
        ("100000000000", 100_000_000_000_000),  // The smallest milliseconds value: 1973-03-03.
        ("0", 0),
        ("-86400", -86_400_000_000),
    ]

    @Test func timesParseAsISO8601OrEpochByMagnitude() throws {
        for (text, micros) in Self.times where micros < Timestamp.latestAccepted.microseconds {
            #expect(try CSVCellParser.timestamp(text).get() == Timestamp(microseconds: micros), "\(text)")
        }
        #expect(CSVCellParser.epochMicroseconds("99999999999") == 99_999_999_999_000_000)
    }

    @Test(arguments: ["", "  ", "yesterday", "1e9", "0x10", "12:00", "1795680000.", "-", "9999999999999999999"])
    func badTimesAreRefused(_ text: String) {
        #expect(throws: CSVCellError.self) { try CSVCellParser.timestamp(text).get() }
    }

    @Test func implausibleTimesAreRefusedWithTheirISOForm() {
        #expect(throws: CSVCellError("epoch time 99999999999 is 5138-11-16T09:46:39Z, outside 1900–2200")) {
            try CSVCellParser.timestamp("99999999999").get()
        }
    }

    @Test func kindsComeFromTheFirstValue() {
        #expect(CSVCellParser.kind(of: "21.5") == .double)
        #expect(CSVCellParser.kind(of: " -3 ") == .double)
        #expect(CSVCellParser.kind(of: "2e-3") == .double)
        #expect(CSVCellParser.kind(of: ".5") == .double)
        #expect(CSVCellParser.kind(of: "TRUE") == .bool)
        #expect(CSVCellParser.kind(of: "false") == .bool)
        #expect(CSVCellParser.kind(of: "nan") == .string)
        #expect(CSVCellParser.kind(of: "1.2.3") == .string)
        #expect(CSVCellParser.kind(of: "idle") == .string)
        #expect(CSVCellParser.kind(of: "") == nil)
        #expect(CSVCellParser.kind(of: " \t") == nil)
    }

    @Test func valuesFollowTheKindOfTheirTag() throws {
        #expect(try CSVCellParser.value("21.5", kind: .double).get() == .double(21.5))
        #expect(try CSVCellParser.value("-inf", kind: .double).get() == .double(-.infinity))
        #expect(try CSVCellParser.value("nan", kind: .double).get()?.isIdentical(to: .double(.nan)) == true)
        #expect(try CSVCellParser.value("1", kind: .bool).get() == .bool(true))
        #expect(try CSVCellParser.value("False", kind: .bool).get() == .bool(false))
        #expect(try CSVCellParser.value("42", kind: .integer).get() == .integer(42))
        #expect(try CSVCellParser.value(" 42 ", kind: .string).get() == .string(" 42 "))
        #expect(try CSVCellParser.value("", kind: .double).get() == nil)
        #expect(throws: CSVCellError("'abc' is not a number")) { try CSVCellParser.value("abc", kind: .double).get() }
        #expect(throws: CSVCellError("'yes' is not true or false")) { try CSVCellParser.value("yes", kind: .bool).get() }
        #expect(throws: CSVCellError("'1.5' is not a whole number")) { try CSVCellParser.value("1.5", kind: .integer).get() }
    }
}
