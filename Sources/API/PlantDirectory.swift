import MillraceConfiguration
import MillraceCore

/// The plant hierarchy of the configuration, indexed by path for the asset routes: every site, area, line,
/// cell and asset with its children in document order and the tags measured on it.
struct PlantDirectory: Sendable {
    struct Entry: Sendable {
        var path: AssetPath
        var name: String
        var level: ISA95Level
        /// Set for assets (the bottom level) only.
        var asset: AssetConfiguration?
        /// The tags of this node itself (only assets have tags).
        var tags: [TagID]
        var children: [AssetPath]
        /// How old the newest value of the asset may be before the asset counts as stale.
        var staleHorizon: Duration
    }

    /// The shortest stale horizon: a value older than this is never current.
    static let minimumStaleHorizon: Duration = .seconds(60)

    private(set) var roots: [AssetPath] = []
    private(set) var entries: [AssetPath: Entry] = [:]

    init(configuration: MillraceConfiguration?) {
        guard let configuration else { return }
        for node in configuration.hierarchyNodes where entries[node.path] == nil {
            add(Entry(path: node.path, name: node.name, level: node.level, tags: [], children: [], staleHorizon: .zero))
        }
        let connections = Dictionary(configuration.connections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for resolved in configuration.resolvedAssets where entries[resolved.path] == nil {
            let tags = resolved.configuration.tags
            add(
                Entry(
                    path: resolved.path, name: resolved.configuration.name, level: .asset, asset: resolved.configuration,
                    tags: tags.map(\.id), children: [],
                    staleHorizon: Self.staleHorizon(of: tags, connections: connections)))
        }
    }

    private mutating func add(_ entry: Entry) {
        entries[entry.path] = entry
        if let parent = entry.path.parent, entries[parent] != nil {
            entries[parent]?.children.append(entry.path)
        } else {
            roots.append(entry.path)
        }
    }

    /// Three poll intervals, but at least the heartbeat (`maxInterval`, since the deadband filter stores an
    /// unchanged value only that often) plus three polls, and never under a minute.
    static func staleHorizon(of tags: [TagConfiguration], connections: [String: ConnectionConfiguration]) -> Duration {
        var horizon = minimumStaleHorizon
        for tag in tags {
            let poll = tag.pollInterval?.duration ?? connections[tag.connection]?.pollInterval.duration ?? .seconds(1)
            horizon = max(horizon, tag.maxInterval.duration + poll * 3)
        }
        return horizon
    }

    subscript(path: AssetPath) -> Entry? { entries[path] }

    /// Every tag in the subtree of `path`, the node's own first.
    func subtreeTags(of path: AssetPath) -> [TagID] {
        guard let entry = entries[path] else { return [] }
        return entry.tags + entry.children.flatMap { subtreeTags(of: $0) }
    }

    /// Every tag of the plant.
    var allTags: [TagID] { roots.flatMap { subtreeTags(of: $0) } }
}
