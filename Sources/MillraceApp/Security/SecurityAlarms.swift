import Events
import MillraceCore
import MillraceSecurity
import MillraceTLS

/// Which security facts become alarms people see (events of kind `security`, issue #7 "security monitoring"), with
/// what severity and wording, and when they clear. A value type without I/O; `SecurityMonitorService` feeds it.
///
/// Lockouts and bursts of failed logins are alarms for `holdTime` (the audit trail keeps them for good); a
/// certificate close to expiry is one alarm while it lasts, raised again after renewal only if it nears expiry again.
public struct SecurityAlarms: Sendable {
    /// Where the alarms are filed: the installation (the first site), so they show on its page and in its event list.
    public var asset: AssetPath
    /// How long a lockout or burst alarm stays open.
    public var holdTime: Duration
    /// A certificate with fewer days left than this raises an alarm.
    public var certificateWarningDays: Int

    public init(asset: AssetPath, holdTime: Duration = .seconds(3600), certificateWarningDays: Int = 30) {
        self.asset = asset
        self.holdTime = holdTime
        self.certificateWarningDays = certificateWarningDays
    }

    /// The event a security event raises.
    public func event(for security: SecurityEvent, at now: Timestamp) -> Event {
        switch security {
        case .userLockedOut(let username, let until, let failures, let number):
            return alarm(
                now, fault: "userLockedOut", severity: number > 1 ? "high" : "moderate",
                title: "User '\(username)' locked out after \(failures) failed logins",
                explanation: "The account '\(username)' was locked out until \(until.iso8601) after \(failures) consecutive failed "
                    + "logins (lockout #\(number) of this account). Repeated lockouts point at password guessing.",
                action: "Ask \(username) whether it was them; if not, check the source addresses in the audit trail (millrace audit verify, audit.log) and block them at the firewall.")
        case .addressLockedOut(let address, let until, let failures, let number):
            return alarm(
                now, fault: "addressLockedOut", severity: "high",
                title: "Address \(address) locked out after \(failures) failed logins",
                explanation: "Logins from \(address) are refused until \(until.iso8601) after \(failures) failed attempts across "
                    + "accounts (lockout #\(number) of this address): the pattern of password spraying.",
                action: "Find the machine at \(address); block it at the firewall if it is not a known user's.")
        case .failedLoginBurst(let failures, let window, _):
            return alarm(
                now, fault: "failedLoginBurst", severity: "high",
                title: "Burst of \(failures) failed logins",
                explanation: "\(failures) logins failed across all accounts within \(window): a credential-stuffing or "
                    + "password-spraying attempt, or a misconfigured integration retrying with an old password.",
                action: "Check the failed logins in the audit trail; rotate the credentials of integrations that fail; block unknown sources.")
        case .newClientAddress(let username, let address, _):
            return alarm(
                now, fault: "newClientAddress", severity: "low",
                title: "User '\(username)' signed in from a new address \(address)",
                explanation: "'\(username)' logged in from \(address), an address none of their earlier logins came from: a new "
                    + "computer or network — or someone else holding their password.",
                action: "Confirm with \(username) that it was them; if not, disable the account (millrace user) and reset its password and second factor.")
        }
    }

    /// The alarm for a setpoint changed by someone other than Millrace (another master on the device's network, a
    /// local HMI, an engineering tool), filed on the tag's asset.
    public func externalWrite(_ change: ExternalWriteDetector.Change, asset: AssetPath?, at now: Timestamp) -> Event {
        Event(
            time: now, asset: asset ?? self.asset, kind: .security, fault: "externalWrite", severity: "high", confidence: 0.8,
            title: "Setpoint \(change.tag) changed by another master: \(Self.text(change.before)) → \(Self.text(change.after))",
            explanation: "The writable tag \(change.tag) changed from \(Self.text(change.before)) to \(Self.text(change.after)) at "
                + "\(change.time.iso8601), and Millrace did not write it. Another Modbus master, a local HMI or an engineering "
                + "tool wrote to the device.",
            evidenceJSON: "[]",
            recommendedAction: "Find out who changed it (operators, the PLC programmer, the HMI's log); if nobody should have, "
                + "isolate the device's network segment and restore the setpoint.")
    }

    static func text(_ value: DataValue) -> String {
        switch value {
        case .double(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .integer(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): "'\(text.prefix(80))'"
        }
    }

    /// The alarm for a certificate close to expiry, or nil while it has time left or an alarm is already open.
    public func certificateAlarm(_ expiry: CertificateExpiry, path: String, openFaults: Set<String>, at now: Timestamp) -> Event? {
        guard expiry.daysLeft < certificateWarningDays, !openFaults.contains("certificateExpiring") else { return nil }
        let expired = expiry.daysLeft < 0
        return alarm(
            now, fault: "certificateExpiring", severity: expired ? "critical" : expiry.daysLeft < 7 ? "high" : "moderate",
            title: expired ? "The TLS certificate has expired" : "The TLS certificate expires in \(expiry.daysLeft) days",
            explanation: "The dashboard's certificate \(path) \(expired ? "expired" : "expires") on \(expiry.notAfter.iso8601). "
                + "Browsers and integrations will refuse the connection once it has expired.",
            action: "Install a renewed certificate from the plant's CA (security.certificate and security.privateKey), or delete a "
                + "Millrace self-signed one so a new one is made at the next start.")
    }

    /// The open alarms to clear now: lockout and burst alarms older than `holdTime`; the certificate alarm once the
    /// certificate has time again.
    public func toClear(_ open: [Event], certificateDaysLeft: Int?, at now: Timestamp) -> [Int64] {
        open.compactMap { event in
            guard event.kind == .security, let id = event.id else { return nil }
            if event.fault == "certificateExpiring" {
                return certificateDaysLeft.map { $0 >= certificateWarningDays } == true ? id : nil
            }
            if event.fault == "externalWrite" { return nil }  // stays until someone clears it
            return now - event.time >= holdTime ? id : nil
        }
    }

    private func alarm(_ time: Timestamp, fault: String, severity: String, title: String, explanation: String, action: String) -> Event {
        Event(
            time: time, asset: asset, kind: .security, fault: fault, severity: severity, confidence: 1, title: title,
            explanation: explanation, evidenceJSON: "[]", recommendedAction: action)
    }
}
