// libFuzzer target for the CSV reader: any bytes must give records or a `CSVError`, never trap, hang or
// grow memory beyond one field (1 MiB here: the fuzzer's inputs are smaller, so the limit is lowered to
// reach the oversized-field path).
//
// Each input is read three ways that must agree: whole, one byte at a time, and in pieces whose size the
// first byte picks. Records that read must survive a write (`CSVWriter`) and a second read unchanged.
//
// Build and run with `scripts/fuzz FuzzCSVReader 60`.
import HistorianCore
#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

func read(_ bytes: [UInt8], pieceSize: Int, options: CSVReader.Options) -> Result<[[String]], CSVError> {
    Result { () throws(CSVError) in
        var reader = CSVReader(options: options)
        var rows: [[String]] = []
        var start = 0
        while start < bytes.count {
            rows += try reader.consume(bytes[start..<min(bytes.count, start + pieceSize)]).map(\.fields)
            start += pieceSize
        }
        return rows + (try reader.finish().map(\.fields))
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var options = CSVReader.Options()
    options.maximumFieldBytes = 512
    options.maximumFieldCount = 256
    let whole = read(bytes, pieceSize: max(1, bytes.count), options: options)
    let single = read(bytes, pieceSize: 1, options: options)
    let pieces = read(bytes, pieceSize: Int(bytes.first ?? 1) % 13 + 1, options: options)
    precondition(whole == single && whole == pieces, "splitting the input changed the result")
    if case .failure(let error) = whole {
        precondition(error.line >= 1 && error.column >= 1 && !error.message.isEmpty, "an error without a place or message")
        precondition(error.offset >= 0 && error.offset <= bytes.count, "an error offset outside the input")
    }
    guard case .success(let rows) = whole else { return 0 }
    precondition(!rows.isEmpty && rows.allSatisfy { $0.count == rows[0].count }, "ragged records were accepted")
    // What reads must write and read back the same, with the delimiter detected again.
    for delimiter in CSVReader.candidateDelimiters {
        let text = CSVWriter(delimiter: delimiter).text(rows)
        var again = CSVReader.Options()
        again.maximumFieldBytes = 4096
        guard case .success(let reread) = read(Array(text.utf8), pieceSize: 7, options: again) else {
            fatalError("written records do not read back: \(text.debugDescription)")
        }
        precondition(reread == rows, "written records read back differently: \(text.debugDescription)")
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
