import Crypto
import Foundation
import MillraceCore
import X509

/// A certificate as a plant's own CA would issue it (not named "Millrace self-signed").
enum PlantCertificate {
    static func make(now: Timestamp, days: Int64) throws -> (certificatePEM: String, privateKeyPEM: String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("Example Plant")
            CommonName("historian.plant.example")
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [1, 2, 3]),
            publicKey: Certificate.PrivateKey(key).publicKey,
            notValidBefore: Date(timeIntervalSince1970: Double(now.seconds - 86_400)),
            notValidAfter: Date(timeIntervalSince1970: Double(now.seconds + days * 86_400)), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions { SubjectAlternativeNames([.dnsName("historian.plant.example")]) },
            issuerPrivateKey: Certificate.PrivateKey(key))
        return (try certificate.serializeAsPEM().pemString, key.pemRepresentation)
    }
}
