import MillraceCore

/// What happened. Each case names a fact in the past tense; its fields are what a reviewer needs to
/// understand it without other records (the before and after of a change, the reason of a write).
///
/// Serialised as a flat set of string fields with a `type` (see `fields`), which is both the canonical
/// form that is hashed and the JSON written to the log; adding a case changes no existing record.
public enum AuditAction: Hashable, Sendable {
    case loginSucceeded(mfa: Bool)
    case loginFailed(username: String, reason: LoginFailureReason)
    case loggedOut
    case configurationChanged(key: String, before: String?, after: String?)
    case deviceWrite(tag: TagID, value: String, reason: String)
    case deviceWriteDenied(tag: TagID, value: String, reason: String)
    case alarmAcknowledged(alarm: String)
    case alarmShelved(alarm: String, reason: String, until: Timestamp?)
    case userChanged(username: String, change: String)
    case roleChanged(username: String, before: [RoleBinding], after: [RoleBinding])
    case tokenIssued(tokenID: String, name: String, scopes: Set<Permission>)
    case tokenRevoked(tokenID: String)
    case mfaEnrolled(username: String)
    case recoveryCodeUsed(username: String, remaining: Int)
    case setupCompleted(admin: String)
    case securityAlert(summary: String)

    /// The case name and its fields, all as strings.
    public var fields: (type: String, values: [String: String]) {
        switch self {
        case .loginSucceeded(let mfa): ("loginSucceeded", ["mfa": String(mfa)])
        case .loginFailed(let username, let reason): ("loginFailed", ["username": username, "reason": reason.rawValue])
        case .loggedOut: ("loggedOut", [:])
        case .configurationChanged(let key, let before, let after):
            ("configurationChanged", Self.compact(["key": key, "before": before, "after": after]))
        case .deviceWrite(let tag, let value, let reason):
            ("deviceWrite", ["tag": tag.rawValue, "value": value, "reason": reason])
        case .deviceWriteDenied(let tag, let value, let reason):
            ("deviceWriteDenied", ["tag": tag.rawValue, "value": value, "reason": reason])
        case .alarmAcknowledged(let alarm): ("alarmAcknowledged", ["alarm": alarm])
        case .alarmShelved(let alarm, let reason, let until):
            (
                "alarmShelved",
                Self.compact(["alarm": alarm, "reason": reason, "until": until.map { String($0.microseconds) }])
            )
        case .userChanged(let username, let change): ("userChanged", ["username": username, "change": change])
        case .roleChanged(let username, let before, let after):
            ("roleChanged", ["username": username, "before": Self.bindings(before), "after": Self.bindings(after)])
        case .tokenIssued(let id, let name, let scopes):
            (
                "tokenIssued",
                ["tokenID": id, "name": name, "scopes": scopes.map(\.rawValue).sorted().joined(separator: ",")]
            )
        case .tokenRevoked(let id): ("tokenRevoked", ["tokenID": id])
        case .mfaEnrolled(let username): ("mfaEnrolled", ["username": username])
        case .recoveryCodeUsed(let username, let remaining):
            ("recoveryCodeUsed", ["username": username, "remaining": String(remaining)])
        case .setupCompleted(let admin): ("setupCompleted", ["admin": admin])
        case .securityAlert(let summary): ("securityAlert", ["summary": summary])
        }
    }

    /// Rebuilds an action from its `fields`; throws on an unknown type or a missing field.
    public init(type: String, values: [String: String]) throws(SecurityError) {
        func field(_ name: String) throws(SecurityError) -> String {
            guard let value = values[name] else {
                throw SecurityError(.malformedAuditRecord, "action '\(type)' lacks the field '\(name)'")
            }
            return value
        }
        func tag() throws(SecurityError) -> TagID {
            let text = try field("tag")
            do { return try TagID(text) } catch { throw SecurityError(.malformedAuditRecord, error.description) }
        }
        func int64(_ text: String) throws(SecurityError) -> Int64 {
            guard let value = Int64(text) else {
                throw SecurityError(.malformedAuditRecord, "'\(text)' is not an integer")
            }
            return value
        }
        switch type {
        case "loginSucceeded": self = .loginSucceeded(mfa: try field("mfa") == "true")
        case "loginFailed":
            guard let reason = LoginFailureReason(rawValue: try field("reason")) else {
                throw SecurityError(.malformedAuditRecord, "unknown login failure reason")
            }
            self = .loginFailed(username: try field("username"), reason: reason)
        case "loggedOut": self = .loggedOut
        case "configurationChanged":
            self = .configurationChanged(key: try field("key"), before: values["before"], after: values["after"])
        case "deviceWrite":
            self = .deviceWrite(tag: try tag(), value: try field("value"), reason: try field("reason"))
        case "deviceWriteDenied":
            self = .deviceWriteDenied(tag: try tag(), value: try field("value"), reason: try field("reason"))
        case "alarmAcknowledged": self = .alarmAcknowledged(alarm: try field("alarm"))
        case "alarmShelved":
            let until: Timestamp? = try values["until"].map { text throws(SecurityError) in
                Timestamp(microseconds: try int64(text))
            }
            self = .alarmShelved(alarm: try field("alarm"), reason: try field("reason"), until: until)
        case "userChanged": self = .userChanged(username: try field("username"), change: try field("change"))
        case "roleChanged":
            self = .roleChanged(
                username: try field("username"), before: try Self.parseBindings(try field("before")),
                after: try Self.parseBindings(try field("after")))
        case "tokenIssued":
            let scopes = try field("scopes").split(separator: ",").map { name throws(SecurityError) -> Permission in
                guard let permission = Permission(rawValue: String(name)) else {
                    throw SecurityError(.malformedAuditRecord, "unknown permission '\(name)'")
                }
                return permission
            }
            self = .tokenIssued(tokenID: try field("tokenID"), name: try field("name"), scopes: Set(scopes))
        case "tokenRevoked": self = .tokenRevoked(tokenID: try field("tokenID"))
        case "mfaEnrolled": self = .mfaEnrolled(username: try field("username"))
        case "recoveryCodeUsed":
            self = .recoveryCodeUsed(username: try field("username"), remaining: Int(try int64(try field("remaining"))))
        case "setupCompleted": self = .setupCompleted(admin: try field("admin"))
        case "securityAlert": self = .securityAlert(summary: try field("summary"))
        default: throw SecurityError(.malformedAuditRecord, "unknown action type '\(type.prefix(40))'")
        }
    }

    private static func compact(_ values: [String: String?]) -> [String: String] { values.compactMapValues { $0 } }

    /// `role@scope` pairs separated by `;`, scope `*` for all assets.
    private static func bindings(_ bindings: [RoleBinding]) -> String {
        bindings.map { "\($0.role.rawValue)@\($0.scope?.description ?? "*")" }.joined(separator: ";")
    }

    private static func parseBindings(_ text: String) throws(SecurityError) -> [RoleBinding] {
        if text.isEmpty { return [] }
        var result: [RoleBinding] = []
        for item in text.split(separator: ";") {
            let parts = item.split(separator: "@", maxSplits: 1)
            guard parts.count == 2, let role = Role(rawValue: String(parts[0])) else {
                throw SecurityError(.malformedAuditRecord, "'\(item.prefix(80))' is not role@scope")
            }
            if parts[1] == "*" {
                result.append(RoleBinding(role: role))
            } else {
                do { result.append(RoleBinding(role: role, scope: try AssetPath(String(parts[1])))) } catch {
                    throw SecurityError(.malformedAuditRecord, error.description)
                }
            }
        }
        return result
    }
}
