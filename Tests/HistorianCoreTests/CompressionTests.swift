import MillraceCore
import Testing

@testable import HistorianCore

/// Size checks on realistic series. The figures are printed for the record; the assertions are loose
/// bounds so a badly regressed codec fails the build, not a tuning target.
@Suite struct CompressionTests {
    static let start: Int64 = 1_767_225_600_000_000
    static let hour = 3600

    /// A room temperature: 20 °C plus a slow ±2 °C swing (a triangle wave over the hour) and sensor noise,
    /// reported to 0.1 °C at 1 Hz.
    static func temperature(count: Int, jitter: (inout SplitMix64) -> Int64) -> [Sample] {
        var random = SplitMix64(seed: 42)
        return (0..<count).map { index in
            let phase = Double(index % 3600) / 3600
            let swing = 2 * (4 * abs(phase - 0.5) - 1)
            let noise = Double(Int(random.next() % 3) - 1) * 0.05
            let value = ((20 + swing + noise) * 10).rounded() / 10
            let time = start + Int64(index) * 1_000_000 + jitter(&random)
            return Sample(time: Timestamp(microseconds: time), value: .double(value))
        }
    }

    static func bitsPerSample(_ samples: [Sample], kind: ValueKind, _ name: String) throws -> Double {
        let bytes = try encode(samples, kind: kind)
        #expect(identical(try Chunk.decode(bytes), samples))
        let bits = Double(bytes.count * 8) / Double(samples.count)
        let encoding = bytes[6] == Chunk.decimalEncoding && kind == .double ? "decimal" : "default"
        let formatted = (bits * 100).rounded() / 100
        let size = "\(samples.count) samples, \(bytes.count) bytes, \(formatted) bits/sample (\(encoding))"
        print("chunk size: \(name): \(size)")
        return bits
    }

    @Test func temperatureWithMillisecondJitterStaysSmall() throws {
        // The collector stamps to the millisecond; the poll lands 0-4 ms late.
        let series = Self.temperature(count: Self.hour) { Int64($0.next() % 5) * 1_000 }
        #expect(try Self.bitsPerSample(series, kind: .double, "1 Hz temperature, 0.1 °C, ms jitter") < 16)
        let short = Array(series.prefix(120))
        #expect(try Self.bitsPerSample(short, kind: .double, "same, 2-minute chunk") < 16)
    }

    @Test func temperatureWithMicrosecondJitter() throws {
        let series = Self.temperature(count: Self.hour) { Int64($0.next() % 1_000) }
        #expect(try Self.bitsPerSample(series, kind: .double, "1 Hz temperature, 0.1 °C, µs jitter < 1 ms") < 24)
    }

    @Test func regularClockAndConstantValueIsAlmostFree() throws {
        let series = samples(Array(repeating: .double(1013.25), count: Self.hour))
        #expect(try Self.bitsPerSample(series, kind: .double, "1 Hz constant") < 2.5)
    }

    @Test func randomDoublesCostAboutTheirSize() throws {
        var random = SplitMix64(seed: 7)
        let uniform = samples((0..<Self.hour).map { _ in .double(Double(random.next() >> 11) / Double(1 << 53)) })
        #expect(try Self.bitsPerSample(uniform, kind: .double, "1 Hz uniform doubles in [0, 1)") < 72)
        let patterns = samples((0..<Self.hour).map { _ in .double(Double(bitPattern: random.next())) })
        #expect(try Self.bitsPerSample(patterns, kind: .double, "1 Hz random bit patterns") < 76)
    }

    @Test func countersBooleansAndStatesAreSmall() throws {
        var random = SplitMix64(seed: 9)
        var total: Int64 = 0
        let counter = samples((0..<Self.hour).map { _ in
            total += Int64(random.next() % 3)
            return .integer(total)
        })
        #expect(try Self.bitsPerSample(counter, kind: .integer, "1 Hz counter, +0...2") < 8)
        let running = samples((0..<Self.hour).map { .bool(($0 / 600) % 2 == 0) })
        #expect(try Self.bitsPerSample(running, kind: .bool, "1 Hz pump running, 6 changes") < 2)
        let states = samples((0..<Self.hour).map { .string(["RUN", "IDLE", "FAULT"][($0 / 300) % 3]) })
        #expect(try Self.bitsPerSample(states, kind: .string, "1 Hz machine state, 12 changes") < 3)
    }
}
