import Historian
import Hummingbird
import MillraceConfiguration
import MillraceCore

/// The plant hierarchy with live health: `GET /api/v1/assets` (the tree) and `GET /api/v1/assets/{path}`
/// (one node: nameplate, template, tags with current values, children).
enum AssetRoutes {
    static func add(to router: Router<APIContext>, environment: APIEnvironment) {
        router.get("/api/v1/assets") { _, context in
            let access = try ReadAccess(context)
            var summary = try await Summary.load(environment, tags: environment.plant.allTags)
            summary.access = access
            return try JSONResponse.make(
                AssetTreeDTO(
                    enterprise: environment.enterprise, serverTime: summary.now.iso8601,
                    nodes: environment.plant.roots.filter(summary.isVisible).map { summary.node($0, depth: .max) }))
        }

        router.get("/api/v1/assets/**") { _, context in
            let access = try ReadAccess(context)
            let path = try assetPath(context.parameters.getCatchAll().joined(separator: "/"), environment)
            let plant = environment.plant
            guard let entry = plant[path] else { throw unknownAsset(path.description) }
            // A hierarchy node above the principal's scope is shown with only the children it leads to.
            if !access.canReadAnything(under: path) { try context.requirePermission(.readData, on: path) }
            var summary = try await Summary.load(environment, tags: plant.subtreeTags(of: path))
            summary.access = access
            let node = summary.node(path, depth: 1)
            let metadata = try await APIRouter.historian { try await environment.store.tags() }
            let byID = Dictionary(metadata.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let template = entry.asset.flatMap { AssetTemplate.derived(from: $0.type) }
            let findings = try await EventRoutes.openFindings(under: path, environment: environment)
                .filter { finding in (try? AssetPath(finding.asset)).map(access.canRead) ?? access.readsEverything }
            return try JSONResponse.make(
                AssetDetailDTO(
                    node: node, description: entry.asset?.description ?? "", nameplate: entry.asset?.nameplate ?? [:],
                    template: template.map { TemplateDTO($0, tagIDs: entry.tags.map(\.rawValue)) },
                    tags: access.canRead(path) ? entry.tags.compactMap { id in byID[id].map { TagDTO($0, current: summary.current[id]) } } : [],
                    findings: findings))
        }
    }

    /// A path from the URL: unparseable or unknown is 404 `unknownAsset`.
    static func assetPath(_ text: String, _ environment: APIEnvironment) throws -> AssetPath {
        guard let path = try? AssetPath(text), environment.plant[path] != nil else { throw unknownAsset(text) }
        return path
    }

    static func unknownAsset(_ text: String) -> APIError {
        APIError(.notFound, code: "unknownAsset", "no asset or hierarchy node has the path '\(text.prefix(120))' (see GET /api/v1/assets)")
    }

    /// The current values of a set of tags, and the health, counts and children computed from them.
    struct Summary {
        var plant: PlantDirectory
        var current: [TagID: Sample]
        var now: Timestamp
        /// The health that open condition-monitoring findings give each asset (a critical or high finding is bad,
        /// any other open finding a warning), so a bearing defect shows on the tree even while every value is good.
        var findingHealth: [AssetPath: AssetHealth] = [:]
        /// Who asks: nodes outside every subtree the principal may read are left out.
        var access: ReadAccess?

        /// Whether the node is shown: readable, or above a readable subtree.
        func isVisible(_ path: AssetPath) -> Bool { access?.canReadAnything(under: path) ?? true }

        func isReadable(_ path: AssetPath) -> Bool { access?.canRead(path) ?? true }

        static func load(_ environment: APIEnvironment, tags: [TagID]) async throws -> Summary {
            let current = try await APIRouter.historian { try await environment.store.latest(of: tags) }
            var summary = Summary(plant: environment.plant, current: current, now: environment.clock.now())
            if let events = environment.events {
                let open = try await EventRoutes.eventStore { try await events.openEvents(under: nil) }
                for event in open {
                    let severity = event.severity.lowercased()
                    let health: AssetHealth = severity == "critical" || severity == "high" ? .bad : .warning
                    summary.findingHealth[event.asset] = max(summary.findingHealth[event.asset] ?? .unknown, health)
                }
            }
            return summary
        }

        /// The node at `path` with `depth` levels of children (0: none, `children` is left out).
        func node(_ path: AssetPath, depth: Int) -> AssetNodeDTO {
            let entry = plant[path]!
            let children = entry.children.filter(isVisible).map { node($0, depth: depth == .max ? .max : max(0, depth - 1)) }
            let own = isReadable(path) ? entry.tags.map { current[$0] } : []
            let health =
                entry.level == .asset
                ? max(AssetHealth.of(own, now: now, staleHorizon: entry.staleHorizon), findingHealth[path] ?? .unknown)
                : AssetHealth.worst(of: children.map(\.healthValue))
            return AssetNodeDTO(
                path: path.description, id: path.leaf, name: entry.name, level: entry.level.rawValue,
                type: entry.asset?.type.rawValue, healthValue: health,
                tagCount: own.count + children.reduce(0) { $0 + $1.tagCount },
                badTags: own.filter { $0?.quality.isBad == true }.count + children.reduce(0) { $0 + $1.badTags },
                activeAlarms: 0, children: depth == 0 ? nil : children)
        }
    }
}

/// A node of the plant tree. `type` is null above the assets; `children` is left out where not expanded.
struct AssetNodeDTO: Encodable {
    var path, id, name, level: String
    var type: String?
    var healthValue: AssetHealth
    var tagCount, badTags, activeAlarms: Int
    var children: [AssetNodeDTO]?

