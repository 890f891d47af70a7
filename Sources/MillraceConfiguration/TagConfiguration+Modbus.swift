import ModbusCore

extension TagConfiguration {
    /// The Modbus address and data type of this tag, or why they do not fit together.
    /// Coils and discrete inputs hold booleans; a bit of a register (`holding:10.3`) is a boolean too;
    /// strings need `length` (characters, two per register).
    public func modbusMapping() throws(ConfigurationProblem) -> (address: ModbusAddress, mapping: ModbusTagMapping) {
        let parsed: ModbusAddress
        do {
            parsed = try ModbusAddress.parse(address)
        } catch {
            throw ConfigurationProblem(key: "address", message: error.description)
        }
        let dataType: ModbusDataType
        switch (parsed.table, parsed.bit, type) {
        case (.coil, _, .bool), (.discreteInput, _, .bool):
            dataType = .bool
        case (.coil, _, _), (.discreteInput, _, _):
            throw ConfigurationProblem(
                key: "type", message: "found \(type.rawValue), but \(parsed.table) addresses hold single bits; expected bool")
        case (_, .some(let bit), .bool):
            dataType = .bit(bit)
        case (_, .some, _):
            throw ConfigurationProblem(key: "type", message: "found \(type.rawValue) for a register bit (\(address)); expected bool")
        case (_, nil, .bool):
            throw ConfigurationProblem(
                key: "type", message: "a bool in a register needs a bit number, such as \(parsed.table == .holdingRegister ? "holding" : "input"):\(parsed.address).0")
        case (_, nil, .int16): dataType = .int16
        case (_, nil, .uint16): dataType = .uint16
        case (_, nil, .int32): dataType = .int32
        case (_, nil, .uint32): dataType = .uint32
        case (_, nil, .int64): dataType = .int64
        case (_, nil, .float32): dataType = .float32
        case (_, nil, .float64): dataType = .float64
        case (_, nil, .string):
            guard let length, length > 0 else {
                throw ConfigurationProblem(key: "length", message: "a string tag needs its length in characters (two per register)")
            }
            dataType = .string(registers: (length + 1) / 2)
        }
        let order: ModbusWordOrder =
            switch byteOrder {
            case .ABCD: .abcd
            case .CDAB: .cdab
            case .BADC: .badc
            case .DCBA: .dcba
            }
        do {
            let mapping = try ModbusTagMapping(dataType: dataType, wordOrder: order, scale: scale, offset: offset)
            try mapping.check(against: parsed)
            if Int(parsed.address) + dataType.registerCount > ModbusLimits.addressSpace {
                throw ConfigurationProblem(key: "address", message: "\(address) with \(dataType.registerCount) registers runs past address 65535")
            }
            return (parsed, mapping)
        } catch let error as ConfigurationProblem {
            throw error
        } catch {
            throw ConfigurationProblem(key: "type", message: "\(error)")
        }
    }
}

/// A problem with one key of a configuration item, found after decoding.
public struct ConfigurationProblem: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var message: String
    public var description: String { "\(key): \(message)" }

    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }
}
