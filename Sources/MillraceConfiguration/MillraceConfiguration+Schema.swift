import MillraceCore

/// The JSON Schema of the configuration file, built from the same key lists the decoders use.
/// `millrace config schema` prints it; `docs/schema/millrace.schema.json` is a copy kept equal by a test.
public enum ConfigurationSchema {
    static let idPattern = "^[A-Za-z0-9_-]{1,64}$"
    static let durationPattern = "^[0-9]+(\\.[0-9]+)?\\s*(us|µs|ms|s|m|min|h|d)?$"

    static let duration = JSONSchema.oneOf(
        [
            .string(description: "", pattern: durationPattern, enumeration: nil),
            .number(description: "seconds", exclusiveMinimumZero: true),
        ], description: "A duration such as 500ms, 1s, 5m or 2h, or a number of seconds.")

    /// Each configuration type's schema by definition name, with the keys its decoder accepts.
    public static let definitions: [(name: String, keys: [String], schema: JSONSchema)] = [
        ("site", SiteConfiguration.Keys.allCases.map(\.stringValue), site),
        ("area", AreaConfiguration.Keys.allCases.map(\.stringValue), area),
        ("line", LineConfiguration.Keys.allCases.map(\.stringValue), line),
        ("asset", AssetConfiguration.Keys.allCases.map(\.stringValue), asset),
        ("tag", TagConfiguration.Keys.allCases.map(\.stringValue), tag),
        ("connection", ConnectionConfiguration.Keys.allCases.map(\.stringValue), connection),
        ("storage", StorageConfiguration.Keys.allCases.map(\.stringValue), storage),
        ("http", HTTPConfiguration.Keys.allCases.map(\.stringValue), http),
        ("bearing", BearingConfiguration.Keys.allCases.map(\.stringValue), bearing),
        ("historian", HistorianConfiguration.Keys.allCases.map(\.stringValue), historian),
        ("retentionClass", RetentionClassConfiguration.Keys.allCases.map(\.stringValue), retentionClass),
        ("historianTag", HistorianTagConfiguration.Keys.allCases.map(\.stringValue), historianTag),
        ("security", SecurityConfiguration.Keys.allCases.map(\.stringValue), security),
        ("root", MillraceConfiguration.Keys.allCases.map(\.stringValue), root),
    ]

    static let root = JSONSchema.object(
        properties: [
            ("version", .integer(description: "Configuration format version.", minimum: 1, maximum: 1)),
            ("enterprise", .string(description: "The enterprise, top of the ISA-95 hierarchy.", pattern: nil, enumeration: nil)),
            ("sites", .array(items: .reference("site"), minItems: 1, description: "Plants.")),
            ("connections", .array(items: .reference("connection"), minItems: nil, description: "Sources of samples.")),
            ("storage", .reference("storage")),
            ("http", .reference("http")),
            ("historian", .reference("historian")),
            ("bearings", .array(items: .reference("bearing"), minItems: nil, description: "Bearing geometries by designation, over the built-in catalogue.")),
            ("security", .reference("security")),
        ], required: ["version", "enterprise", "sites"], description: "A Millrace configuration.")

    static let security = JSONSchema.object(
        properties: [
            ("tls", .string(description: "auto: TLS on any listener reachable from other machines, plain HTTP on loopback only; on: always; off: never (refused off loopback unless allowPlaintextOnNetwork).", pattern: nil, enumeration: TLSMode.allCases.map(\.rawValue))),
            ("certificate", .string(description: "The plant's certificate chain (PEM) for HTTPS; without it a self-signed one is made in DATA-DIR/tls.", pattern: nil, enumeration: nil)),
            ("privateKey", .string(description: "The private key (PEM) of certificate.", pattern: nil, enumeration: nil)),
            ("secretKeyFile", .string(description: "The key encrypting secrets at rest (default DATA-DIR/secret.key); keep it outside backups of the data.", pattern: nil, enumeration: nil)),
            ("mfa", .string(description: "Who must pass a second factor: everyone, or anyone holding at least this role, or none.", pattern: nil, enumeration: MFARequirement.allCases.map(\.rawValue))),
            ("mfaScopes", .array(items: .string(description: "", pattern: nil, enumeration: nil), minItems: nil, description: "Asset paths (sites) where every user with a role needs MFA.")),
            ("outboundOnly", .boolean(description: "Edge mode: no HTTP listener; the node only makes outbound connections.")),
            ("allowPlaintextOnNetwork", .boolean(description: "Allow tls: off on an address other than loopback.")),
        ], required: [], description: "TLS, secrets at rest, MFA and the outbound-only edge mode.")

