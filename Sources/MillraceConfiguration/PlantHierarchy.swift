import MillraceCore

/// A site: one plant, the second level of ISA-95.
public struct SiteConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var name: String
    /// The plant's IANA time zone (for shift calendars and daily reports), such as `America/Chicago`.
    public var timezone: String
    public var areas: [AreaConfiguration]

    public enum Keys: String, CodingKey, CaseIterable { case id, name, timezone, areas }

    public init(id: String, name: String, timezone: String = "UTC", areas: [AreaConfiguration]) {
        self.id = id
        self.name = name
        self.timezone = timezone
        self.areas = areas
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id
        timezone = try container.decodeIfPresent(String.self, forKey: .timezone) { zone in
            zone.isEmpty || zone.contains(" ") ? "found '\(zone)', expected an IANA time zone such as Europe/Berlin" : nil
        } ?? "UTC"
        areas = try container.decodeIfPresent([AreaConfiguration].self, forKey: .areas) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(timezone, forKey: .timezone)
        try container.encode(areas, forKey: .areas)
    }
}

/// An area of a site: a production department or a utility (packaging, utilities, boiler house).
public struct AreaConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var name: String
    public var lines: [LineConfiguration]
    /// Assets that belong to the area itself rather than to a line (a compressor, a boiler).
    public var assets: [AssetConfiguration]

    public enum Keys: String, CodingKey, CaseIterable { case id, name, lines, assets }

    public init(id: String, name: String, lines: [LineConfiguration] = [], assets: [AssetConfiguration] = []) {
        self.id = id
        self.name = name
        self.lines = lines
        self.assets = assets
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id
        lines = try container.decodeIfPresent([LineConfiguration].self, forKey: .lines) ?? []
        assets = try container.decodeIfPresent([AssetConfiguration].self, forKey: .assets) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        if !lines.isEmpty { try container.encode(lines, forKey: .lines) }
        if !assets.isEmpty { try container.encode(assets, forKey: .assets) }
    }
}

/// A production line, or a cell of one: a sequence of assets that make one product.
public struct LineConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var name: String
    /// Work cells of the line (ISA-95 level 4), each with assets of its own.
    public var cells: [LineConfiguration]
    public var assets: [AssetConfiguration]

    public enum Keys: String, CodingKey, CaseIterable { case id, name, cells, assets }

    public init(id: String, name: String, cells: [LineConfiguration] = [], assets: [AssetConfiguration] = []) {
        self.id = id
        self.name = name
        self.cells = cells
        self.assets = assets
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id
        cells = try container.decodeIfPresent([LineConfiguration].self, forKey: .cells) ?? []
        assets = try container.decodeIfPresent([AssetConfiguration].self, forKey: .assets) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        if !cells.isEmpty { try container.encode(cells, forKey: .cells) }
        if !assets.isEmpty { try container.encode(assets, forKey: .assets) }
    }
}

/// The kind of equipment an asset is; it selects icons, templates and the analytics that apply.
public enum AssetType: String, ConfigEnum {
    case motor, pump, compressor, conveyor, fan, gearbox, robot, hvac, boiler, turbine, filler, meter, other
}

/// One piece of equipment and the tags measured on it.
public struct AssetConfiguration: Hashable, Sendable, Codable, StrictKeys {
    public var id: String
    public var name: String
    public var type: AssetType
    public var description: String
    /// Free-form nameplate data (manufacturer, model, rated power...), shown on the asset page.
    public var nameplate: [String: String]
    public var tags: [TagConfiguration]

    public enum Keys: String, CodingKey, CaseIterable { case id, name, type, description, nameplate, tags }

    public init(
        id: String, name: String, type: AssetType = .other, description: String = "",
        nameplate: [String: String] = [:], tags: [TagConfiguration] = []
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.description = description
        self.nameplate = nameplate
        self.tags = tags
    }

    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(Keys.self)
        let container = try decoder.container(keyedBy: Keys.self)
        id = try container.decode(String.self, forKey: .id, check: validSegment)
        name = try container.decodeIfPresent(String.self, forKey: .name, check: nonEmptyName) ?? id
        type = try container.decodeIfPresent(AssetType.self, forKey: .type) ?? .other
        description = try container.decodeIfPresent(String.self, forKey: .description) ?? ""
        nameplate = try container.decodeIfPresent([String: String].self, forKey: .nameplate) ?? [:]
        tags = try container.decodeIfPresent([TagConfiguration].self, forKey: .tags) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(type, forKey: .type)
        if !description.isEmpty { try container.encode(description, forKey: .description) }
        if !nameplate.isEmpty { try container.encode(nameplate, forKey: .nameplate) }
        try container.encode(tags, forKey: .tags)
    }
}
