import MillraceCore
import Testing

@testable import MillraceSecurity

@Suite("LoginThrottle")
struct LoginThrottleTests {
    @Test func fiveFailuresLockTheUserForOneMinuteThenDoubling() {
        let clock = TestClock()
        var throttle = LoginThrottle()
        for attempt in 1...4 {
            #expect(throttle.check(username: "alice", address: "10.0.0.5", now: clock.now()).isAllowed)
            #expect(
                throttle.recordFailure(username: "alice", address: "10.0.0.5", now: clock.now()).isEmpty, "\(attempt)")
            clock.advance(by: .seconds(1))
        }
        let events = throttle.recordFailure(username: "Alice", address: "10.0.0.5", now: clock.now())
        let lockedUntil = clock.now() + .seconds(60)
        #expect(events == [.userLockedOut(username: "alice", until: lockedUntil, failures: 5, lockoutNumber: 1)])
        #expect(
            throttle.check(username: "ALICE", address: "10.9.9.9", now: clock.now())
                == .lockedOut(subject: .user("alice"), until: lockedUntil, retryAfter: .seconds(60)))

        clock.advance(by: .seconds(59))
        #expect(!throttle.check(username: "alice", address: "10.0.0.5", now: clock.now()).isAllowed)
        clock.advance(by: .seconds(1))
        #expect(throttle.check(username: "alice", address: "10.0.0.5", now: clock.now()).isAllowed)

        // Once locked out, each further failure locks again, twice as long: 2, 4, 8, … minutes.
        var expected: Duration = .seconds(120)
        for number in 2...8 {
            let events = throttle.recordFailure(username: "alice", address: "10.0.0.5", now: clock.now())
            #expect(
                events.first
                    == .userLockedOut(
                        username: "alice", until: clock.now() + expected, failures: 4 + number, lockoutNumber: number))
            clock.advance(by: expected)
            expected = min(expected * 2, .seconds(3600))
        }
        // Capped at one hour.
        #expect(LoginThrottle.lockoutDuration(number: 7, configuration: throttle.configuration) == .seconds(3600))
        #expect(LoginThrottle.lockoutDuration(number: 60, configuration: throttle.configuration) == .seconds(3600))
    }

    @Test func successResetsTheCounters() {
        let clock = TestClock()
        var throttle = LoginThrottle()
        for _ in 1...4 { _ = throttle.recordFailure(username: "bob", address: "10.0.0.6", now: clock.now()) }
        throttle.recordSuccess(username: "bob", address: "10.0.0.6", now: clock.now())
        for _ in 1...4 {
            #expect(throttle.recordFailure(username: "bob", address: "10.0.0.6", now: clock.now()).isEmpty)
        }
        #expect(throttle.check(username: "bob", address: "10.0.0.6", now: clock.now()).isAllowed)
    }

    @Test func historyIsForgottenAfterAQuietDay() {
        let clock = TestClock()
        var throttle = LoginThrottle()
        for _ in 1...5 { _ = throttle.recordFailure(username: "carol", address: "10.0.0.7", now: clock.now()) }
        clock.advance(by: .seconds(24 * 3600))
        let events = throttle.recordFailure(username: "carol", address: "10.0.0.7", now: clock.now())
        #expect(events.isEmpty)  // a fresh start, not lockout #2
        #expect(throttle.check(username: "carol", address: "10.0.0.7", now: clock.now()).isAllowed)
    }

    @Test func oneAddressSprayingManyUsersIsLockedOut() {
        let clock = TestClock()
        var throttle = LoginThrottle(configuration: LoginThrottleConfiguration(burstThreshold: 1_000))
        var events: [SecurityEvent] = []
        for index in 1...20 {
            events += throttle.recordFailure(username: "user\(index)", address: "203.0.113.9", now: clock.now())
            clock.advance(by: .seconds(5))
        }
        #expect(events.count == 1)
        guard case .addressLockedOut(let address, _, let failures, 1) = events.first else {
            Issue.record("expected an address lockout, got \(events)")
            return
        }
        #expect(address == "203.0.113.9" && failures == 20)
        #expect(!throttle.check(username: "user99", address: "203.0.113.9", now: clock.now()).isAllowed)
        #expect(throttle.check(username: "user99", address: "203.0.113.10", now: clock.now()).isAllowed)
    }

    @Test func burstOfFailuresAcrossAccountsRaisesOneEventPerWindow() {
        let clock = TestClock()
        let configuration = LoginThrottleConfiguration(
            addressFailuresBeforeLockout: 1_000, burstThreshold: 10, burstWindow: .seconds(60))
        var throttle = LoginThrottle(configuration: configuration)
        var bursts: [SecurityEvent] = []
        for index in 0..<30 {
            let events = throttle.recordFailure(username: "u\(index)", address: "198.51.100.\(index)", now: clock.now())
            bursts += events.filter { if case .failedLoginBurst = $0 { true } else { false } }
            clock.advance(by: .seconds(2))
        }
        // 10th failure at t=18 s raises the first; the next is due ≥ 60 s later (t=78 s is beyond the run).
        #expect(bursts.count == 1)
        #expect(
            bursts.first == .failedLoginBurst(failures: 10, window: .seconds(60), at: TestClock().now() + .seconds(18)))
        #expect(bursts.first?.description.contains("burst of failed logins") == true)
    }

    @Test func trackedKeysAreBounded() {
        let clock = TestClock()
        var throttle = LoginThrottle(configuration: LoginThrottleConfiguration(maximumTrackedKeys: 50))
        for index in 0..<200 {
            _ = throttle.recordFailure(username: "u\(index)", address: "a\(index)", now: clock.now())
            clock.advance(by: .milliseconds(10))
        }
        #expect(throttle.users.count + throttle.addresses.count <= 52)
    }
}
