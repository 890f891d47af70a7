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

    public enum Keys: String, CodingKey, CaseIterable { case directory, sync }

    public init(directory: String = "data", sync: StorageSync = .normal) {
        self.directory = directory
        self.sync = sync
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        directory = try container.decodeIfPresent(String.self, forKey: .directory) { directory in
            directory.isEmpty || directory.contains("\0") ? "found '\(directory)', expected a directory path" : nil
        } ?? "data"
        sync = try container.decodeIfPresent(StorageSync.self, forKey: .sync) ?? .normal
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(directory, forKey: .directory)
        try container.encode(sync, forKey: .sync)
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
