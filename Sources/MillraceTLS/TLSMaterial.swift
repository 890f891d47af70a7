import Foundation
import MillraceCore
import Crypto
import NIOSSL
import SwiftASN1
import X509

#if canImport(Glibc)
    import Glibc
#endif

/// The server's certificate chain and private key, as PEM text, and where they came from.
public struct TLSMaterial: Sendable, CustomStringConvertible {
    public enum Origin: String, Sendable {
        /// Made by Millrace on an earlier start and reused.
        case selfSignedExisting
        /// Made by Millrace now (first start, or the previous one was about to expire).
        case selfSignedNew
        /// The plant's own certificate and key from the configuration.
        case configured
    }

    public var certificatePEM: String
    public var privateKeyPEM: String
    public var certificatePath: String
    public var keyPath: String
    public var origin: Origin

    /// File names inside `<data directory>/tls/`.
    public static let certificateFileName = "server.crt"
    public static let keyFileName = "server.key"
    /// A self-signed certificate closer than this to its end is replaced at start.
    public static let renewBefore: Duration = .seconds(30 * 24 * 3600)

    /// The plant's own certificate (chain) and key when `configured` names them; otherwise the pair in
    /// `<dataDirectory>/tls/`: the plant's if someone copied theirs there (used as is), else Millrace's
    /// self-signed one, made now if missing or within 30 days of expiry.
    /// The key file is written with mode 0600 and its folder 0700.
    public static func loadOrCreate(
        dataDirectory: String, configured: (certificate: String, key: String)? = nil, hostNames: [String] = systemHostNames(),
        now: Timestamp
    ) throws(TLSError) -> TLSMaterial {
        if let configured {
            let material = TLSMaterial(
                certificatePEM: try read(configured.certificate), privateKeyPEM: try read(configured.key),
                certificatePath: configured.certificate, keyPath: configured.key, origin: .configured)
            try material.checkKeyMatchesCertificate()
            return material
        }
        let directory = dataDirectory + "/tls"
        let certificatePath = directory + "/" + certificateFileName
        let keyPath = directory + "/" + keyFileName
        if FileManager.default.fileExists(atPath: certificatePath), FileManager.default.fileExists(atPath: keyPath) {
            var existing = TLSMaterial(
                certificatePEM: try read(certificatePath), privateKeyPEM: try read(keyPath),
                certificatePath: certificatePath, keyPath: keyPath, origin: .selfSignedExisting)
            // The plant's own files copied over ours are used as they are and never replaced.
            if !existing.isMillraceSelfSigned {
                existing.origin = .configured
                try existing.checkKeyMatchesCertificate()
                return existing
            }
            if let expiry = try? existing.expiry(now: now), expiry.remaining > renewBefore {
                try existing.checkKeyMatchesCertificate()
                return existing
            }
        }
        let (certificate, key) = try SelfSignedCertificate.generate(hostNames: hostNames, now: now)
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch { throw TLSError("cannot create \(directory): \(error.localizedDescription)") }
        try write(key, to: keyPath, mode: 0o600)
        try write(certificate, to: certificatePath, mode: 0o644)
        return TLSMaterial(
            certificatePEM: certificate, privateKeyPEM: key, certificatePath: certificatePath, keyPath: keyPath,
            origin: .selfSignedNew)
    }

