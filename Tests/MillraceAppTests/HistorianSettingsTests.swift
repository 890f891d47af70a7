import Collector
import Historian
import HistorianCore
import Logging
import MillraceApp
import MillraceConfiguration
import MillraceCore
import MillraceTestSupport
import Testing

/// The `historian:` section reaches the ingest pipeline (compression) and the store (retention).
@Suite struct HistorianSettingsTests {
    let text = TestPlants.simulatedMotor(
        tags: [("m.current", "current"), ("m.speed", "speed"), ("m.temp", "winding_temperature")],
        sections: """
            historian:
              retentionClasses:
                - id: default
                  raw: 90d
                  rollup1m: 2y
                - id: critical
                  raw: forever
              tags:
                - tag: m.current
                  retentionClass: critical
                  compression: swingingDoor
                  deviation: 0.5
                  maxTime: 10m
                - tag: m.speed
                  compression: exception
                  deviation: 2
                  maxTime: 1h
            """)

    @Test func compressionAndRetentionComeFromTheConfiguration() throws {
        let configuration = try ConfigurationLoader.load(text: text, file: "test.yaml")
        let app = MillraceApplication(configuration: configuration, version: "test", logger: Logger(label: "test"))
        let current = TagID(unchecked: "m.current")
        let speed = TagID(unchecked: "m.speed")
        let temp = TagID(unchecked: "m.temp")
        let settings = app.compressionSettings()
        #expect(settings[current] == .swingingDoor(deviation: 0.5, maxTime: .seconds(600)))
        #expect(settings[speed] == .exception(deviation: 2, maxTime: .seconds(3600)))
        #expect(settings[temp] == nil)
        let policy = app.retentionPolicy()
        #expect(policy.retentionClass(of: current).name == "critical")
        #expect(policy.retentionClass(of: current).raw == nil)
        #expect(policy.retentionClass(of: temp).raw == .seconds(90 * 86_400))
        #expect(policy.retentionClass(of: temp).rollups[.minute] == .seconds(2 * 365 * 86_400))
        #expect(policy.retentionClass(of: temp).rollups[.hour] == nil)

        // The filter built from these settings thins the configured tags only.
        var filter = try CompressionFilter(settings: settings)
        let t0 = Timestamp(seconds: 1_767_225_600)
        let input = [current, speed, temp].flatMap { tag in
            (0..<60).map { TaggedSample(tag: tag, time: t0 + .seconds(Int64($0)), value: .double(Double($0) / 10)) }
        }
        let output = filter.filter(input) + filter.flush()
        #expect(output.filter { $0.tag == temp }.count == 60)
        #expect(output.filter { $0.tag == current }.count == 2)
        #expect(output.filter { $0.tag == speed }.count < 10)
    }
}
