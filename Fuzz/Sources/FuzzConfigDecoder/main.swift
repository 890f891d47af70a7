// libFuzzer target: the configuration decoder must give a typed error, never crash, on any bytes.
// Build and run with `scripts/fuzz FuzzConfigDecoder 60`.
import MillraceConfiguration
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
    do {
        let configuration = try ConfigurationLoader.load(bytes: bytes, file: "<fuzz>")
        // A configuration that loads must survive a round trip through YAML.
        if let text = try? configuration.yamlText() {
            _ = try? ConfigurationLoader.load(text: text, file: "<fuzz round trip>")
        }
    } catch {
        _ = error.description
    }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOne))
