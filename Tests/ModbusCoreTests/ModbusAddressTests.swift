import Testing
import ModbusCore

@Suite struct ModbusAddressTests {
    @Test(arguments: [
        ("holding:100", ModbusTable.holdingRegister, UInt16(100), UInt8?.none),
        ("input:5", .inputRegister, 5, nil),
        ("coil:3", .coil, 3, nil),
        ("discrete:7", .discreteInput, 7, nil),
        ("holding:10.3", .holdingRegister, 10, 3),
        ("input:0.15", .inputRegister, 0, 15),
        ("HR:0x1F", .holdingRegister, 31, nil),
        ("ir:65535", .inputRegister, 65535, nil),
        ("co:0", .coil, 0, nil),
        ("di:1", .discreteInput, 1, nil),
        ("  holding:1  ", .holdingRegister, 1, nil),
        // One-based Modicon references.
        ("40001", .holdingRegister, 0, nil),
        ("49999", .holdingRegister, 9998, nil),
        ("400001", .holdingRegister, 0, nil),
        ("465536", .holdingRegister, 65535, nil),
        ("30001", .inputRegister, 0, nil),
        ("300010", .inputRegister, 9, nil),
        ("00001", .coil, 0, nil),
        ("10001", .discreteInput, 0, nil),
        ("40011.3", .holdingRegister, 10, 3),
    ])
    func validAddresses(text: String, table: ModbusTable, address: UInt16, bit: UInt8?) throws {
        let parsed = try ModbusAddress.parse(text)
        #expect(parsed.table == table)
        #expect(parsed.address == address)
        #expect(parsed.bit == bit)
        // The canonical form reads back to the same address.
        #expect(try ModbusAddress.parse(parsed.description) == parsed)
        #expect(try ModbusAddress.parse(parsed.modiconReference) == parsed)
    }

    @Test(arguments: [
        ("", "empty"),
        ("holding:", "missing"),
        ("holding:abc", "not a number"),
        ("hold:1", "not a table"),
        ("holding:65536", "0-based"),
        ("holding:1.16", "bit"),
        ("holding:1.", "bit"),
        ("coil:3.1", "single bit"),
        ("discrete:3.0", "single bit"),
        ("40000", "one-based"),
        ("465537", "one-based"),
        ("20001", "starts with 0 (coil)"),
        ("50001", "starts with 0 (coil)"),
        ("123", "5- or 6-digit"),
        ("4000001", "5- or 6-digit"),
        ("holding 5", "table and a 0-based address"),
        ("holding:-1", "not a number"),
    ])
    func invalidAddressesExplainTheFix(text: String, hint: String) {
        do {
            let parsed = try ModbusAddress.parse(text)
            Issue.record("'\(text)' parsed as \(parsed)")
        } catch {
            #expect(error.text == text)
            #expect(error.description.contains(hint), "\(error.description)")
        }
    }

    @Test func canonicalForms() throws {
        #expect(try ModbusAddress.parse("40101").description == "holding:100")
        #expect(try ModbusAddress.parse("holding:100").modiconReference == "400101")
        #expect(try ModbusAddress.parse("coil:0").modiconReference == "000001")
        #expect(try ModbusAddress.parse("holding:10.3").description == "holding:10.3")
    }
}
