/// A streaming CSV reader for RFC 4180 text: quoted fields (`"a,b"`), escaped quotes (`""`), line breaks
/// inside quotes, CRLF or LF (or a lone CR) line endings, and a UTF-8 byte order mark, which is skipped.
///
/// Feed it bytes in chunks of any size with `consume(_:)` and call `finish()` at the end; each returns the
/// records completed so far, so a file of any length is read in memory bounded by one row (a field is at
/// most `Options.maximumFieldBytes`, a row at most `Options.maximumFieldCount` fields) plus the records of
/// one piece. Splitting the same input differently gives the same records and errors.
///
/// Beyond RFC 4180, deliberately:
/// - The delimiter is `,` `;` tab or `|`, detected from the first line (the one that occurs most often
///   outside quotes; ties go to that order; none at all means `,`), unless given in `Options`.
/// - Empty lines (nothing between two line breaks) are skipped. A row holding one empty field is written `""`.
/// - A quote inside an unquoted field is kept as a character (`5" pipe`), as most spreadsheets do; after a
///   closing quote only a delimiter, a line break or a second quote may follow.
/// - Every row must have as many fields as the first one (the header).
///
/// Errors are `CSVError`s with a line and column, and they are sticky: after one, every call throws it again.
public struct CSVReader: Sendable {
    /// How to read.
    public struct Options: Sendable {
        /// The field delimiter, or nil to detect it from the first line among `CSVReader.candidateDelimiters`.
        /// Must be ASCII and not a quote or a line break.
        public var delimiter: UInt8?
        /// The longest field accepted, in bytes: 1 MiB by default.
        public var maximumFieldBytes = 1 << 20
        /// The most fields a row may have.
        public var maximumFieldCount = 100_000

        public init(delimiter: UInt8? = nil) {
            self.delimiter = delimiter
        }
    }

