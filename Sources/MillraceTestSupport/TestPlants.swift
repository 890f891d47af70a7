/// Configuration files for tests: one simulated motor `s/a/l/m` with the tags asked for, read through the built-in
/// simulator, plus any further top-level sections (`historian:`, `security:`…). One place instead of a copy of
/// the same YAML per test.
public enum TestPlants {
    /// `tags` are (tag id, simulator signal) pairs; `sections` is appended as written (top-level YAML).
    public static func simulatedMotor(tags: [(id: String, address: String)], sections: String = "") -> String {
        var text = """
            version: 1
            enterprise: Acme
            sites:
              - id: s
                areas:
                  - id: a
                    lines:
                      - id: l
                        assets:
                          - id: m
                            tags:

            """
        for tag in tags {
            let indent = String(repeating: " ", count: 16)
            text += "\(indent)- id: \(tag.id)\n\(indent)  connection: sim\n\(indent)  address: \(tag.address)\n"
            text += "\(indent)  type: float64\n"
        }
        text += """
            connections:
              - id: sim
                type: simulator
                model: motor

            """
        return text + sections
    }
}
