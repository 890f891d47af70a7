import Foundation

/// RFC 4648 §5 base64url without padding (the alphabet of JWTs and URL-safe tokens), and PHC-style
/// unpadded standard base64.
public enum Base64URL {
    /// Encodes `bytes` as unpadded base64url.
    public static func encode<C: Collection<UInt8>>(_ bytes: C) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes unpadded (or padded) base64url text.
    public static func decode(_ text: String) throws(SecurityError) -> [UInt8] {
        guard !text.contains("+"), !text.contains("/") else {
            throw SecurityError(.invalidEncoding, "base64url text contains '+' or '/'")
        }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        return try decodeStandard(&standard)
    }

    /// Encodes `bytes` as standard base64 without `=` padding, the PHC string format's "B64" encoding.
    public static func encodeUnpaddedStandard<C: Collection<UInt8>>(_ bytes: C) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    /// Decodes standard base64 with or without padding.
    public static func decodeUnpaddedStandard(_ text: String) throws(SecurityError) -> [UInt8] {
        var standard = text
        return try decodeStandard(&standard)
    }

    private static func decodeStandard(_ text: inout String) throws(SecurityError) -> [UInt8] {
        while text.utf8.count % 4 != 0 { text.append("=") }
        guard let data = Data(base64Encoded: text) else {
            throw SecurityError(.invalidEncoding, "text is not valid base64")
        }
        return Array(data)
    }
}
