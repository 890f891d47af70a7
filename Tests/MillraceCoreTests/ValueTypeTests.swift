import MillraceCore
import Testing

@Suite struct TagIDTests {
    @Test(arguments: ["a", "line1.conveyor.motor.current", "PLC-1:HR100", "x_y", String(repeating: "a", count: 200)])
    func acceptsValidIDs(text: String) throws {
        #expect(try TagID(text).rawValue == text)
    }

    @Test(arguments: ["", ".leading-dot", "has space", "slash/inside", "ünicode", String(repeating: "a", count: 201), "semi;colon"])
    func rejectsInvalidIDs(text: String) {
        #expect(throws: TagIDError.self) { try TagID(text) }
    }
}

@Suite struct QualityTests {
    @Test func rawValueRoundTripsEveryCombination() {
        for severity in Quality.Severity.allCases {
            for substatus in Quality.Substatus.allCases {
                let quality = Quality(severity, substatus)
                #expect(Quality(rawValue: quality.rawValue) == quality)
                #expect(Quality(name: quality.description) == quality)
            }
        }
    }

    @Test func unknownRawValuesAreRejected() {
        #expect(Quality(rawValue: 0x0300) == nil)
        #expect(Quality(rawValue: 0x00FF) == nil)
    }

    @Test func mapsOPCUAStatusCodes() {
        #expect(Quality.good.opcuaStatusCode == 0)
        #expect(Quality.communicationFailure.opcuaStatusCode == 0x8005_0000)
        #expect(Quality(opcuaStatusCode: 0x8005_0000) == .communicationFailure)
        #expect(Quality(opcuaStatusCode: 0x808D_0000) == .outOfService)
        #expect(Quality(opcuaStatusCode: 0x4090_0000) == .lastUsableValue)
        // Unknown sub-codes keep their severity.
        #expect(Quality(opcuaStatusCode: 0x80AB_0000) == .bad)
        #expect(Quality(opcuaStatusCode: 0x40AB_0000) == .uncertain)
    }
}

@Suite struct AssetPathTests {
    @Test func parsesAndContains() throws {
        let line = try AssetPath("demo/packaging/line-1")
        let motor = try AssetPath("demo/packaging/line-1/conveyor-motor")
        #expect(line.contains(motor))
        #expect(!motor.contains(line))
        #expect(motor.parent == line)
        #expect(motor.leaf == "conveyor-motor")
        #expect(!(try AssetPath("demo/packaging/line-10")).contains(motor))
    }

    @Test(arguments: ["", "a//b", "a/b c", "a/b/c/d/e/f/g", "/leading"])
    func rejectsInvalidPaths(text: String) {
        #expect(throws: AssetPathError.self) { try AssetPath(text) }
    }
}

@Suite struct DataValueTests {
    @Test func identityTreatsNaNAsEqual() {
        #expect(DataValue.double(.nan).isIdentical(to: .double(.nan)))
        #expect(!DataValue.double(0.0).isIdentical(to: .double(-0.0)))
        #expect(DataValue.bool(true).numericValue == 1)
        #expect(DataValue.string("x").numericValue == nil)
    }
}
