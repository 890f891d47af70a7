import MillraceCore

/// One value the plant reports: which asset, which signal, what value. Signal names are the `address` of a
/// simulator tag in the configuration.
public struct PlantSignal: Hashable, Sendable, CustomStringConvertible {
    public var asset: AssetPath
    public var name: String
    public var value: DataValue

    public init(asset: AssetPath, name: String, value: DataValue) {
        self.asset = asset
        self.name = name
        self.value = value
    }

    /// Whether two signals are identical bit for bit (NaN equals NaN here, unlike `==`).
    public func isIdentical(to other: PlantSignal) -> Bool {
        asset == other.asset && name == other.name && value.isIdentical(to: other.value)
    }

    public var description: String { "\(asset)/\(name)=\(value)" }
}
