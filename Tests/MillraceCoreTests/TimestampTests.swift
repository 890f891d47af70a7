import MillraceCore
import PropertyBased
import MillraceTestSupport
import Testing

@Suite struct TimestampTests {
    @Test(arguments: [
        ("1970-01-01T00:00:00Z", Int64(0)),
        ("2026-11-26T12:00:00Z", Int64(1_795_694_400_000_000)),
        ("2026-11-26T13:00:00+01:00", Int64(1_795_694_400_000_000)),
        ("2026-11-26T07:00:00-05:00", Int64(1_795_694_400_000_000)),
        ("2026-11-26t12:00:00.25z", Int64(1_795_694_400_250_000)),
        ("2026-11-26 12:00:00.123456789Z", Int64(1_795_694_400_123_456)),
        ("1969-12-31T23:59:59.999999Z", Int64(-1)),
        ("2000-02-29T00:00:00Z", Int64(951_782_400_000_000)),
        ("2026-11-26", Int64(1_795_651_200_000_000)),
    ])
    func parsesRFC3339(text: String, micros: Int64) throws {
        #expect(try Timestamp(iso8601: text).microseconds == micros)
    }

    @Test(arguments: [
        "", "garbage", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z",
        "2026-11-26T24:00:00Z", "2026-11-26T12:60:00Z", "2026-11-26T12:00:00", "2026-11-26T12:00:00+1:00",
        "2026-11-26T12:00:00Zjunk", "2026-11-26T12:00:00.Z", "20261126T120000Z",
    ])
    func rejectsMalformedTimes(text: String) {
        #expect(throws: TimestampParseError.self) { try Timestamp(iso8601: text) }
    }

    @Test func formatsWithTrimmedFraction() {
        #expect(Timestamp(microseconds: 1_795_694_400_250_000).iso8601 == "2026-11-26T12:00:00.25Z")
        #expect(Timestamp(microseconds: 0).iso8601 == "1970-01-01T00:00:00Z")
        #expect(Timestamp(microseconds: -1).iso8601 == "1969-12-31T23:59:59.999999Z")
    }

    @Test func formatAndParseRoundTripOverPlausibleRange() async {
        await checkProperty(input: Gen.int64(in: Timestamp.earliestAccepted.microseconds...Timestamp.latestAccepted.microseconds)) { micros in
            let time = Timestamp(microseconds: micros)
            #expect((try? Timestamp(iso8601: time.iso8601)) == time)
        }
    }

    @Test func durationArithmetic() {
        let t = Timestamp(seconds: 100)
        #expect(t + .milliseconds(1500) == Timestamp(microseconds: 101_500_000))
        #expect((t + .seconds(5)) - t == .seconds(5))
        #expect(Timestamp(microseconds: -1).seconds == -1)
    }
}
