// libFuzzer target: the write-ahead log reader must stop at a typed error, never crash, on any bytes.
// Build and run with `scripts/fuzz FuzzWALDecoder 60`.
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

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    // Every prefix the reader calls intact must read again to the same batches.
    if let result = try? WALFormat.read(bytes) {
        let again = try? WALFormat.read(Array(bytes[0..<result.validLength]))
        if again?.batches.count != result.batches.count || again?.tailProblem != nil { fatalError("intact prefix does not re-read") }
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
