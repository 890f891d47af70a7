extension ModbusAddress {
    /// Parses an address from configuration (see the type's documentation and
    /// docs/adr/modbus-address-syntax.md). Surrounding spaces are ignored; names are case-insensitive.
    public static func parse(_ text: String) throws(ModbusAddressError) -> ModbusAddress {
        let trimmed = Substring(text).drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }
        let body = String(trimmed.reversed())
        func fail(_ reason: String) -> ModbusAddressError { ModbusAddressError(text: text, reason: reason) }
        guard !body.isEmpty else {
            throw fail("it is empty; write for example holding:100, input:5, coil:3, discrete:7 or 40001")
        }
        let (main, bitText) = splitBit(body)
        let bit: UInt8?
        if let bitText {
            guard let value = UInt8(bitText), value <= 15 else {
                throw fail("the bit after '.' must be 0 (least significant) to 15, got '\(bitText.prefix(10))'")
            }
            bit = value
        } else {
            bit = nil
        }
        let parts = main.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2 {
            return try parsePrefixed(table: String(parts[0]), number: String(parts[1]), bit: bit, text: text)
        }
        return try parseModicon(main, bit: bit, text: text)
    }

    private static func splitBit(_ body: String) -> (Substring, Substring?) {
        guard let dot = body.lastIndex(of: ".") else { return (body[...], nil) }
        return (body[..<dot], body[body.index(after: dot)...])
    }

    private static func parsePrefixed(
        table name: String, number: String, bit: UInt8?, text: String
    ) throws(ModbusAddressError) -> ModbusAddress {
        func fail(_ reason: String) -> ModbusAddressError { ModbusAddressError(text: text, reason: reason) }
        let table: ModbusTable
        switch name.lowercased() {
        case "holding", "hr": table = .holdingRegister
        case "input", "ir": table = .inputRegister
        case "coil", "co": table = .coil
        case "discrete", "di": table = .discreteInput
        default:
            throw fail("'\(name.prefix(20))' is not a table; use holding, input, coil or discrete (or hr, ir, co, di)")
        }
        guard !number.isEmpty else {
            throw fail("the address after ':' is missing; write a 0-based address such as \(prefix(table)):0")
        }
        let value: Int?
        if number.lowercased().hasPrefix("0x") {
            value = Int(number.dropFirst(2), radix: 16)
        } else {
            value = number.allSatisfy { $0.isASCII && $0.isNumber } ? Int(number) : nil
        }
        guard let value else {
            throw fail("'\(number.prefix(20))' is not a number; write a decimal 0 to 65535 or hex such as 0x1F")
        }
        guard let address = UInt16(exactly: value) else {
            throw fail(
                "address \(value) is beyond 65535; addresses after '\(name):' are 0-based protocol addresses, "
                    + "so a register numbered 40001 in a manual is holding:0 (or write 40001 without a prefix)")
        }
        return try ModbusAddress(table: table, address: address, bit: bit, text: text)
    }

    private static func parseModicon(_ digits: Substring, bit: UInt8?, text: String) throws(ModbusAddressError) -> ModbusAddress {
        func fail(_ reason: String) -> ModbusAddressError { ModbusAddressError(text: text, reason: reason) }
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw fail(
                "write a table and a 0-based address such as holding:100, input:5, coil:3 or discrete:7, "
                    + "or a Modicon reference such as 40001")
        }
        guard digits.count == 5 || digits.count == 6, let first = digits.first, let number = Int(digits.dropFirst())
        else {
            throw fail(
                "a number without a table must be a 5- or 6-digit Modicon reference such as 40001 (holding 0); "
                    + "for a 0-based address write holding:\(digits.prefix(10))")
        }
        let table: ModbusTable
        switch first {
        case "0": table = .coil
        case "1": table = .discreteInput
        case "3": table = .inputRegister
        case "4": table = .holdingRegister
        default:
            throw fail(
                "a Modicon reference starts with 0 (coil), 1 (discrete input), 3 (input register) or 4 (holding register), not \(first)")
        }
        let highest = digits.count == 5 ? 9999 : 65536
        guard number >= 1, number <= highest else {
            throw fail(
                "Modicon references are one-based: \(first)\(digits.count == 5 ? "0001" : "00001") is the first "
                    + "\(table) and \(digits.count == 5 ? "\(first)9999" : "\(first)65536") the last")
        }
        return try ModbusAddress(table: table, address: UInt16(number - 1), bit: bit, text: text)
    }
}

extension ModbusAddress {
    /// Like `init(table:address:bit:)`, reporting errors against the original text.
    fileprivate init(table: ModbusTable, address: UInt16, bit: UInt8?, text: String) throws(ModbusAddressError) {
        do {
            try self.init(table: table, address: address, bit: bit)
        } catch {
            throw ModbusAddressError(text: text, reason: error.reason)
        }
    }
}
