// libFuzzer target for the historian chunk decoder (docs/format/chunk-v1.md): any bytes must decode to
// samples or throw a `ChunkDecodingError`, never trap, hang or allocate out of proportion to the input.
//
// Random mutations almost never keep the CRC-32C valid, so each input is decoded twice: as it is (the
// header and checksum paths) and with its last four bytes replaced by the right checksum, which lets the
// fuzzer reach the section decoders behind the checksum.
//
// Build and run (see STYLE.md):
//   swift build -c debug -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --product FuzzChunkDecoder
//   .build/debug/FuzzChunkDecoder -max_total_time=60 [corpus directory]
import HistorianCore
import MillraceCore

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    check(bytes)
    if bytes.count >= 4 {
        var resealed = bytes
        let checksum = crc32c(bytes.dropLast(4))
        for index in 0..<4 {
            resealed[bytes.count - 4 + index] = UInt8(truncatingIfNeeded: checksum >> (24 - 8 * index))
        }
        check(resealed)
    }
    return 0
}

/// Decodes `bytes`; if they are a chunk, its samples must survive a re-encode bit for bit.
func check(_ bytes: [UInt8]) {
    guard let samples = try? Chunk.decode(bytes), let kind = samples.first?.value.kind else { return }
    var encoder = ChunkEncoder(kind: kind)
    for sample in samples {
        do { try encoder.append(sample) } catch { fatalError("decoded samples do not re-encode: \(error)") }
    }
    let again: [Sample]
    do { again = try Chunk.decode(encoder.finish()) } catch { fatalError("re-encoded chunk does not decode: \(error)") }
    precondition(again.count == samples.count, "re-encoded chunk has a different number of samples")
    for (a, b) in zip(samples, again) {
        let sameValue =
            switch (a.value, b.value) {
            case (.string(let x), .string(let y)): x.utf8.elementsEqual(y.utf8)
            default: a.value.isIdentical(to: b.value)
            }
        precondition(sameValue && a.time == b.time && a.quality == b.quality, "re-encoded chunk differs")
    }
}

/// CRC-32C (Castagnoli), bitwise: deliberately not the library's table-driven one.
func crc32c(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in bytes {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0x82F6_3B78 : crc >> 1 }
    }
    return crc ^ 0xFFFF_FFFF
}

// `CommandLine.argc` and `unsafeArgv` are get-only, so libFuzzer gets mutable copies.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
_ = LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
