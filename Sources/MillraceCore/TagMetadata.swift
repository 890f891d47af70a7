/// What the platform knows about a tag besides its samples: shown in the UI, returned by the API,
/// used by the historian to choose codecs and interpolation.
public struct TagMetadata: Hashable, Sendable, Codable {
    public var id: TagID
    public var name: String
    public var description: String
    /// The asset the tag belongs to, if any.
    public var asset: AssetPath?
    public var kind: ValueKind
    public var unit: EngineeringUnit
    /// The connection the tag is read from, if any.
    public var connection: String?

    public init(
        id: TagID, name: String, description: String = "", asset: AssetPath? = nil, kind: ValueKind,
        unit: EngineeringUnit = .none, connection: String? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.asset = asset
        self.kind = kind
        self.unit = unit
        self.connection = connection
    }
}
