import Analytics
import MillraceCore
import Testing

@Suite("Waveform from samples")
struct WaveformTests {
    static let start = Timestamp(seconds: 1_795_000_000)

    /// 25.6 kHz: 39.0625 µs per sample, timestamps rounded to whole microseconds as the historian stores them.
    static func samples(count: Int, rate: Double = 25600) -> [Sample] {
        (0..<count).map { j in
            let offset = Int64((Double(j) * 1e6 / rate).rounded())
            return Sample(time: start + .microseconds(offset), value: .double(Double(j % 5)))
        }
    }

    @Test("evenly spaced good samples become a waveform with the inferred rate")
    func inferredRate() throws {
        let waveform = try Waveform(samples: Self.samples(count: 25600), unit: .init("m/s²"))
        #expect(abs(waveform.sampleRate - 25600) < 0.01)
        #expect(waveform.samples.count == 25600)
        #expect(waveform.start == Self.start)
        #expect(waveform.duration == .seconds(1))
        #expect(waveform.time(ofSample: 256) == Self.start + .microseconds(10_000))
        #expect(waveform.time(ofSample: 25600) == nil)
    }

    @Test("a bad-quality sample, a string value or a gap is refused with its position")
    func refusals() throws {
        var samples = Self.samples(count: 100)
        samples[17].quality = .communicationFailure
        do {
            _ = try Waveform(samples: samples)
            Issue.record("expected badQuality")
        } catch {
            #expect(error.code == .badQuality)
            #expect(error.message.contains("sample 17"))
        }
        samples = Self.samples(count: 100)
        samples[3].value = .string("overload")
        #expect(throws: AnalyticsError.self) { try Waveform(samples: samples) }
        samples = Self.samples(count: 100)
        samples.remove(at: 50)  // a missing sample: the rest no longer fits one grid
        do {
            _ = try Waveform(samples: samples)
            Issue.record("expected irregularSampling")
        } catch {
            #expect(error.code == .irregularSampling)
        }
        #expect(throws: AnalyticsError.self) { try Waveform(samples: []) }
        #expect(throws: AnalyticsError.self) { try Waveform(samples: Array(Self.samples(count: 1))) }
        #expect(throws: AnalyticsError.self) { try Waveform(samples: Self.samples(count: 4), sampleRate: 0) }
    }
}
