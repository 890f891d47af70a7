import HistorianCore
import MillraceCore

/// How long the historian keeps each kind of data, per class of tags (configured under `historian:`).
/// A nil horizon keeps data forever; `keepEverything` is the default.
public struct RetentionPolicy: Hashable, Sendable {
    public struct Class: Hashable, Sendable {
        public var name: String
        /// Raw samples: a sealed chunk is dropped once its newest sample is older than this.
        public var raw: Duration?
        /// Rollup buckets of each resolution: dropped once they end this long ago.
        public var rollups: [RollupResolution: Duration]

        public init(name: String, raw: Duration? = nil, rollups: [RollupResolution: Duration] = [:]) {
            self.name = name
            self.raw = raw
            self.rollups = rollups
        }
    }

    public var classes: [String: Class]
    public var defaultClass: String
    /// Tags in another class than the default.
    public var assignments: [TagID: String]

    public init(classes: [Class], defaultClass: String, assignments: [TagID: String] = [:]) {
        self.classes = Dictionary(classes.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        self.defaultClass = defaultClass
        self.assignments = assignments
    }

    public static let keepEverything = RetentionPolicy(classes: [], defaultClass: "default")

    /// The class of `tag` (a class that is not defined keeps everything).
    public func retentionClass(of tag: TagID) -> Class {
        let name = assignments[tag] ?? defaultClass
        return classes[name] ?? Class(name: name)
    }
}

/// What one retention pass removed.
public struct RetentionReport: Hashable, Sendable {
    public var chunks = 0
    public var samples = 0
    public var rollupRows = 0
    public init() {}
}
