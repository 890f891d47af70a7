import MillraceCore
import ModbusCore

/// Bytes from a hex string such as "03 00 6B 00 03" (spaces optional).
func hex(_ text: String) -> [UInt8] {
    let digits = text.filter { !$0.isWhitespace }
    var bytes: [UInt8] = []
    var index = digits.startIndex
    while index < digits.endIndex {
        let next = digits.index(index, offsetBy: 2)
        bytes.append(UInt8(digits[index..<next], radix: 16)!)
        index = next
    }
    return bytes
}

/// ASCII bytes of a string literal.
func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

/// Hex text of bytes, for readable expectation failures.
func hexString(_ bytes: some Sequence<UInt8>) -> String {
    bytes.map { byte in
        let digits = String(byte, radix: 16, uppercase: true)
        return digits.count < 2 ? "0" + digits : digits
    }.joined(separator: " ")
}

extension Timestamp {
    static func ms(_ milliseconds: Int64) -> Timestamp { Timestamp(milliseconds: milliseconds) }
}

/// Decodes every frame a buffer holds, feeding it in chunks of the given sizes (cycled).
func decodeMBAP(_ stream: [UInt8], chunkSizes: [Int]) throws -> [ModbusTCPFrame] {
    var decoder = MBAPFrameDecoder()
    var buffer = ModbusByteBuffer()
    var frames: [ModbusTCPFrame] = []
    var position = 0
    var chunk = 0
    while position < stream.count {
        let size = max(1, chunkSizes[chunk % chunkSizes.count])
        chunk += 1
        let end = min(stream.count, position + size)
        buffer.writeBytes(stream[position..<end])
        position = end
        while case .frame(let frame) = try decoder.decode(buffer: &buffer) {
            frames.append(frame)
        }
        buffer.discardReadBytes()
    }
    return frames
}