    /// The delimiters detection chooses from, in order of preference on a tie: `,` `;` tab `|`.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    static let quote = UInt8(ascii: "\"")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private enum State: Sendable {
        /// Before the first byte of a record (blank lines are skipped here).
        case recordStart
        /// Before the first byte of a field that follows a delimiter.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: either the closing quote or the first half of `""`.
        case quoteInQuoted
    }

    /// The options the reader was made with.
    public let options: Options
    /// The delimiter in use: the given one, or the detected one once the first line has been seen.
    public private(set) var delimiter: UInt8?
    /// The number of fields of the first record (the header), once it has been read.
    public private(set) var fieldCount: Int?
    /// Bytes of input consumed so far.
    public private(set) var bytesConsumed = 0

    // Byte order mark stage: how many of its bytes matched at the very start, -1 once decided.
    private var byteOrderMarkMatched = 0
    // Detection stage: the first line, held until the delimiter is chosen.
    private var detectionBuffer: [UInt8] = []
    private var detectionInQuotes = false

    // The record state machine.
    private var state = State.recordStart
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var positions: [CSVPosition] = []
    private var fieldStart = CSVPosition(line: 1, column: 1)
    private var fieldStartOffset = 0
    private var line = 1
    private var column = 1
    /// The offset of the next byte the state machine sees.
    private var offset = 0
    private var previousWasCarriageReturn = false
    private var utf8 = UTF8Validator()
    private var sequenceStart = CSVPosition(line: 1, column: 1)
    private var sequenceStartOffset = 0
    private var sequenceBytes: [UInt8] = []
    private var output: [CSVRecord] = []
    private var recordCount = 0
    private var failure: CSVError?
    private var isFinished = false

    /// A reader with the given options.
    public init(options: Options = Options()) {
        if let delimiter = options.delimiter {
            precondition(
                delimiter < 0x80 && delimiter != Self.quote && delimiter != Self.lineFeed && delimiter != Self.carriageReturn,
                "a CSV delimiter must be ASCII and not a quote or a line break")
        }
        self.options = options
        self.delimiter = options.delimiter
    }

    /// Reads all of `bytes` as one CSV text.
    public static func records(in bytes: some Sequence<UInt8>, options: Options = Options()) throws(CSVError) -> [CSVRecord] {
        var reader = CSVReader(options: options)
        var records = try reader.consume(bytes)
        records += try reader.finish()
        return records
    }

    /// Reads the next piece of the input; returns the records it completed.
    public mutating func consume(_ bytes: some Sequence<UInt8>) throws(CSVError) -> [CSVRecord] {
        if let failure { throw failure }
        precondition(!isFinished, "consume(_:) after finish()")
        do {
            for byte in bytes {
                try stripByteOrderMark(byte)
            }
        } catch {
            failure = error
            throw error
        }
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// Ends the input; returns the last record, if the input did not end with a line break.
    public mutating func finish() throws(CSVError) -> [CSVRecord] {
        if let failure { throw failure }
        guard !isFinished else { return [] }
        isFinished = true
        do {
            if byteOrderMarkMatched > 0 {
                // A prefix of the byte order mark and then the end: those bytes are text after all.
                let prefix = Self.byteOrderMark.prefix(byteOrderMarkMatched)
                byteOrderMarkMatched = -1
                for byte in prefix { try detect(byte) }
            }
            if delimiter == nil { try chooseDelimiter() }
            try endOfInput()
        } catch {
            failure = error
            throw error
        }
        defer { output.removeAll() }
        return output
    }

    // MARK: Stages

    /// Skips `EF BB BF` at the very start of the input.
    private mutating func stripByteOrderMark(_ byte: UInt8) throws(CSVError) {
        bytesConsumed += 1
        guard byteOrderMarkMatched >= 0 else { return try detect(byte) }
        if byte == Self.byteOrderMark[byteOrderMarkMatched] {
            byteOrderMarkMatched += 1
            if byteOrderMarkMatched == Self.byteOrderMark.count {
                byteOrderMarkMatched = -1
                offset = Self.byteOrderMark.count
            }
            return
        }
        let prefix = Self.byteOrderMark.prefix(byteOrderMarkMatched)
        byteOrderMarkMatched = -1
        for earlier in prefix { try detect(earlier) }
        try detect(byte)
    }

    /// Holds the first line until the delimiter is known, then replays it.
    private mutating func detect(_ byte: UInt8) throws(CSVError) {
        guard delimiter == nil else { return try step(byte) }
        detectionBuffer.append(byte)
        if byte == Self.quote { detectionInQuotes.toggle() }
        let lineEnded = !detectionInQuotes && (byte == Self.lineFeed || byte == Self.carriageReturn)
        // A first line longer than a field may be gives up waiting; the state machine reports it.
        if lineEnded || detectionBuffer.count > options.maximumFieldBytes {
            try chooseDelimiter()
        }
    }

    private mutating func chooseDelimiter() throws(CSVError) {
        var counts = [Int](repeating: 0, count: Self.candidateDelimiters.count)
        var inQuotes = false
        for byte in detectionBuffer {
            if byte == Self.quote {
                inQuotes.toggle()
            } else if !inQuotes, let index = Self.candidateDelimiters.firstIndex(of: byte) {
                counts[index] += 1
            }
        }
        // On a tie the first candidate wins: `max(by:)` returns the first of equal maxima.
        let best = counts.indices.max { counts[$0] < counts[$1] } ?? 0
        delimiter = Self.candidateDelimiters[best]
        let buffered = detectionBuffer
        detectionBuffer = []
        for byte in buffered { try step(byte) }
    }

    // MARK: The state machine

    private var here: CSVPosition { CSVPosition(line: line, column: column) }

    /// One byte through the RFC 4180 grammar (RFC 4180 §2), with UTF-8 checked on the way.
    private mutating func step(_ byte: UInt8) throws(CSVError) {
        defer { offset += 1 }
        if previousWasCarriageReturn {
            previousWasCarriageReturn = false
            if byte == Self.lineFeed {
                // The LF of a CRLF: the line was already counted (and, outside quotes, the record ended) at CR.
                if case .quoted = state { try append(byte) }
                return
            }
        }
        try checkUTF8(byte)
        let delimiter = self.delimiter ?? Self.candidateDelimiters[0]
        let isLineBreak = byte == Self.lineFeed || byte == Self.carriageReturn
        switch state {
        case .recordStart:
            if !isLineBreak {
                state = .fieldStart
                try startField(byte, delimiter: delimiter)
            }
        case .fieldStart:
            try startField(byte, delimiter: delimiter)
        case .unquoted:
            if byte == delimiter {
                try endField()
                state = .fieldStart
            } else if isLineBreak {
                try endField()
                try endRecord()
            } else {
                try append(byte)
            }
        case .quoted:
            if byte == Self.quote {
                state = .quoteInQuoted
            } else {
                try append(byte)
            }
        case .quoteInQuoted:
            if byte == Self.quote {
                try append(byte)
                state = .quoted
            } else if byte == delimiter {
                try endField()
                state = .fieldStart
            } else if isLineBreak {
                try endField()
                try endRecord()
            } else {
                throw fail(
                    .unexpectedCharacterAfterQuote, at: here,
                    "'\(Self.show(byte))' after the closing quote of the field at \(fieldStart); a quote inside a quoted field is written twice (\"\")",
                    bytes: [byte])
            }
        }
        advance(over: byte)
    }

    private mutating func startField(_ byte: UInt8, delimiter: UInt8) throws(CSVError) {
        fieldStart = here
        fieldStartOffset = offset
        if byte == Self.quote {
            state = .quoted
        } else if byte == delimiter {
            try endField()
            state = .fieldStart
        } else if byte == Self.lineFeed || byte == Self.carriageReturn {
            try endField()
            try endRecord()
        } else {
            state = .unquoted
            try append(byte)
        }
    }

    private mutating func advance(over byte: UInt8) {
        if byte == Self.lineFeed || byte == Self.carriageReturn {
            line += 1
            column = 1
            previousWasCarriageReturn = byte == Self.carriageReturn
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    private mutating func checkUTF8(_ byte: UInt8) throws(CSVError) {
        if utf8.isAtBoundary {
            sequenceStart = here
            sequenceStartOffset = offset
            sequenceBytes.removeAll(keepingCapacity: true)
        }
        sequenceBytes.append(byte)
        if utf8.consume(byte) == .invalid {
            throw fail(
                .invalidUTF8, at: sequenceStart, offset: sequenceStartOffset,
                "invalid UTF-8 (bytes \(Self.hex(sequenceBytes))); save the file as UTF-8", bytes: sequenceBytes)
        }
    }

    private mutating func append(_ byte: UInt8) throws(CSVError) {
        guard field.count < options.maximumFieldBytes else {
            var message = "a field longer than \(options.maximumFieldBytes) bytes starts here"
            if case .quoted = state { message += "; is its closing quote missing?" }
            throw fail(.oversizedField, at: fieldStart, offset: fieldStartOffset, message, bytes: Array(field.prefix(16)))
        }
        field.append(byte)
    }

    private mutating func endField() throws(CSVError) {
        fields.append(String(decoding: field, as: UTF8.self))
        positions.append(fieldStart)
        field.removeAll(keepingCapacity: true)
        if let fieldCount, fields.count > fieldCount {
            throw fail(
                .raggedRow, at: positions[fieldCount],
                "this row has more fields than the \(fieldCount) of the header (line 1); is a field with a delimiter not quoted?")
        }
        if fields.count > options.maximumFieldCount {
            throw fail(.tooManyFields, at: fieldStart, "a row with more than \(options.maximumFieldCount) fields")
        }
    }

    private mutating func endRecord() throws(CSVError) {
        if let fieldCount, fields.count < fieldCount {
            throw fail(
                .raggedRow, at: here,
                "this row has \(fields.count) field\(fields.count == 1 ? "" : "s"), the header (line 1) has \(fieldCount)")
        }
        fieldCount = fields.count
        recordCount += 1
        output.append(CSVRecord(fields: fields, positions: positions, endOffset: offset + 1))
        fields.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        state = .recordStart
    }

    private mutating func endOfInput() throws(CSVError) {
        if !utf8.isAtBoundary {
            throw fail(
                .invalidUTF8, at: sequenceStart, offset: sequenceStartOffset,
                "the input ends inside a UTF-8 sequence (bytes \(Self.hex(sequenceBytes)))", bytes: sequenceBytes)
        }
        switch state {
        case .recordStart:
            break
        case .quoted:
            throw fail(
                .unterminatedQuote, at: fieldStart, offset: fieldStartOffset,
                "the quoted field that starts here has no closing quote", bytes: Array(field.prefix(16)))
        case .fieldStart, .unquoted, .quoteInQuoted:
            if case .fieldStart = state { fieldStart = here }
            try endField()
            offset -= 1  // endRecord counts a line break that is not there.
            try endRecord()
            offset += 1
        }
        if recordCount == 0 {
            throw fail(.emptyFile, at: CSVPosition(line: 1, column: 1), offset: 0, "the file is empty: expected a header row")
        }
    }

    private func fail(
        _ code: CSVError.Code, at position: CSVPosition, offset: Int? = nil, _ message: String, bytes: [UInt8] = []
    ) -> CSVError {
        CSVError(code: code, position: position, offset: offset ?? self.offset, bytes: bytes, message: message)
    }

    static func show(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "0x" + hex([byte])
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
    }
}
