// libFuzzer target for the Modbus decoders: MBAP framing, request and response PDUs (both directions)
// and RTU framing. Every decoder must return a value or a typed error for any bytes; the harness traps
// only when an invariant below is broken (a round trip that changes a value, framing that depends on
// how the bytes were chunked), which libFuzzer reports as a crash with the input that caused it.
//
// Build and run (see STYLE.md):
//   swift build -c debug -Xswiftc -sanitize=fuzzer -Xswiftc -use-ld=lld --product FuzzModbusADU
//   .build/debug/FuzzModbusADU -max_total_time=60

import ModbusCore

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Decodes a PDU both ways; whatever decodes must re-encode to bytes that decode to the same value.
func checkPDU(_ pdu: ArraySlice<UInt8>) {
    if let request = try? ModbusRequest.decode(pdu) {
        guard let bytes = try? request.encode(), (try? ModbusRequest.decode(bytes)) == request else {
            preconditionFailure("request does not round-trip: \(request)")
        }
        // A server's answer to it: the exception for a failed decode or a response checked against it.
        _ = try? ModbusResponse.decode(pdu, answering: request)
    } else {
        do {
            _ = try ModbusRequest.decode(pdu)
        } catch {
            // Every decoding failure of a request is answerable with an exception code.
            precondition(error.exceptionCode != nil, "request error without exception code: \(error)")
            precondition(error.bytes.count <= ModbusDecodingError.maximumBytesKept)
        }
    }
    if let response = try? ModbusResponse.decode(pdu) {
        guard let bytes = try? response.encode(), (try? ModbusResponse.decode(bytes)) == response else {
            preconditionFailure("response does not round-trip: \(response)")
        }
    }
}

/// All frames of a stream fed at once, or nil at the first error; and the frames fed in `chunk`-byte steps.
func mbapFrames(_ bytes: [UInt8], chunk: Int) -> (frames: [ModbusTCPFrame], failed: Bool) {
    var decoder = MBAPFrameDecoder()
    var buffer = ModbusByteBuffer()
    var frames: [ModbusTCPFrame] = []
    var position = 0
    while position < bytes.count {
        let end = min(bytes.count, position + chunk)
        buffer.writeBytes(bytes[position..<end])
        position = end
        while true {
            do {
                guard case .frame(let frame) = try decoder.decode(buffer: &buffer) else { break }
                precondition((1...253).contains(frame.pdu.count), "frame PDU of \(frame.pdu.count) bytes")
                frames.append(frame)
            } catch {
                return (frames, true)
            }
        }
        buffer.discardReadBytes()
    }
    return (frames, false)
}

func rtuFrames(_ bytes: [UInt8], direction: ModbusRTUFrameDecoder.Direction) -> [ModbusRTUFrame] {
    var decoder = ModbusRTUFrameDecoder(direction: direction)
    var buffer = ModbusByteBuffer(bytes)
    var frames: [ModbusRTUFrame] = []
    while let result = try? decoder.decode(buffer: &buffer), case .frame(let frame) = result {
        precondition(frame.pdu.count <= 253, "RTU PDU of \(frame.pdu.count) bytes")
        guard let encoded = try? frame.encode() else { preconditionFailure("decoded RTU frame does not encode") }
        precondition(CRC16Modbus.checksum(encoded) == 0, "a frame with its CRC appended must check to 0")
        frames.append(frame)
    }
    return frames
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // The whole input as one PDU, both directions.
    checkPDU(bytes[...])

    // MBAP: the same frames whether the stream arrives at once, byte by byte or in odd chunks.
    let whole = mbapFrames(bytes, chunk: bytes.count)
    let single = mbapFrames(bytes, chunk: 1)
    let odd = mbapFrames(bytes, chunk: 1 + Int(bytes[0] % 13))
    precondition(whole.frames == single.frames && whole.failed == single.failed, "MBAP depends on chunking")
    precondition(whole.frames == odd.frames && whole.failed == odd.failed, "MBAP depends on chunking")
    for frame in whole.frames {
        checkPDU(frame.pdu[...])
        guard let encoded = try? frame.encode() else { preconditionFailure("decoded MBAP frame does not encode") }
        precondition(mbapFrames(encoded, chunk: encoded.count).frames == [frame], "MBAP frame does not round-trip")
    }

    // RTU in both directions; a found frame's PDU goes through the PDU decoders too.
    for frame in rtuFrames(bytes, direction: .requests) + rtuFrames(bytes, direction: .responses) {
        checkPDU(frame.pdu[...])
    }
    return 0
}

// `CommandLine.argc` and `unsafeArgv` are get-only, so libFuzzer gets mutable copies.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
_ = LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
