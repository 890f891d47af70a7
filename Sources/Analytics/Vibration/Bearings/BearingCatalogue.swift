/// Bearing geometries by designation: a small built-in set of common deep-groove ball bearings, overridable and
/// extendable from configuration.
///
/// The built-in values are approximate. Ball count and size vary between manufacturers and even between cage
/// designs of one manufacturer, and the pitch diameter is rarely published; a 2 % error in d/D moves BPFO by about
/// 0.5 %. Where the asset's actual bearing data is known, configure it (`overriding(with:)`) and the configured
/// entry wins. Spherical and cylindrical roller bearings (222xx, NU2xx) are deliberately absent: their roller
/// count depends on the internal design (SKF E vs CC, for example) and must come from the manufacturer.
public struct BearingCatalogue: Hashable, Sendable {
    public private(set) var entries: [String: BearingCatalogueEntry]

    public init(entries: [BearingCatalogueEntry]) {
        var table: [String: BearingCatalogueEntry] = [:]
        for entry in entries { table[Self.normalise(entry.designation)] = entry }
        self.entries = table
    }

    /// A catalogue with `overrides` replacing or adding entries (configuration wins over the built-in values).
    public func overriding(with overrides: [BearingCatalogueEntry]) -> BearingCatalogue {
        var copy = self
        for entry in overrides { copy.entries[Self.normalise(entry.designation)] = entry }
        return copy
    }

    /// The entry for a designation such as "6205", "6205-2RS" or "6205 2Z/C3": an exact match, else the longest
    /// catalogue designation that prefixes it and is followed by a non-digit (so "62052" does not match "6205").
    public func entry(for designation: String) -> BearingCatalogueEntry? {
        let key = Self.normalise(designation)
        if let exact = entries[key] { return exact }
        var best: BearingCatalogueEntry?
        var bestLength = 0
        for (candidate, entry) in entries where key.hasPrefix(candidate) && candidate.count > bestLength {
            let next = key.dropFirst(candidate.count).first
            if let next, next.isNumber { continue }
            best = entry
            bestLength = candidate.count
        }
        return best
    }

    private static func normalise(_ designation: String) -> String {
        String(designation.uppercased().drop { $0.isWhitespace })
    }

    /// Deep-groove ball bearings, contact angle 0. Sources per entry; "typical" entries use the ball complement of
    /// common 62xx/63xx designs and a pitch diameter of (bore + outside diameter)/2.
    public static let builtIn = BearingCatalogue(entries: [
        entry("6203", 8, 6.747, 28.50, "Case Western Reserve University Bearing Data Center, fan-end NTN 6203 (0.2656 in balls, 1.122 in pitch)"),
        entry("6204", 8, 7.938, 33.50, "typical: 8 balls of 5/16 in; pitch = (20 + 47)/2 mm"),
        entry("6205", 9, 7.940, 39.04, "Case Western Reserve University Bearing Data Center, drive-end SKF 6205-2RS JEM (0.3126 in balls, 1.537 in pitch)"),
        entry("6206", 9, 9.525, 46.00, "typical: 9 balls of 3/8 in; pitch = (30 + 62)/2 mm"),
        entry("6305", 8, 10.319, 43.50, "typical: 8 balls of 13/32 in; pitch = (25 + 62)/2 mm"),
        entry("6308", 8, 15.081, 65.00, "typical: 8 balls of 19/32 in; pitch = (40 + 90)/2 mm"),
    ])

    private static func entry(
        _ designation: String, _ count: Int, _ ball: Double, _ pitch: Double, _ source: String
    ) -> BearingCatalogueEntry {
        // The literals above satisfy the geometry's checks; the fallback is never used.
        let geometry =
            (try? BearingGeometry(rollingElementCount: count, rollingElementDiameter: ball, pitchDiameter: pitch))
            ?? BearingGeometry(unchecked: count, ball, pitch)
        return BearingCatalogueEntry(designation: designation, geometry: geometry, source: source)
    }
}
