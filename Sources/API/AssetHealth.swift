import MillraceCore

/// The health of an asset at a glance, from the current values of its tags; a node above the assets takes
/// the worst of its children. Cases are ordered by severity: `unknown` (no information) < `good` < `stale`
/// < `warning` < `bad`, so "no data yet" on one asset never hides a known good or bad one beside it.
enum AssetHealth: String, Comparable, CaseIterable, Sendable {
    case unknown, good, stale, warning, bad

    static func < (lhs: AssetHealth, rhs: AssetHealth) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// `unknown` if no tag has a value yet; `bad` if any current value is bad; `warning` if any is uncertain;
    /// `stale` if none was updated within `staleHorizon` of `now`; else `good`.
    static func of(_ current: [Sample?], now: Timestamp, staleHorizon: Duration) -> AssetHealth {
        let values = current.compactMap { $0 }
        guard !values.isEmpty else { return .unknown }
        if values.contains(where: { $0.quality.severity == .bad }) { return .bad }
        if values.contains(where: { $0.quality.severity == .uncertain }) { return .warning }
        if !values.contains(where: { now - $0.time <= staleHorizon }) { return .stale }
        return .good
    }

    /// The worst of `children`; `unknown` when there are none.
    static func worst(of children: [AssetHealth]) -> AssetHealth {
        children.max() ?? .unknown
    }
}
