/// What a diagnoser needs to know about the machine a measurement came from: which asset, how fast it turns,
/// which bearing sits at the measured location and which severity table applies.
public struct MachineContext: Hashable, Sendable {
    /// The asset, as the plant names it ("demo/utilities/cooling-water/pump-1").
    public var asset: String
    /// The measurement location in words ("drive end", "non-drive end", "motor").
    public var location: String
    /// Running speed, Hz (rpm / 60), from a tachometer or the speed tag at the time of the block.
    public var shaftFrequency: Double
    /// The bearing at `location`, with the source of its geometry, when known.
    public var bearing: BearingCatalogueEntry?
    /// The severity table for overall velocity (default ISO 10816-3 group 2, rigid foundation: 15–300 kW).
    public var severityCriteria: SeverityCriteria

    public init(
        asset: String, location: String = "", shaftFrequency: Double, bearing: BearingCatalogueEntry? = nil,
        severityCriteria: SeverityCriteria = .iso10816Part3(group: .group2, foundation: .rigid)
    ) {
        self.asset = asset
        self.location = location
        self.shaftFrequency = shaftFrequency
        self.bearing = bearing
        self.severityCriteria = severityCriteria
    }

    func validate() throws(AnalyticsError) {
        guard shaftFrequency.isFinite, shaftFrequency > 0 else {
            throw AnalyticsError(
                .invalidParameter, "shaftFrequency is \(shaftFrequency) Hz; it must be a finite number above 0")
        }
    }
}
