import MillraceCore

/// An asset of the simulated plant: where it is and what it is.
public struct PlantAssetDescription: Hashable, Sendable {
    public var path: AssetPath
    public var kind: PlantAssetKind

    public init(path: AssetPath, kind: PlantAssetKind) {
        self.path = path
        self.kind = kind
    }
}
