import Foundation
import MillraceConfiguration
import MillraceCore
import Testing

let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path

@Suite struct ConfigurationLoaderTests {
    /// Each invalid fixture with the error it must give: code, key path and line (nil where the whole file is wrong).
    static let invalidCases: [(file: String, code: ConfigurationError.Code, keyPath: String, line: Int?)] = [
        ("missing-enterprise", .missingKey, "enterprise", 1),
        ("unknown-data-type", .invalidValue, "sites[0].areas[0].lines[0].assets[0].tags[0].type", 15),
        ("version-wrong-type", .wrongType, "version", 1),
        ("unsupported-version", .unsupportedVersion, "version", 1),
        ("duplicate-tag-id", .duplicateID, "sites[0].areas[0].lines[0].assets[0].tags[1].id", 16),
        ("misspelled-key", .unknownKey, "sites[0].areas[0].lines[0].assets[0].tags[0].pollIntervall", 16),
        ("unknown-connection", .unknownReference, "sites[0].areas[0].lines[0].assets[0].tags[0].connection", 13),
        ("unknown-signal", .invalidValue, "sites[0].areas[0].lines[0].assets[0].tags[0].address", 14),
        ("malformed-yaml", .malformedYAML, "", 6),
        ("sites-not-a-list", .wrongType, "sites", 3),
        ("zero-scale", .invalidValue, "sites[0].areas[0].lines[0].assets[0].tags[0].scale", 16),
        ("bad-duration", .invalidValue, "sites[0].areas[0].lines[0].assets[0].tags[0].pollInterval", 16),
        ("unknown-connection-type", .invalidValue, "connections[0].type", 18),
        ("simulator-without-model", .missingKey, "connections[0].model", 17),
        ("negative-deadband", .invalidValue, "sites[0].areas[0].lines[0].assets[0].tags[0].deadband", 16),
        ("port-out-of-range", .invalidValue, "http.port", 22),
        ("bad-asset-id", .invalidValue, "sites[0].areas[0].lines[0].assets[0].id", 10),
        ("empty", .empty, "", nil),
        ("only-comment", .empty, "", nil),
        ("binary-garbage", .notText, "", nil),
        ("not-utf8", .notText, "", nil),
        ("root-is-list", .wrongType, "", 1),
    ]

    @Test(arguments: invalidCases.map { $0.file })
    func invalidConfigurationGivesAPreciseOneLineError(file: String) throws {
        let expected = try #require(Self.invalidCases.first { $0.file == file })
        let path = "\(fixtures)/invalid/\(file).yaml"
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: path) }
        #expect(error.code == expected.code, "\(error)")
        #expect(error.keyPath == expected.keyPath, "\(error)")
        #expect(error.line == expected.line, "\(error)")
        #expect(error.file == path)
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix(path))
    }

    @Test func everyInvalidFixtureHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(fixtures)/invalid")
            .filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }
        #expect(Set(files) == Set(Self.invalidCases.map(\.file)))
    }

    @Test func missingFileSaysSo() {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: "/nonexistent/plant.yaml") }
        #expect(error?.code == .unreadable)
        #expect(error?.description.contains("does not exist") == true)
    }

    @Test func directoryIsRefused() {
        let error = #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: fixtures) }
        #expect(error?.code == .unreadable)
    }

    @Test func validFixtureLoadsWithDefaults() throws {
        let configuration = try ConfigurationLoader.load(path: "\(fixtures)/valid/two-lines.yaml")
        #expect(configuration.enterprise == "Acme Foods")
        #expect(configuration.http.port == 9090)
        #expect(configuration.http.host == "127.0.0.1")
        #expect(configuration.storage.directory == "data")
        let paths = configuration.resolvedAssets.map(\.path.description)
        #expect(Set(paths) == ["dayton/utilities/compressor", "dayton/packaging/line-1/filler", "dayton/packaging/line-2/palletizer-cell/robot"])
        let robot = try #require(configuration.resolvedTags.first { $0.tag.id.rawValue == "dayton.line2.robot.current" })
        #expect(robot.tag.pollInterval?.duration == .milliseconds(500))
        #expect(robot.tag.deadband == 0.1)
        #expect(robot.tag.storedKind == .double)
        let compressor = try #require(configuration.resolvedTags.first { $0.tag.id.rawValue == "dayton.utilities.compressor.temp" })
        #expect(compressor.tag.maxInterval.duration == .seconds(300))
        #expect(compressor.tag.unit.symbol == "°C")
        #expect(configuration.connections[1].enabled == false)
        #expect(configuration.connections[1].seed == 7)
        let nodes = configuration.hierarchyNodes.map { "\($0.level):\($0.path)" }
        #expect(nodes.contains("cell:dayton/packaging/line-2/palletizer-cell"))
    }

    @Test func demoPlantIsValid() throws {
        let configuration = try ConfigurationLoader.load(text: DemoPlant.yaml, file: DemoPlant.label)
        #expect(configuration.resolvedTags.count == 5)
        #expect(configuration.http.port == 8080)
    }

    @Test func shippedExamplesAreValid() throws {
        let examples = URL(fileURLWithPath: fixtures).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples").path
        let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".yaml") }
        #expect(!files.isEmpty)
        for file in files {
            _ = try ConfigurationLoader.load(path: "\(examples)/\(file)")
        }
    }

    @Test func configurationRoundTripsThroughYAML() throws {
        let original = try ConfigurationLoader.load(path: "\(fixtures)/valid/two-lines.yaml")
        let encoded = try original.yamlText()
        let decoded = try ConfigurationLoader.load(text: encoded, file: "<round trip>")
        #expect(decoded == original)
    }

    @Test(arguments: ["500ms", "1s", "1.5s", "2m", "1h", "1d", "250 ms", "10us"])
    func durationsParse(text: String) throws {
        _ = try ConfigDuration(parsing: text)
    }

    @Test(arguments: ["", "fast", "1x", "-1s", "1e400s", "s"])
    func badDurationsAreRefused(text: String) {
        #expect(throws: ConfigDurationError.self) { try ConfigDuration(parsing: text) }
    }

    @Test func hostileDocumentsNeverCrash() {
        let documents = [
            "version: 1\nenterprise: &a [*a]", "{{{{{{{{{{", "version: !!binary AAAA", String(repeating: "[", count: 10_000),
            "sites:\n" + String(repeating: "  - id: x\n", count: 2_000), "? [a]\n: b", "version: 1\nversion: 2",
        ]
        for document in documents {
            #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(text: document, file: "<hostile>") }
        }
    }
}