    /// The server's TLS configuration: this chain and key, TLS 1.2 or newer only (TLS 1.0 and 1.1 are
    /// deprecated by RFC 8996), NIOSSL's default cipher suites (forward-secret AEAD ciphers).
    public func serverConfiguration() throws(TLSError) -> TLSConfiguration {
        do {
            let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificatePEM.utf8)).map { NIOSSLCertificateSource.certificate($0) }
            guard !chain.isEmpty else { throw TLSError("\(certificatePath) holds no certificate") }
            let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
            var configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            configuration.minimumTLSVersion = .tlsv12
            return configuration
        } catch let error as TLSError {
            throw error
        } catch {
            throw TLSError("cannot use \(certificatePath) and \(keyPath) for TLS: \(error)")
        }
    }

    /// When the (first) certificate ends and how long is left, for security monitoring.
    public func expiry(now: Timestamp) throws(TLSError) -> CertificateExpiry {
        try CertificateExpiry(certificatePEM: certificatePEM, now: now, path: certificatePath)
    }

    /// Whether the certificate is one Millrace made (its subject says so); unreadable counts as ours, so a
    /// damaged self-signed pair is replaced.
    var isMillraceSelfSigned: Bool {
        guard let certificate = try? Certificate(pemEncoded: Self.firstPEMBlock(certificatePEM)) else { return true }
        return certificate.subject.description.contains(SelfSignedCertificate.commonNamePrefix)
    }

    /// The SHA-256 fingerprint of the (first) certificate, `AB:CD:…`, to print at start so a person can
    /// compare it with what the browser shows before trusting a self-signed certificate.
    public func fingerprintSHA256() throws(TLSError) -> String {
        do {
            let certificate = try Certificate(pemEncoded: Self.firstPEMBlock(certificatePEM))
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return SHA256.hash(data: serializer.serializedBytes).map { byte in
                let hex = String(byte, radix: 16, uppercase: true)
                return hex.count == 1 ? "0" + hex : hex
            }.joined(separator: ":")
        } catch {
            throw TLSError("cannot read \(certificatePath) as a PEM certificate: \(error)")
        }
    }

    /// Refuses a key that does not belong to the certificate (a common mistake when replacing files).
    func checkKeyMatchesCertificate() throws(TLSError) {
        do {
            let certificate = try Certificate(pemEncoded: Self.firstPEMBlock(certificatePEM))
            let key = try Certificate.PrivateKey(pemEncoded: privateKeyPEM)
            guard key.publicKey == certificate.publicKey else {
                throw TLSError("the key \(keyPath) does not belong to the certificate \(certificatePath)")
            }
        } catch let error as TLSError {
            throw error
        } catch {
            throw TLSError("cannot read \(certificatePath) or \(keyPath) as PEM: \(error)")
        }
    }

    static func firstPEMBlock(_ text: String) -> String {
        guard let end = text.range(of: "-----END CERTIFICATE-----") else { return text }
        return String(text[..<end.upperBound])
    }

    /// This machine's host name, for the self-signed certificate's names.
    public static func systemHostNames() -> [String] {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return [] }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? [] : [name]
    }

    private static func read(_ path: String) throws(TLSError) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw TLSError("cannot read \(path)")
        }
        return text
    }

    /// Writes through a temporary file created with `mode` and renamed into place, so the key is never
    /// readable by others, not even for a moment, and a crash leaves the old file or the new one.
    private static func write(_ text: String, to path: String, mode: mode_t) throws(TLSError) {
        let temporary = path + ".tmp"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode)
        guard descriptor >= 0 else { throw TLSError("cannot create \(temporary)") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            throw TLSError("cannot write \(path)")
        }
    }

    public var description: String { "TLSMaterial(\(origin.rawValue), \(certificatePath), key redacted)" }
}

/// How long a certificate remains valid, for the security monitor ("certificates close to expiry").
public struct CertificateExpiry: Hashable, Sendable, CustomStringConvertible {
    public var notAfter: Timestamp
    public var remaining: Duration
    /// Whole days left (negative once expired).
    public var daysLeft: Int {
        let (seconds, _) = remaining.components
        return Int(seconds.dividedRoundingDown(by: 86_400))
    }

    public init(certificatePEM: String, now: Timestamp, path: String = "the certificate") throws(TLSError) {
        let certificate: Certificate
        do { certificate = try Certificate(pemEncoded: TLSMaterial.firstPEMBlock(certificatePEM)) } catch {
            throw TLSError("cannot read \(path) as a PEM certificate: \(error)")
        }
        notAfter = Timestamp(microseconds: Int64(certificate.notValidAfter.timeIntervalSince1970 * 1_000_000))
        remaining = notAfter - now
    }

    /// Whether fewer than `days` remain (the monitor raises an alarm then; 30 by default).
    public func isCloseToExpiry(within days: Int = 30) -> Bool { daysLeft < days }

    public var description: String { "expires \(notAfter) (\(daysLeft) days left)" }
}

extension Int64 {
    func dividedRoundingDown(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
