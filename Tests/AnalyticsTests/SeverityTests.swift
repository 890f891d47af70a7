import Testing

import Analytics

@Suite("ISO 10816 severity")
struct SeverityTests {
    @Test(
        "ISO 10816-1 class limits",
        arguments: [
            (ISO10816MachineClass.classI, 0.71, 1.8, 4.5),
            (.classII, 1.12, 2.8, 7.1),
            (.classIII, 1.8, 4.5, 11.2),
            (.classIV, 2.8, 7.1, 18.0),
        ])
    func part1Limits(machineClass: ISO10816MachineClass, ab: Double, bc: Double, cd: Double) throws {
        let criteria = SeverityCriteria.iso10816Part1(machineClass)
        #expect(criteria.limits == (try ZoneLimits(ab: ab, bc: bc, cd: cd)))
        // Exactly at a boundary: the worse zone (documented on `ZoneLimits`).
        #expect(try criteria.assess(velocityRMS: ab).zone == .b)
        #expect(try criteria.assess(velocityRMS: bc).zone == .c)
        #expect(try criteria.assess(velocityRMS: cd).zone == .d)
        #expect(try criteria.assess(velocityRMS: ab.nextDown).zone == .a)
        #expect(try criteria.assess(velocityRMS: bc.nextDown).zone == .b)
        #expect(try criteria.assess(velocityRMS: cd.nextDown).zone == .c)
        #expect(try criteria.assess(velocityRMS: 0).zone == .a)
        #expect(try criteria.assess(velocityRMS: 1000).zone == .d)
    }

    @Test(
        "ISO 10816-3 group and foundation limits",
        arguments: [
            (ISO10816Part3Group.group1, FoundationType.rigid, 2.3, 4.5, 7.1),
            (.group1, .flexible, 3.5, 7.1, 11.0),
            (.group2, .rigid, 1.4, 2.8, 4.5),
            (.group2, .flexible, 2.3, 4.5, 7.1),
        ])
    func part3Limits(group: ISO10816Part3Group, foundation: FoundationType, ab: Double, bc: Double, cd: Double) throws {
        let criteria = SeverityCriteria.iso10816Part3(group: group, foundation: foundation)
        #expect(criteria.limits == (try ZoneLimits(ab: ab, bc: bc, cd: cd)))
        #expect(try criteria.assess(velocityRMS: bc).zone == .c)
    }

    @Test("the assessment explains itself")
    func explanation() throws {
        let assessment = try SeverityCriteria.iso10816Part1(.classII).assess(velocityRMS: 4.1)
        #expect(assessment.zone == .c)
        #expect(assessment.limits.bc == 2.8)
        #expect(
            assessment.explanation
                == "4.10 mm/s RMS (10–1000 Hz) is in zone C of ISO 10816-1 class II (2.8 to below 7.1 mm/s): "
                + "unsatisfactory: operate only for a limited period and plan remedial action at the next opportunity.")
        #expect(assessment.marginToAlarm > 0.46 && assessment.marginToAlarm < 0.47)
    }

    @Test("custom limits validate; invalid velocities throw")
    func custom() throws {
        #expect(throws: AnalyticsError.self) { try ZoneLimits(ab: 3, bc: 2, cd: 5) }
        #expect(throws: AnalyticsError.self) { try ZoneLimits(ab: 0, bc: 2, cd: 5) }
        let criteria = SeverityCriteria(name: "pump P-101 baseline", limits: try ZoneLimits(ab: 1, bc: 2, cd: 3))
        #expect(try criteria.assess(velocityRMS: 2.5).zone == .c)
        #expect(throws: AnalyticsError.self) { try criteria.assess(velocityRMS: .nan) }
        #expect(throws: AnalyticsError.self) { try criteria.assess(velocityRMS: -1) }
        #expect(VibrationZone.a < .d)
    }
}
