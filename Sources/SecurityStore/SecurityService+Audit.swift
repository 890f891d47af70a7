import MillraceCore
import MillraceSecurity

extension SecurityService {
    /// Records what another part of the platform did (a device write, an alarm acknowledgement) in the audit trail.
    /// Throws `auditUnavailable` when the record cannot be written: the caller must then not go ahead.
    public func audit(_ action: AuditAction, by actor: AuditActor, asset: AssetPath? = nil) async throws(SecurityServiceError) {
        try await writeAudit(action, by: actor, asset: asset)
    }

    /// The longest section text kept in an audit record; longer ones are recorded by SHA-256 and size.
    public static let maximumAuditedSectionLength = 16_384

    /// Compares the configuration's sections (top-level key → canonical JSON) with those recorded at the previous
    /// start and audits each change with its text before and after (a long one by fingerprint). The first start
    /// records every section with no "before". Returns the keys that changed, in order.
    public func recordConfiguration(_ sections: [(key: String, text: String)], by actor: AuditActor)
        async throws(SecurityServiceError) -> [String]
    {
        var changed: [String] = []
        for (key, text) in sections {
            let settingKey = "configuration." + key
            let before = try storeCall { () throws(SecurityStoreError) in try store.setting(settingKey) }
            guard before != text else { continue }
            try await writeAudit(
                .configurationChanged(key: key, before: before.map(Self.audited), after: Self.audited(text)), by: actor)
            try storeCall { () throws(SecurityStoreError) in try store.setSetting(settingKey, text) }
            changed.append(key)
        }
        return changed
    }

    static func audited(_ text: String) -> String {
        text.utf8.count <= maximumAuditedSectionLength ? text : "sha256:\(Hex.sha256(text)) (\(text.utf8.count) bytes)"
    }
}
