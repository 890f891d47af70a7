import Events
import MillraceApp
import MillraceCore
import MillraceSecurity
import MillraceTLS
import Testing

/// Security facts become alarms people see, with a severity, an explanation and an action, and clear on time.
@Suite struct SecurityAlarmsTests {
    let now = Timestamp(seconds: 1_795_680_000)  // 2026-11-26
    let alarms = SecurityAlarms(asset: try! AssetPath("demo"))

    @Test func lockoutsAndBurstsRaiseAlarmsThatNameWhatToDo() {
        let first = alarms.event(for: .userLockedOut(username: "anna", until: now + .seconds(900), failures: 5, lockoutNumber: 1), at: now)
        #expect(first.kind == .security && first.fault == "userLockedOut" && first.severity == "moderate")
        #expect(first.title == "User 'anna' locked out after 5 failed logins")
        #expect(first.recommendedAction.contains("audit trail"))
        let repeated = alarms.event(for: .userLockedOut(username: "anna", until: now, failures: 5, lockoutNumber: 3), at: now)
        #expect(repeated.severity == "high")
        let address = alarms.event(for: .addressLockedOut(address: "10.0.0.9", until: now, failures: 20, lockoutNumber: 1), at: now)
        #expect(address.title.contains("10.0.0.9") && address.severity == "high")
        let burst = alarms.event(for: .failedLoginBurst(failures: 50, window: .seconds(300), at: now), at: now)
        #expect(burst.fault == "failedLoginBurst" && burst.asset.description == "demo")
    }

    @Test func aCertificateCloseToExpiryRaisesOneAlarmThatClearsWhenRenewed() throws {
        let pem = try SelfSignedCertificate.generate(hostNames: ["localhost"], now: now, validity: .seconds(40 * 86_400)).certificatePEM
        let fresh = try CertificateExpiry(certificatePEM: pem, now: now)
        #expect(alarms.certificateAlarm(fresh, path: "tls/server.crt", openFaults: [], at: now) == nil)
        let late = try CertificateExpiry(certificatePEM: pem, now: now + .seconds(35 * 86_400))
        let alarm = try #require(alarms.certificateAlarm(late, path: "tls/server.crt", openFaults: [], at: now))
        #expect(alarm.severity == "high" && alarm.title == "The TLS certificate expires in 5 days")
        // Not twice while one is open.
        #expect(alarms.certificateAlarm(late, path: "tls/server.crt", openFaults: ["certificateExpiring"], at: now) == nil)
        let expired = try CertificateExpiry(certificatePEM: pem, now: now + .seconds(41 * 86_400))
        #expect(alarms.certificateAlarm(expired, path: "p", openFaults: [], at: now)?.severity == "critical")

        var open = alarm
        open.id = 7
        #expect(alarms.toClear([open], certificateDaysLeft: late.daysLeft, at: now + .seconds(86_400 * 3)) == [])
        #expect(alarms.toClear([open], certificateDaysLeft: 365, at: now) == [7])
    }

    @Test func loginAlarmsClearAfterTheHoldTime() {
        var event = alarms.event(for: .failedLoginBurst(failures: 50, window: .seconds(300), at: now), at: now)
        event.id = 3
        #expect(alarms.toClear([event], certificateDaysLeft: nil, at: now + .seconds(3599)) == [])
        #expect(alarms.toClear([event], certificateDaysLeft: nil, at: now + .seconds(3600)) == [3])
    }
}
