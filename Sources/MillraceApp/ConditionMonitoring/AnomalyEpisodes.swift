import Analytics
import MillraceCore

/// The persistence rule between `AnomalyMonitor` and the anomaly events people see, per asset: at most one open
/// anomaly event per asset. A T², SPE or robust-baseline anomaly is raised only once the monitor stays in anomaly
/// for `confirmRows` more rows (a short excursion — a load step the thermal lag has not caught up with — is
/// dropped and counted); a CUSUM change point is raised at once (the CUSUM has already integrated it). An open
/// event is updated when a new anomaly's severity differs, and cleared after `clearRows` rows without anomaly.
/// A pure state machine: scored rows in, actions out.
public struct AnomalyEpisodes: Sendable {
    public struct Rule: Hashable, Sendable, Codable {
        public var confirmRows: Int
        public var clearRows: Int

        /// 30 rows (5 min of 10 s rows) to confirm, 360 (1 h) to clear.
        public init(confirmRows: Int = 30, clearRows: Int = 360) {
            self.confirmRows = max(0, confirmRows)
            self.clearRows = max(1, clearRows)
        }
    }

    public enum Action: Hashable, Sendable {
        case raise(asset: AssetPath, anomaly: Anomaly, severity: FindingSeverity)
        case update(asset: AssetPath, anomaly: Anomaly, severity: FindingSeverity)
        case clear(asset: AssetPath)
    }

    private struct Track: Sendable {
        var pending: Anomaly?
        var confirmRun = 0
        var shown: FindingSeverity?
        var quietRun = 0
    }

    public let rule: Rule
    private var tracks: [AssetPath: Track] = [:]
    /// Anomalies the monitor raised that ended before they were confirmed.
    public private(set) var dropped = 0

    public init(rule: Rule = Rule()) {
        self.rule = rule
    }

    /// The assets with an open anomaly event.
    public var openAssets: Set<AssetPath> { Set(tracks.filter { $0.value.shown != nil }.keys) }

    /// Marks an anomaly event open that the store holds (after a restart).
    public mutating func markOpen(_ asset: AssetPath, severity: FindingSeverity) {
        tracks[asset, default: Track()].shown = severity
    }

    /// How bad an anomaly is from how far its statistic is past its limit: below 2× low, below 4× moderate,
    /// else high. An anomaly is never critical on its own: it says something changed, not what broke.
    public static func severity(of anomaly: Anomaly) -> FindingSeverity {
        let ratio = anomaly.limit > 0 ? anomaly.statistic / anomaly.limit : 1
        return ratio < 2 ? .low : ratio < 4 ? .moderate : .high
    }

    /// One scored row of `asset`: the anomalies the monitor raised on it and whether it is still in anomaly.
    public mutating func rowScored(asset: AssetPath, anomalies: [Anomaly], inAnomaly: Bool) -> [Action] {
        var track = tracks[asset] ?? Track()
        defer { tracks[asset] = track }
        let strongest = anomalies.max { Self.ratio($0) < Self.ratio($1) }
        var actions: [Action] = []
        if let shown = track.shown {
            track.quietRun = anomalies.isEmpty && !inAnomaly ? track.quietRun + 1 : 0
            if let strongest, Self.severity(of: strongest) != shown {
                track.shown = Self.severity(of: strongest)
                actions.append(.update(asset: asset, anomaly: strongest, severity: Self.severity(of: strongest)))
            } else if track.quietRun >= rule.clearRows {
                track = Track()
                actions.append(.clear(asset: asset))
            }
            return actions
        }
        if let changePoint = anomalies.filter({ $0.kind == .changePoint }).max(by: { Self.ratio($0) < Self.ratio($1) }) {
            track.pending = nil
            return raise(changePoint, asset: asset, track: &track)
        }
        guard let candidate = track.pending ?? strongest else { return [] }
        guard inAnomaly else {
            track.pending = nil
            dropped += 1
            return []
        }
        if track.pending == nil {
            track.pending = candidate
            track.confirmRun = 0
        } else {
            if let strongest, Self.ratio(strongest) > Self.ratio(candidate) { track.pending = strongest }
            track.confirmRun += 1
        }
        guard track.confirmRun >= rule.confirmRows, let pending = track.pending else { return [] }
        track.pending = nil
        return raise(pending, asset: asset, track: &track)
    }

    private func raise(_ anomaly: Anomaly, asset: AssetPath, track: inout Track) -> [Action] {
        let severity = Self.severity(of: anomaly)
        track.shown = severity
        track.quietRun = 0
        track.confirmRun = 0
        return [.raise(asset: asset, anomaly: anomaly, severity: severity)]
    }

    private static func ratio(_ anomaly: Anomaly) -> Double {
        anomaly.limit > 0 ? anomaly.statistic / anomaly.limit : 1
    }
}
