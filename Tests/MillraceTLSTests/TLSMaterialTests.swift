import Crypto
import Foundation
import MillraceCore
import MillraceTLS
import MillraceTestSupport
import Testing

@Suite struct TLSMaterialTests {
    let now = Timestamp(seconds: 1_795_680_000)  // 2026-11-26

    @Test func firstStartMakesAPrivateKeyAndAOneYearCertificateThenReusesThem() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: ["gateway-7"], now: now)
        #expect(first.origin == .selfSignedNew)
        #expect(first.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        #expect(first.certificatePEM.hasPrefix("-----BEGIN CERTIFICATE-----"))
        let keyMode = try FileManager.default.attributesOfItem(atPath: first.keyPath)[.posixPermissions] as? Int
        #expect(keyMode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: directory.file("tls"))[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(try first.expiry(now: now).daysLeft == 365)

        let again = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: ["gateway-7"], now: now + .seconds(86_400))
        #expect(again.origin == .selfSignedExisting)
        #expect(again.certificatePEM == first.certificatePEM)
        _ = try again.serverConfiguration()

        // The fingerprint is SHA-256 over the DER bytes, as browsers and `openssl x509 -fingerprint` show it.
        let body = first.certificatePEM.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        let der = try #require(Data(base64Encoded: body))
        let expected = SHA256.hash(data: der).map { String(format: "%02X", $0) }.joined(separator: ":")
        #expect(try first.fingerprintSHA256() == expected)
    }

    @Test func aSelfSignedCertificateNearItsEndIsReplaced() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let first = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: [], now: now)
        let later = now + .seconds(340 * 86_400)
        #expect(try first.expiry(now: later).isCloseToExpiry())
        let renewed = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: [], now: later)
        #expect(renewed.origin == .selfSignedNew)
        #expect(renewed.certificatePEM != first.certificatePEM)
        #expect(try renewed.expiry(now: later).daysLeft == 365)
    }

    @Test func thePlantsOwnCertificateIsUsedAndAMismatchedKeyRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let plant = try SelfSignedCertificate.generate(hostNames: ["historian.plant.example"], now: now)
        let other = try SelfSignedCertificate.generate(hostNames: ["other"], now: now)
        let certificate = try directory.write("plant.crt", plant.certificatePEM)
        let key = try directory.write("plant.key", plant.privateKeyPEM)
        let wrongKey = try directory.write("other.key", other.privateKeyPEM)

        let material = try TLSMaterial.loadOrCreate(
            dataDirectory: directory.path, configured: (certificate, key), now: now)
        #expect(material.origin == .configured)
        #expect(material.certificatePEM == plant.certificatePEM)
        #expect(!FileManager.default.fileExists(atPath: directory.file("tls")))  // nothing self-signed made

        #expect {
            _ = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, configured: (certificate, wrongKey), now: now)
        } throws: { error in (error as? TLSError)?.message.contains("does not belong") == true }
        #expect(throws: TLSError.self) {
            _ = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, configured: (directory.file("missing.crt"), key), now: now)
        }
        let garbage = try directory.write("garbage.crt", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
        #expect(throws: TLSError.self) {
            _ = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, configured: (garbage, key), now: now)
        }
    }

    @Test func expiryCountsWholeDaysAndGoesNegative() throws {
        let pem = try SelfSignedCertificate.generate(hostNames: [], now: now).certificatePEM
        #expect(try CertificateExpiry(certificatePEM: pem, now: now).daysLeft == 365)
        #expect(try CertificateExpiry(certificatePEM: pem, now: now + .seconds(366 * 86_400)).daysLeft == -1)
        #expect(throws: TLSError.self) { _ = try CertificateExpiry(certificatePEM: "nonsense", now: now) }
    }
}

@Suite struct TLSReplacementTests {
    @Test func thePlantsFilesCopiedIntoTheDataDirectoryAreUsedAndNeverReplaced() throws {
        let now = Timestamp(seconds: 1_795_680_000)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: [], now: now)
        // A plant certificate (any issuer but Millrace) with only 10 days left, copied over ours.
        let plant = try PlantCertificate.make(now: now, days: 10)
        try directory.write("tls/server.crt", plant.certificatePEM)
        try directory.write("tls/server.key", plant.privateKeyPEM)
        let material = try TLSMaterial.loadOrCreate(dataDirectory: directory.path, hostNames: [], now: now)
        #expect(material.origin == .configured)
        #expect(material.certificatePEM == plant.certificatePEM)
        #expect(try material.expiry(now: now).daysLeft == 10)
    }
}
