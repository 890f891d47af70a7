extension TOTP {
    /// The `otpauth://totp/…` URI an authenticator app reads from a QR code (Google Authenticator
    /// "Key Uri Format"): label `Issuer:account`, secret in unpadded base32 (RFC 4648 §6), and the
    /// algorithm, digits and period.
    ///
    /// The URI contains the secret: show it once, as a QR code, and never log it.
    public func provisioningURI(issuer: String, account: String) -> String {
        let label = Self.percentEncode(issuer) + ":" + Self.percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret, padding: false))"
            + "&issuer=\(Self.percentEncode(issuer))&algorithm=\(algorithm.rawValue)&digits=\(digits)&period=\(period)"
    }

    /// RFC 3986 §2.3: everything but unreserved characters is percent-encoded.
    static func percentEncode(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output += "%" + Hex.encode([byte]).uppercased()
            }
        }
        return output
    }
}
