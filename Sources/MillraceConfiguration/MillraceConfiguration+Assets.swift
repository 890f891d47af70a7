import MillraceCore

/// An asset with its place in the hierarchy, as found by walking the configuration.
public struct ResolvedAsset: Hashable, Sendable {
    public var path: AssetPath
    public var level: ISA95Level
    public var configuration: AssetConfiguration
    /// The key path of the asset in the document, for error messages.
    public var keyPath: String
}

/// A node of the plant hierarchy above the assets (site, area, line or cell).
public struct ResolvedNode: Hashable, Sendable {
    public var path: AssetPath
    public var level: ISA95Level
    public var name: String
}

extension MillraceConfiguration {
    /// Every site, area, line and cell, in document order.
    public var hierarchyNodes: [ResolvedNode] {
        var nodes: [ResolvedNode] = []
        for site in sites {
            guard let sitePath = try? AssetPath(segments: [site.id]) else { continue }
            nodes.append(ResolvedNode(path: sitePath, level: .site, name: site.name))
            for area in site.areas {
                guard let areaPath = try? sitePath.appending(area.id) else { continue }
                nodes.append(ResolvedNode(path: areaPath, level: .area, name: area.name))
                for line in area.lines {
                    guard let linePath = try? areaPath.appending(line.id) else { continue }
                    nodes.append(ResolvedNode(path: linePath, level: .line, name: line.name))
                    for cell in line.cells {
                        guard let cellPath = try? linePath.appending(cell.id) else { continue }
                        nodes.append(ResolvedNode(path: cellPath, level: .cell, name: cell.name))
                    }
                }
            }
        }
        return nodes
    }

    /// Every asset with its path, in document order.
    public var resolvedAssets: [ResolvedAsset] {
        var result: [ResolvedAsset] = []
        func add(_ assets: [AssetConfiguration], under parent: AssetPath, keyPath: String) {
            for (index, asset) in assets.enumerated() {
                guard let path = try? parent.appending(asset.id) else { continue }
                result.append(
                    ResolvedAsset(path: path, level: .asset, configuration: asset, keyPath: "\(keyPath).assets[\(index)]"))
            }
        }
        for (s, site) in sites.enumerated() {
            guard let sitePath = try? AssetPath(segments: [site.id]) else { continue }
            for (a, area) in site.areas.enumerated() {
                guard let areaPath = try? sitePath.appending(area.id) else { continue }
                let areaKey = "sites[\(s)].areas[\(a)]"
                add(area.assets, under: areaPath, keyPath: areaKey)
                for (l, line) in area.lines.enumerated() {
                    guard let linePath = try? areaPath.appending(line.id) else { continue }
                    let lineKey = "\(areaKey).lines[\(l)]"
                    add(line.assets, under: linePath, keyPath: lineKey)
                    for (c, cell) in line.cells.enumerated() {
                        guard let cellPath = try? linePath.appending(cell.id) else { continue }
                        add(cell.assets, under: cellPath, keyPath: "\(lineKey).cells[\(c)]")
                    }
                }
            }
        }
        return result
    }

    /// Every tag with the asset it belongs to and its key path.
    public var resolvedTags: [(tag: TagConfiguration, asset: ResolvedAsset, keyPath: String)] {
        resolvedAssets.flatMap { asset in
            asset.configuration.tags.enumerated().map { index, tag in
                (tag, asset, "\(asset.keyPath).tags[\(index)]")
            }
        }
    }

    /// The metadata of every tag, for the historian and the API.
    public var tagMetadata: [TagMetadata] {
        resolvedTags.map { tag, asset, _ in
            TagMetadata(
                id: tag.id, name: tag.name, description: tag.description, asset: asset.path, kind: tag.storedKind,
                unit: tag.unit, connection: tag.connection)
        }
    }
}
