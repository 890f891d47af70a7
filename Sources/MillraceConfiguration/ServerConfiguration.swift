import MillraceCore

/// How hard the historian works to keep an acknowledged sample.
public enum StorageSync: String, ConfigEnum {
    /// Survives a crash or kill of the process (the default).
    case normal
    /// Also survives a power loss: every append is fsynced.
    case full
}

/// Where the historian keeps its files.
public struct StorageConfiguration: Hashable, Sendable, Codable, StrictKeys {
    /// The data directory, relative to the working directory unless absolute.
    public var directory: String
    public var sync: StorageSync
    /// When set, the historian lives in this PostgreSQL database (`postgres://user:password@host:port/database`,
    /// optionally `?sslmode=require`) instead of the embedded store; events and other local state stay in
    /// `directory`. ADR 0010.
    public var postgres: String?

    public enum Keys: String, CodingKey, CaseIterable { case directory, sync, postgres }

    /// A value sealed with the installation's secret key (`millrace secret seal`), opened at start.
    public static let sealedPrefix = "mrsec1:"
    /// The sealing context of `postgres`: a sealed value only opens for the key it was sealed for.
    public static let postgresSecretContext = "config/storage.postgres"

    public init(directory: String = "data", sync: StorageSync = .normal, postgres: String? = nil) {
        self.directory = directory
        self.sync = sync
        self.postgres = postgres
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        directory = try container.decodeIfPresent(String.self, forKey: .directory) { directory in
            directory.isEmpty || directory.contains("\0") ? "found '\(directory)', expected a directory path" : nil
        } ?? "data"
        sync = try container.decodeIfPresent(StorageSync.self, forKey: .sync) ?? .normal
        postgres = try container.decodeIfPresent(String.self, forKey: .postgres) { url in
            url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") || url.hasPrefix(Self.sealedPrefix)
                ? nil : "found a value that does not start with postgres:// (not shown: it may hold a password), expected a URL such as postgres://millrace:secret@db.example:5432/millrace, or the same sealed with `millrace secret seal` (mrsec1:…)"
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(directory, forKey: .directory)
        try container.encode(sync, forKey: .sync)
        try container.encodeIfPresent(postgres, forKey: .postgres)
    }
}

/// The web dashboard and REST API listener.
public struct HTTPConfiguration: Hashable, Sendable, Codable, StrictKeys {
    /// The address to listen on; 127.0.0.1 by default so nothing is exposed until chosen.
    public var host: String
    public var port: Int

    public enum Keys: String, CodingKey, CaseIterable { case host, port }

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        host = try container.decodeIfPresent(String.self, forKey: .host) { host in
            host.isEmpty || host.contains(" ") ? "found '\(host)', expected an IP address or host name" : nil
        } ?? "127.0.0.1"
        port = try container.decodeIfPresent(Int.self, forKey: .port) { port in
            (0...65535).contains(port) ? nil : "found \(port), expected a TCP port from 0 to 65535"
        } ?? 8080
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(host, forKey: .host)
        try container.encode(port, forKey: .port)
    }
}