    static let site = JSONSchema.object(
        properties: [
            ("id", .string(description: "Stable id, part of asset paths.", pattern: idPattern, enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("timezone", .string(description: "IANA time zone, e.g. Europe/Berlin.", pattern: nil, enumeration: nil)),
            ("areas", .array(items: .reference("area"), minItems: nil, description: "")),
        ], required: ["id"], description: "A site (plant).")

    static let area = JSONSchema.object(
        properties: [
            ("id", .string(description: "Stable id, unique in its site.", pattern: idPattern, enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("lines", .array(items: .reference("line"), minItems: nil, description: "")),
            ("assets", .array(items: .reference("asset"), minItems: nil, description: "Assets directly under the area.")),
        ], required: ["id"], description: "An area of a site.")

    static let line = JSONSchema.object(
        properties: [
            ("id", .string(description: "Stable id, unique in its area.", pattern: idPattern, enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("cells", .array(items: .reference("line"), minItems: nil, description: "Work cells of the line.")),
            ("assets", .array(items: .reference("asset"), minItems: nil, description: "")),
        ], required: ["id"], description: "A production line or work cell.")

    static let asset = JSONSchema.object(
        properties: [
            ("id", .string(description: "Stable id, unique in its parent.", pattern: idPattern, enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("type", .string(description: "Kind of equipment.", pattern: nil, enumeration: AssetType.allCases.map(\.rawValue))),
            ("description", .string(description: "", pattern: nil, enumeration: nil)),
            ("nameplate", .stringMap(description: "Nameplate data such as manufacturer, model, rated power.")),
            ("tags", .array(items: .reference("tag"), minItems: nil, description: "")),
        ], required: ["id"], description: "A piece of equipment.")

    static let tag = JSONSchema.object(
        properties: [
            ("id", .string(description: "Unique tag id.", pattern: "^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$", enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("description", .string(description: "", pattern: nil, enumeration: nil)),
            ("connection", .string(description: "Id of the connection the tag is read through.", pattern: nil, enumeration: nil)),
            ("address", .string(description: "Where the value lives in the source.", pattern: nil, enumeration: nil)),
            ("type", .string(description: "Data type at the source.", pattern: nil, enumeration: TagDataType.allCases.map(\.rawValue))),
            ("byteOrder", .string(description: "Byte and word order of multi-register values.", pattern: nil, enumeration: ByteOrder.allCases.map(\.rawValue))),
            ("unit", .string(description: "Engineering unit symbol, e.g. °C, A, mm/s.", pattern: nil, enumeration: nil)),
            ("scale", .number(description: "Engineering value = raw × scale + offset.", exclusiveMinimumZero: false)),
            ("offset", .number(description: "", exclusiveMinimumZero: false)),
            ("deadband", .number(description: "Absolute deadband in engineering units.", exclusiveMinimumZero: true)),
            ("pollInterval", duration),
            ("maxInterval", duration),
            ("writable", .boolean(description: "Whether Millrace may write the tag. Off unless set.")),
            ("length", .integer(description: "String tags on register devices: length in characters.", minimum: 1, maximum: 250)),
        ], required: ["id", "connection", "address", "type"], description: "A measured point.")

    static let connection = JSONSchema.object(
        properties: [
            ("id", .string(description: "Stable id.", pattern: idPattern, enumeration: nil)),
            ("name", .string(description: "Display name.", pattern: nil, enumeration: nil)),
            ("type", .string(description: "Protocol.", pattern: nil, enumeration: ConnectionType.allCases.map(\.rawValue))),
            ("pollInterval", duration),
            ("enabled", .boolean(description: "")),
            ("model", .string(description: "Simulator: equipment model.", pattern: nil, enumeration: SimulatorModel.allCases.map(\.rawValue))),
            ("seed", .integer(description: "Simulator: random seed.", minimum: 0, maximum: nil)),
            ("host", .string(description: "Modbus: host name or IP address.", pattern: nil, enumeration: nil)),
            ("port", .integer(description: "Modbus: TCP port.", minimum: 1, maximum: 65535)),
            ("unitId", .integer(description: "Modbus: unit id.", minimum: 0, maximum: 255)),
            ("timeout", duration),
            ("pipelineWindow", .integer(description: "Modbus: requests in flight at once.", minimum: 1, maximum: 64)),
            ("maxGap", .integer(description: "Modbus: largest gap one read may span to cover several tags.", minimum: 0, maximum: 120)),
        ], required: ["id", "type"], description: "A source of samples.")

    static let storage = JSONSchema.object(
        properties: [
            ("directory", .string(description: "Data directory.", pattern: nil, enumeration: nil)),
            ("sync", .string(description: "normal: survives a crash of the process; full: also a power loss.", pattern: nil, enumeration: StorageSync.allCases.map(\.rawValue))),
            ("postgres", .string(description: "Keep the historian in this PostgreSQL database instead of the embedded store: postgres://user:password@host:port/database[?sslmode=require], or that URL sealed with `millrace secret seal --context config/storage.postgres` (mrsec1:...).", pattern: "^(postgres(ql)?://|mrsec1:)", enumeration: nil)),
        ],
        required: [], description: "Historian storage.")

    static let http = JSONSchema.object(
        properties: [
            ("host", .string(description: "Listen address.", pattern: nil, enumeration: nil)),
            ("port", .integer(description: "Listen port.", minimum: 0, maximum: 65535)),
        ], required: [], description: "Web dashboard and API listener.")

    static let retentionPeriod = JSONSchema.string(
        description: "forever, or a whole number with a unit h, d, w or y (365 days), such as 90d or 2y.",
        pattern: "^(forever|[0-9]+\\s*[hdwy])$", enumeration: nil)

    static let historian = JSONSchema.object(
        properties: [
            ("retentionClasses", .array(items: .reference("retentionClass"), minItems: nil, description: "How long each class of tags keeps its data.")),
            ("defaultRetentionClass", .string(description: "The class of tags without their own (default: 'default', which keeps everything unless defined).", pattern: idPattern, enumeration: nil)),
            ("retentionInterval", duration),
            ("tags", .array(items: .reference("historianTag"), minItems: nil, description: "Per-tag retention class and compression.")),
        ], required: [], description: "Historian retention and compression; everything is kept, losslessly, unless set.")

    static let retentionClass = JSONSchema.object(
        properties: [
            ("id", .string(description: "Class name, referenced by tags.", pattern: idPattern, enumeration: nil)),
            ("raw", retentionPeriod),
            ("rollup1m", retentionPeriod),
            ("rollup1h", retentionPeriod),
            ("rollup1d", retentionPeriod),
        ], required: ["id"], description: "Retention of raw samples and of 1-minute, 1-hour and 1-day rollups; each at least as long as the finer one.")

    static let historianTag = JSONSchema.object(
        properties: [
            ("tag", .string(description: "Tag id.", pattern: nil, enumeration: nil)),
            ("retentionClass", .string(description: "Retention class id.", pattern: idPattern, enumeration: nil)),
            ("compression", .string(description: "none (lossless, the default), exception or swingingDoor.", pattern: nil, enumeration: CompressionMethod.allCases.map(\.rawValue))),
            ("deviation", .number(description: "Compression deviation in engineering units, at least 0.", exclusiveMinimumZero: true)),
            ("maxTime", duration),
        ], required: ["tag"], description: "Historian settings of one tag.")

    /// The whole schema document.
    public static var document: String {
        let defs = definitions.filter { $0.name != "root" }
        guard case .object(let properties, let required, let description) = root else { return "{}" }
        var text = "{\n"
        text += "  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
        text += "  \"$id\": \"https://millrace.dev/schema/millrace.schema.json\",\n"
        text += "  \"title\": \"Millrace configuration\",\n"
        let rootBody = JSONSchema.object(properties: properties, required: required, description: description).render(indent: "")
        // Splice the root object's members after the header.
        text += rootBody.dropFirst(2).dropLast(2) + ",\n"
        text += "  \"$defs\": {\n"
        text += defs.map { "    \(quote($0.name)): \($0.schema.render(indent: "    "))" }.joined(separator: ",\n")
        text += "\n  }\n}\n"
        return text
    }
}
