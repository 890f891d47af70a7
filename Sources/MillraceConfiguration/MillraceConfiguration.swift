import MillraceCore

/// The whole configuration of one Millrace installation: the plant hierarchy with its tags, the connections
/// the tags are read through, storage and the HTTP server. Loaded from one YAML file by `ConfigurationLoader`.
public struct MillraceConfiguration: Hashable, Sendable, Codable, StrictKeys {
    /// The configuration format version this build reads.
    public static let currentVersion = 1

    public var version: Int
    /// The enterprise: the top of the ISA-95 hierarchy, one per installation.
    public var enterprise: String
    public var sites: [SiteConfiguration]
    public var connections: [ConnectionConfiguration]
    public var storage: StorageConfiguration
    public var http: HTTPConfiguration
    /// Retention and per-tag compression of the historian.
    public var historian: HistorianConfiguration
    /// Bearing geometries by designation, over the built-in catalogue (BearingConfiguration.swift).
    public var bearings: [BearingConfiguration] = []
    /// TLS, secrets, MFA policy and the outbound-only edge mode (SecurityConfiguration.swift).
    public var security: SecurityConfiguration = .init()

    public enum Keys: String, CodingKey, CaseIterable {
        case version, enterprise, sites, connections, storage, http, historian
        case bearings, security
    }

    public init(
        version: Int = MillraceConfiguration.currentVersion, enterprise: String, sites: [SiteConfiguration],
        connections: [ConnectionConfiguration], storage: StorageConfiguration = .init(),
        http: HTTPConfiguration = .init(), historian: HistorianConfiguration = .init()
    ) {
        self.version = version
        self.enterprise = enterprise
        self.sites = sites
        self.connections = connections
        self.storage = storage
        self.http = http
        self.historian = historian
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        version = try container.decode(Int.self, forKey: .version) { version in
            version == Self.currentVersion
                ? nil
                : "found version \(version), expected \(Self.currentVersion) (this build of Millrace reads version \(Self.currentVersion))"
        }
        enterprise = try container.decode(String.self, forKey: .enterprise, check: nonEmptyName)
        sites = try container.decode([SiteConfiguration].self, forKey: .sites) { sites in
            sites.isEmpty ? "found an empty list, expected at least one site" : nil
        }
        connections = try container.decodeIfPresent([ConnectionConfiguration].self, forKey: .connections) ?? []
        storage = try container.decodeIfPresent(StorageConfiguration.self, forKey: .storage) ?? .init()
        http = try container.decodeIfPresent(HTTPConfiguration.self, forKey: .http) ?? .init()
        historian = try container.decodeIfPresent(HistorianConfiguration.self, forKey: .historian) ?? .init()
        bearings = try container.decodeIfPresent([BearingConfiguration].self, forKey: .bearings, check: uniqueDesignations) ?? []
        security = try container.decodeIfPresent(SecurityConfiguration.self, forKey: .security) ?? .init()
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(version, forKey: .version)
        try container.encode(enterprise, forKey: .enterprise)
        try container.encode(sites, forKey: .sites)
        try container.encode(connections, forKey: .connections)
        try container.encode(storage, forKey: .storage)
        try container.encode(http, forKey: .http)
        if historian != HistorianConfiguration() { try container.encode(historian, forKey: .historian) }
        if !bearings.isEmpty { try container.encode(bearings, forKey: .bearings) }
        if security != SecurityConfiguration() { try container.encode(security, forKey: .security) }
    }
}

func nonEmptyName(_ text: String) -> String? {
    if text.trimmingWhitespace().isEmpty { return "found an empty name, expected some text" }
    if text.count > 200 { return "found a name of \(text.count) characters, expected at most 200" }
    return nil
}

func validSegment(_ id: String) -> String? {
    do {
        _ = try AssetPath(segments: [id])
        return nil
    } catch {
        return "found '\(id.prefix(80))', expected an id of 1 to 64 letters, digits, '_' or '-'"
    }
}

import Yams

extension MillraceConfiguration {
    /// The configuration as YAML that `ConfigurationLoader` reads back to an equal value.
    public func yamlText() throws -> String {
        try YAMLEncoder().encode(self)
    }
}
