import Foundation
import MillraceConfiguration
import Testing

@Suite struct ConfigurationSchemaTests {
    /// The schema lists exactly the keys each decoder accepts, so editors and Millrace agree.
    @Test func schemaPropertiesMatchDecoderKeys() {
        for definition in ConfigurationSchema.definitions {
            #expect(definition.schema.propertyNames == definition.keys, "definition \(definition.name)")
        }
    }

    /// The committed copy in docs/ is the generated one; regenerate with
    /// `swift run millrace config schema > docs/schema/millrace.schema.json`.
    @Test func committedSchemaIsUpToDate() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let committed = try String(contentsOf: root.appendingPathComponent("docs/schema/millrace.schema.json"), encoding: .utf8)
        #expect(committed == ConfigurationSchema.document)
    }

    @Test func schemaIsValidJSON() throws {
        let object = try JSONSerialization.jsonObject(with: Data(ConfigurationSchema.document.utf8)) as? [String: Any]
        #expect(object?["$defs"] != nil)
        #expect((object?["required"] as? [String]) == ["version", "enterprise", "sites"])
    }
}
