import MillraceCore

/// Something the platform concluded about an asset and keeps: a diagnosed fault, an anomaly. Stored in the
/// `events` table (docs/events.md); `id` is nil until the store has assigned one.
public struct Event: Hashable, Sendable {
    /// The store's id, stable for the life of the database; nil before `EventStore.append`.
    public var id: Int64?
    /// When it was raised (the block or row that raised it).
    public var time: Timestamp
    public var asset: AssetPath
    public var kind: EventKind
    /// The fault's identifier ("outer_race_defect"), or empty for events that are not about a fault.
    public var fault: String
    /// "low", "moderate", "high", "critical" for findings.
    public var severity: String
    /// 0…1: how sure the analysis is.
    public var confidence: Double
    /// One line for lists: "outer-race bearing defect, drive end, moderate".
    public var title: String
    /// The full explanation, as one paragraph.
    public var explanation: String
    /// The evidence as a JSON array (the producer's own shape; for findings, `Analytics.Evidence` objects).
    public var evidenceJSON: String
    /// What to do, in the imperative.
    public var recommendedAction: String
    public var state: EventState
    /// When it was cleared, once it is.
    public var clearedAt: Timestamp?
    /// When its severity, confidence, evidence or explanation were last revised (`EventStore.update`), or nil.
    public var updatedAt: Timestamp?
    /// Every severity it has had, oldest first: the one it was raised with, then each change ("raised low at …,
    /// now high"). Empty before `append`, which records the raise; never empty for a stored event.
    public var severityHistory: [EventSeverityChange]

    public init(
        id: Int64? = nil, time: Timestamp, asset: AssetPath, kind: EventKind, fault: String, severity: String,
        confidence: Double, title: String, explanation: String, evidenceJSON: String, recommendedAction: String,
        state: EventState = .open, clearedAt: Timestamp? = nil, updatedAt: Timestamp? = nil,
        severityHistory: [EventSeverityChange] = []
    ) {
        self.id = id
        self.time = time
        self.asset = asset
        self.kind = kind
        self.fault = fault
        self.severity = severity
        self.confidence = confidence
        self.title = title
        self.explanation = explanation
        self.evidenceJSON = evidenceJSON
        self.recommendedAction = recommendedAction
        self.state = state
        self.clearedAt = clearedAt
        self.updatedAt = updatedAt
        self.severityHistory = severityHistory
    }

    /// The severity it was raised with.
    public var firstSeverity: String { severityHistory.first?.severity ?? severity }
}

/// A severity an event took, and when.
public struct EventSeverityChange: Hashable, Sendable {
    public var time: Timestamp
    public var severity: String

    public init(time: Timestamp, severity: String) {
        self.time = time
        self.severity = severity
    }
}

/// A new assessment of an open event: what `EventStore.update` writes. The time, asset, kind and fault stay.
public struct EventRevision: Hashable, Sendable {
    public var severity: String
    public var confidence: Double
    public var title: String
    public var explanation: String
    public var evidenceJSON: String
    public var recommendedAction: String

    public init(severity: String, confidence: Double, title: String, explanation: String, evidenceJSON: String, recommendedAction: String) {
        self.severity = severity
        self.confidence = confidence
        self.title = title
        self.explanation = explanation
        self.evidenceJSON = evidenceJSON
        self.recommendedAction = recommendedAction
    }
}

/// What produced an event.
public enum EventKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A diagnosis with evidence (`Analytics.Finding`).
    case finding
    /// A statistical anomaly (`Analytics.Anomaly`).
    case anomaly
    /// A security alarm: a lockout, a burst of failed logins, a certificate close to expiry.
    case security
}

/// Whether the condition still holds.
public enum EventState: String, Hashable, Sendable, Codable, CaseIterable {
    case open
    case cleared
}
