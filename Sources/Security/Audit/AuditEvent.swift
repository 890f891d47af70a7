import MillraceCore

/// One entry of the audit trail before it is chained: when, who, what, and on which asset.
public struct AuditEvent: Hashable, Sendable {
    public var time: Timestamp
    public var actor: AuditActor
    public var action: AuditAction
    /// The asset the action concerned, if any (the alarm's or the tag's asset).
    public var asset: AssetPath?

    public init(time: Timestamp, actor: AuditActor, action: AuditAction, asset: AssetPath? = nil) {
        self.time = time
        self.actor = actor
        self.action = action
        self.asset = asset
    }
}
