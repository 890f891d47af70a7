/// The four Modbus data tables (Modbus Application Protocol v1.1b3 §4.3).
public enum ModbusTable: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// Single bits, read and written by the client (function codes 1, 5, 15).
    case coil
    /// Single bits, read only (function code 2).
    case discreteInput
    /// 16-bit words, read and written by the client (function codes 3, 6, 16, 22, 23).
    case holdingRegister
    /// 16-bit words, read only (function code 4).
    case inputRegister

    /// Whether the table holds bits rather than 16-bit registers.
    public var holdsBits: Bool { self == .coil || self == .discreteInput }

    /// Whether a client may write the table.
    public var isWritable: Bool { self == .coil || self == .holdingRegister }

    /// The most items one read request may ask for (§6.1–§6.4).
    public var maximumReadQuantity: Int {
        holdsBits ? ModbusLimits.readBitsQuantity.upperBound : ModbusLimits.readRegistersQuantity.upperBound
    }

    /// The read request for `quantity` items from `address`.
    public func readRequest(address: UInt16, quantity: UInt16) -> ModbusRequest {
        switch self {
        case .coil: .readCoils(address: address, quantity: quantity)
        case .discreteInput: .readDiscreteInputs(address: address, quantity: quantity)
        case .holdingRegister: .readHoldingRegisters(address: address, quantity: quantity)
        case .inputRegister: .readInputRegisters(address: address, quantity: quantity)
        }
    }

    public var description: String {
        switch self {
        case .coil: "coil"
        case .discreteInput: "discrete input"
        case .holdingRegister: "holding register"
        case .inputRegister: "input register"
        }
    }
}
