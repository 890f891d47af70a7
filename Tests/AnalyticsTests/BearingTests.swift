#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

import Analytics

@Suite("Bearing defect frequencies")
struct BearingTests {
    /// SKF 6205 (CWRU drive end): n = 9, d = 7.94 mm, D = 39.04 mm, α = 0, 1797 r/min = 29.95 Hz.
    /// d/D = 0.203381; BPFO = 4.5·29.95·0.796619 = 107.36 Hz; BPFI = 4.5·29.95·1.203381 = 162.19 Hz;
    /// FTF = 14.975·0.796619 = 11.93 Hz; BSF = 29.95·39.04/15.88·(1 − 0.041364) = 70.58 Hz.
    @Test("6205 at 1797 rpm matches the hand-computed values")
    func skf6205() throws {
        let geometry = try BearingGeometry(rollingElementCount: 9, rollingElementDiameter: 7.94, pitchDiameter: 39.04)
        let f = try geometry.defectFrequencies(rpm: 1797)
        #expect(abs(f.shaftFrequency - 29.95) < 1e-9)
        #expect(abs(f.bpfo - 107.36) < 0.01)
        #expect(abs(f.bpfi - 162.19) < 0.01)
        #expect(abs(f.ftf - 11.929) < 0.001)
        #expect(abs(f.bsf - 70.58) < 0.01)
        // BPFO + BPFI = n·f_r for any geometry.
        #expect(abs(f.bpfo + f.bpfi - 9 * 29.95) < 1e-9)
        #expect(abs(f.orders.bpfo - 3.5848) < 0.0001)
        #expect(BearingCatalogue.builtIn.entry(for: "6205")?.geometry == geometry)
    }

    @Test("the contact angle enters as cos α")
    func contactAngle() throws {
        let geometry = try BearingGeometry(
            rollingElementCount: 12, rollingElementDiameter: 10, pitchDiameter: 50, contactAngle: 40)
        let ratio = 10.0 / 50 * cos(40 * Double.pi / 180)
        #expect(abs(geometry.defectOrders.bpfo - 6 * (1 - ratio)) < 1e-12)
        #expect(abs(geometry.defectOrders.bsf - 2.5 * (1 - ratio * ratio)) < 1e-12)
    }

    @Test("catalogue lookup by designation with suffixes, and configuration overrides")
    func catalogue() throws {
        let catalogue = BearingCatalogue.builtIn
        for designation in ["6203", "6204", "6205", "6206", "6305", "6308"] {
            #expect(catalogue.entry(for: designation) != nil, "\(designation)")
        }
        #expect(catalogue.entry(for: "6205-2RS1/C3")?.designation == "6205")
        #expect(catalogue.entry(for: " 6308 2Z")?.designation == "6308")
        #expect(catalogue.entry(for: "62052") == nil)
        #expect(catalogue.entry(for: "22210") == nil)
        let custom = BearingCatalogueEntry(
            designation: "6205",
            geometry: try BearingGeometry(rollingElementCount: 9, rollingElementDiameter: 7.938, pitchDiameter: 38.5),
            source: "site data sheet")
        let overridden = catalogue.overriding(with: [custom])
        #expect(overridden.entry(for: "6205-2Z")?.source == "site data sheet")
    }

    @Test("invalid geometries and speeds throw")
    func invalid() throws {
        #expect(throws: AnalyticsError.self) {
            try BearingGeometry(rollingElementCount: 0, rollingElementDiameter: 7, pitchDiameter: 39)
        }
        #expect(throws: AnalyticsError.self) {
            try BearingGeometry(rollingElementCount: 9, rollingElementDiameter: 40, pitchDiameter: 39)
        }
        #expect(throws: AnalyticsError.self) {
            try BearingGeometry(rollingElementCount: 9, rollingElementDiameter: 7, pitchDiameter: 39, contactAngle: 90)
        }
        let geometry = try BearingGeometry(rollingElementCount: 9, rollingElementDiameter: 7.94, pitchDiameter: 39.04)
        #expect(throws: AnalyticsError.self) { try geometry.defectFrequencies(rpm: -1) }
        #expect(throws: AnalyticsError.self) { try geometry.defectFrequencies(shaftFrequency: .infinity) }
    }
}