    enum CodingKeys: String, CodingKey { case path, id, name, level, type, health, tagCount, badTags, activeAlarms, children }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encode(level, forKey: .level)
        try container.encode(type, forKey: .type)
        try container.encode(healthValue.rawValue, forKey: .health)
        try container.encode(tagCount, forKey: .tagCount)
        try container.encode(badTags, forKey: .badTags)
        try container.encode(activeAlarms, forKey: .activeAlarms)
        try container.encodeIfPresent(children, forKey: .children)
    }
}

struct AssetTreeDTO: Encodable {
    var enterprise: String
    var serverTime: String
    var nodes: [AssetNodeDTO]
}

struct TemplateDTO: Encodable {
    var type: String
    var tags: [String]
    /// Template tags the asset does not have (an extension of the shared contract).
    var missing: [String]

    init(_ template: AssetTemplate, tagIDs: [String]) {
        type = template.type.rawValue
        tags = template.tags
        missing = template.missing(from: tagIDs)
    }
}

/// One node in detail: its summary plus what the asset page shows.
struct AssetDetailDTO: Encodable {
    var node: AssetNodeDTO
    var description: String
    var nameplate: [String: String]
    var template: TemplateDTO?
    var tags: [TagDTO]
    /// Open condition-monitoring findings of the asset and the assets below it, newest first.
    var findings: [EventDTO] = []

    enum CodingKeys: String, CodingKey {
        case path, id, name, level, type, description, nameplate, template, health, tagCount, badTags, activeAlarms, tags,
            children, findings
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(node.path, forKey: .path)
        try container.encode(node.id, forKey: .id)
        try container.encode(node.name, forKey: .name)
        try container.encode(node.level, forKey: .level)
        try container.encode(node.type, forKey: .type)
        try container.encode(description, forKey: .description)
        try container.encode(nameplate, forKey: .nameplate)
        try container.encode(template, forKey: .template)
        try container.encode(node.healthValue.rawValue, forKey: .health)
        try container.encode(node.tagCount, forKey: .tagCount)
        try container.encode(node.badTags, forKey: .badTags)
        try container.encode(node.activeAlarms, forKey: .activeAlarms)
        try container.encode(tags, forKey: .tags)
        try container.encode(node.children ?? [], forKey: .children)
        try container.encode(findings, forKey: .findings)
    }
}
