/// RFC 4648 §6 base32 (alphabet `A–Z 2–7`), the encoding of TOTP secrets in authenticator apps.
public enum Base32 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes `bytes`; with `padding`, the output is padded with `=` to a multiple of 8 characters
    /// (RFC 4648 §6). `otpauth://` URIs use the unpadded form.
    public static func encode<C: Collection<UInt8>>(_ bytes: C, padding: Bool = true) -> String {
        var output: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt64(byte)
            bits += 8
            while bits >= 5 {
                output.append(alphabet[Int((buffer >> UInt64(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt64(5 - bits)) & 0x1F)]) }
        if padding { while output.count % 8 != 0 { output.append(UInt8(ascii: "=")) } }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base32 text, accepting lower case, missing padding, and spaces or hyphens as group
    /// separators (how secrets are often typed from a screen).
    public static func decode(_ text: String) throws(SecurityError) -> [UInt8] {
        var output: [UInt8] = []
        var buffer: UInt64 = 0
        var bits = 0
        var seenPadding = false
        for (offset, character) in text.utf8.enumerated() {
            if character == UInt8(ascii: " ") || character == UInt8(ascii: "-") { continue }
            if character == UInt8(ascii: "=") {
                seenPadding = true
                continue
            }
            let value: UInt8
            switch character {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = character - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = character - UInt8(ascii: "a")
            case UInt8(ascii: "2")...UInt8(ascii: "7"): value = character - UInt8(ascii: "2") + 26
            default:
                throw SecurityError(.invalidEncoding, "base32 text has an invalid character at offset \(offset)")
            }
            if seenPadding {
                throw SecurityError(.invalidEncoding, "base32 text continues after '=' padding at offset \(offset)")
            }
            buffer = (buffer << 5) | UInt64(value)
            bits += 5
            if bits >= 8 {
                output.append(UInt8((buffer >> UInt64(bits - 8)) & 0xFF))
                bits -= 8
            }
        }
        // RFC 4648 §6: a final quantum leaves 0, 2, 4, 1 or 3 spare bits; 5 or more spare bits means a
        // character too many, which no encoder produces.
        if bits >= 5 { throw SecurityError(.invalidEncoding, "base32 text has a truncated final group") }
        return output
    }
}
