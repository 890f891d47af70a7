/// One bearing in a catalogue: its designation, geometry, and where the geometry came from.
public struct BearingCatalogueEntry: Hashable, Sendable, Codable {
    /// The basic designation without seal, clearance or cage suffixes: "6205", not "6205-2RS1/C3".
    public var designation: String
    public var geometry: BearingGeometry
    /// Provenance of the geometry, shown next to any finding based on it.
    public var source: String

    public init(designation: String, geometry: BearingGeometry, source: String) {
        self.designation = designation
        self.geometry = geometry
        self.source = source
    }
}
