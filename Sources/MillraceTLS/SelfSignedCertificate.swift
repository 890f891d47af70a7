import Crypto
import Foundation
import SwiftASN1
import MillraceCore
import X509

/// The certificate Millrace makes for itself on first start, so that HTTPS works before the plant's own
/// certificate is installed: ECDSA P-256, SHA-256, valid one year, with subject alternative names for
/// `localhost`, `127.0.0.1`, `::1` and the machine's host names (browsers match only the SAN,
/// RFC 6125 §6.4.4, and Python's and curl's verifiers likewise).
public enum SelfSignedCertificate {
    public static let validity: Duration = .seconds(365 * 24 * 3600)
    /// The start of the common name, which tells Millrace's own certificates from the plant's.
    public static let commonNamePrefix = "Millrace self-signed"

    /// A new key and certificate as PEM text. `now` is the start of validity (backdated one hour for
    /// clients whose clocks run slightly behind).
    public static func generate(hostNames: [String], now: Timestamp, validity: Duration = validity)
        throws(TLSError) -> (certificatePEM: String, privateKeyPEM: String)
    {
        let key = P256.Signing.PrivateKey()
        let certificateKey = Certificate.PrivateKey(key)
        var names: [GeneralName] = [.dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))]
        names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))))
        for host in hostNames where !host.isEmpty && host != "localhost" {
            if let address = IPAddressBytes.parse(host) {
                names.append(.ipAddress(ASN1OctetString(contentBytes: ArraySlice(address))))
            } else {
                names.append(.dnsName(host))
            }
        }
        let commonName = hostNames.first { !$0.isEmpty } ?? "localhost"
        do {
            let subject = try DistinguishedName {
                OrganizationName("Millrace")
                CommonName("\(commonNamePrefix) \(commonName)")
            }
            let extensions = try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
            }
            var serial = [UInt8](repeating: 0, count: 16)
            for index in serial.indices { serial[index] = UInt8.random(in: 0...255) }
            serial[0] &= 0x7F  // a positive INTEGER (RFC 5280 §4.1.2.2)
            let start = Date(timeIntervalSince1970: Double(now.seconds - 3600))
            let end = Date(timeIntervalSince1970: Double((now + validity).seconds))
            let certificate = try Certificate(
                version: .v3, serialNumber: Certificate.SerialNumber(bytes: serial),
                publicKey: certificateKey.publicKey, notValidBefore: start, notValidAfter: end, issuer: subject,
                subject: subject, signatureAlgorithm: .ecdsaWithSHA256, extensions: extensions,
                issuerPrivateKey: certificateKey)
            return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
        } catch {
            throw TLSError("cannot create the self-signed certificate: \(error)")
        }
    }
}

/// Textual IPv4 and IPv6 addresses to their bytes, for subject alternative names.
enum IPAddressBytes {
    static func parse(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }
}
