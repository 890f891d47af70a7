/// Where a tag lives in a Modbus device: a table, a 0-based protocol address, and for registers
/// optionally one bit. See docs/adr/modbus-address-syntax.md for the text form.
///
/// Text forms accepted by `parse(_:)`:
/// - `holding:100`, `input:5`, `coil:3`, `discrete:7` — table and **0-based** protocol address, decimal or
///   hex (`holding:0x64`); short names `hr`, `ir`, `co`, `di` work too.
/// - `holding:10.3` — bit 3 (0 = least significant) of holding register 10.
/// - `40001`, `30001`, `00001`, `10001` — the one-based Modicon convention (5 digits up to x9999, 6 digits
///   up to x65536): `40001` is holding 0, `300010` is input 9; also with a bit, `40011.3`.
public struct ModbusAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The table the address lies in.
    public var table: ModbusTable
    /// The 0-based address on the wire (Modbus Application Protocol v1.1b3 §4.4).
    public var address: UInt16
    /// For registers, the bit (0–15) the tag refers to; nil for the whole register and for bit tables.
    public var bit: UInt8?

    /// - Throws: `ModbusAddressError` for a bit on a coil or discrete input, or a bit over 15.
    public init(table: ModbusTable, address: UInt16, bit: UInt8? = nil) throws(ModbusAddressError) {
        if let bit {
            guard !table.holdsBits else {
                throw ModbusAddressError(
                    text: "\(Self.prefix(table)):\(address).\(bit)",
                    reason: "a \(table) is a single bit already; remove '.\(bit)'")
            }
            guard bit <= 15 else {
                throw ModbusAddressError(
                    text: "\(Self.prefix(table)):\(address).\(bit)",
                    reason: "bit \(bit) does not exist; a register has bits 0 (least significant) to 15")
            }
        }
        self.table = table
        self.address = address
        self.bit = bit
    }

    /// The canonical text form, `holding:100` or `holding:10.3`; `parse` reads it back.
    public var description: String {
        let base = "\(Self.prefix(table)):\(address)"
        return bit.map { "\(base).\($0)" } ?? base
    }

    /// The six-digit one-based Modicon reference, such as `400101` for holding 100.
    public var modiconReference: String {
        let digit =
            switch table {
            case .coil: "0"
            case .discreteInput: "1"
            case .inputRegister: "3"
            case .holdingRegister: "4"
            }
        let number = String(Int(address) + 1)
        let base = digit + String(repeating: "0", count: max(0, 5 - number.count)) + number
        return bit.map { "\(base).\($0)" } ?? base
    }

    static func prefix(_ table: ModbusTable) -> String {
        switch table {
        case .coil: "coil"
        case .discreteInput: "discrete"
        case .holdingRegister: "holding"
        case .inputRegister: "input"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try Self.parse(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
