import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file holding the `SecretBox` key: 32 random bytes in base64 on one line, mode 0600, kept apart from
/// the database (e.g. `/etc/millrace/secret.key` vs `/var/lib/millrace/`), so backups of the data do not
/// carry the key.
///
/// The only file I/O for secrets; `SecretBox` itself is pure.
public struct SecretBoxKeyFile: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// Reads the key, refusing a file that group or others may read (like OpenSSH does for private keys).
    public func load() throws(SecurityError) -> SecretBox {
        let attributes: [FileAttributeKey: Any]
        let contents: String
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
            contents = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SecurityError(.invalidKeyFile, "cannot read the key file \(path)")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw SecurityError(
                .invalidKeyFile,
                "the key file \(path) is readable by others (mode \(String(permissions, radix: 8))); run chmod 600")
        }
        let text = contents.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), data.count == SecretBox.keyLength else {
            throw SecurityError(
                .invalidKeyFile, "the key file \(path) must hold \(SecretBox.keyLength) bytes in base64")
        }
        return try SecretBox(key: Array(data))
    }

    /// Creates a new key file with mode 0600; refuses to overwrite an existing key (that would make every
    /// sealed secret unreadable).
    @discardableResult
    public func create<G: RandomNumberGenerator>(using generator: inout G) throws(SecurityError) -> SecretBox {
        let key = SecretBox.generateKey(using: &generator)
        let line = Array((Data(key).base64EncodedString() + "\n").utf8)
        // O_EXCL: fail rather than replace an existing key; mode 0600 from the first byte written.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw SecurityError(.invalidKeyFile, "cannot create the key file \(path) (it may already exist)")
        }
        defer { close(descriptor) }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw SecurityError(.invalidKeyFile, "cannot write the key file \(path)")
        }
        return try SecretBox(key: key)
    }
}
