import MillraceConfiguration
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct HistorianConfigurationTests {
    func yaml(_ historian: String) -> String {
        TestPlants.simulatedMotor(tags: [("m.current", "current"), ("m.speed", "speed")], sections: historian)
    }

    @Test func retentionClassesAndCompressionAreReadAndRoundTrip() throws {
        let configuration = try ConfigurationLoader.load(
            text: yaml(
                """
                historian:
                  retentionClasses:
                    - id: default
                      raw: 90d
                      rollup1m: 2y
                      rollup1h: forever
                    - id: critical
                      raw: 1y
                  retentionInterval: 30m
                  tags:
                    - tag: m.current
                      retentionClass: critical
                      compression: swingingDoor
                      deviation: 0.5
                      maxTime: 10m
                    - tag: m.speed
                      compression: exception
                      deviation: 2
                """), file: "test.yaml")
        let historian = configuration.historian
        #expect(historian.retentionClasses.count == 2)
        #expect(historian.retentionClass(of: TagID(unchecked: "m.current")).raw.duration == .seconds(365 * 86_400))
        let standard = historian.retentionClass(of: TagID(unchecked: "m.speed"))
        #expect(standard.id == "default" && standard.raw.duration == .seconds(90 * 86_400))
        #expect(standard.rollup1m.duration == .seconds(2 * 365 * 86_400) && standard.rollup1h == .forever && standard.rollup1d == .forever)
        #expect(historian.retentionInterval.duration == .seconds(1800))
        let current = try #require(historian.settings(of: TagID(unchecked: "m.current")))
        #expect(current.compression == .swingingDoor && current.deviation == 0.5 && current.maxTime.duration == .seconds(600))
        #expect(historian.settings(of: TagID(unchecked: "m.speed"))?.compression == .exception)
        let again = try ConfigurationLoader.load(text: configuration.yamlText(), file: "again.yaml")
        #expect(again == configuration)
    }

    @Test func withoutAHistorianSectionEverythingIsKeptLosslessly() throws {
        let configuration = try ConfigurationLoader.load(text: yaml(""), file: "test.yaml")
        let retention = configuration.historian.retentionClass(of: TagID(unchecked: "m.current"))
        #expect(retention.raw == .forever && retention.rollup1m == .forever && retention.rollup1d == .forever)
        #expect(configuration.historian.tags.isEmpty)
        #expect(!(try configuration.yamlText()).contains("historian"))
    }

    static let invalid: [(historian: String, keyPath: String, code: ConfigurationError.Code)] = [
        ("historian:\n  retentionClasses:\n    - id: x\n      raw: 90 days", "historian.retentionClasses[0].raw", .invalidValue),
        ("historian:\n  retentionClasses:\n    - id: x\n      raw: 90", "historian.retentionClasses[0].raw", .invalidValue),
        ("historian:\n  retentionClasses:\n    - id: x\n      raw: 1y\n      rollup1m: 30d", "historian.retentionClasses[0].rollup1m", .invalidValue),
        ("historian:\n  retentionClasses:\n    - id: x\n    - id: x", "historian.retentionClasses[1].id", .duplicateID),
        ("historian:\n  defaultRetentionClass: gold", "historian.defaultRetentionClass", .unknownReference),
        ("historian:\n  tags:\n    - tag: m.nothing", "historian.tags[0].tag", .unknownReference),
        ("historian:\n  tags:\n    - tag: m.speed\n      retentionClass: gold", "historian.tags[0].retentionClass", .unknownReference),
        ("historian:\n  tags:\n    - tag: m.speed\n      compression: gzip", "historian.tags[0].compression", .invalidValue),
        ("historian:\n  tags:\n    - tag: m.speed\n      compression: exception\n      deviation: -1", "historian.tags[0].deviation", .invalidValue),
        ("historian:\n  tags:\n    - tag: m.speed\n      deviation: 1", "historian.tags[0].compression", .invalidValue),
        ("historian:\n  tags:\n    - tag: m.speed\n    - tag: m.speed", "historian.tags[1].tag", .duplicateID),
        ("historian:\n  retentionInterval: 1s", "historian.retentionInterval", .invalidValue),
        ("historian:\n  retention: 90d", "historian.retention", .unknownKey),
    ]

    @Test(arguments: invalid.indices)
    func badHistorianSettingsNameTheirKey(index: Int) throws {
        let expected = Self.invalid[index]
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader.load(text: yaml(expected.historian), file: "test.yaml")
        }
        #expect(error.keyPath == expected.keyPath, "\(error)")
        #expect(error.code == expected.code, "\(error)")
    }
}
