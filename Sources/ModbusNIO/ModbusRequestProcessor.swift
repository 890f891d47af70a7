import ModbusCore

/// Answers one request PDU from a `ModbusDataModel`: the whole server logic, without I/O.
///
/// The order of checks follows the state diagrams of Modbus Application Protocol v1.1b3 §6: the function
/// code (exception 01), then quantities and byte counts (03, from ModbusCore's request decoder, mapped in
/// `ModbusResponse.exception(answering:error:)`), then the address range against the table (02, from the
/// data model), then the action (04 if it fails).
public struct ModbusRequestProcessor: Sendable {
    /// The data served.
    public let model: any ModbusDataModel
    /// Unit ids and device identification.
    public let configuration: ModbusServerConfiguration

    /// A processor serving `model`.
    public init(model: any ModbusDataModel, configuration: ModbusServerConfiguration = .init()) {
        self.model = model
        self.configuration = configuration
    }

    /// The response to `pdu`, or nil when there is nothing to answer (an empty PDU).
    public func response(to pdu: ArraySlice<UInt8>) -> ModbusResponse? {
        let request: ModbusRequest
        do {
            request = try ModbusRequest.decode(pdu)
        } catch {
            return ModbusResponse.exception(answering: pdu, error: error)
        }
        do {
            return try response(to: request)
        } catch {
            return .exception(ModbusException(function: request.functionCode, code: error.exceptionCode))
        }
    }

    /// The response to a decoded request.
    public func response(to request: ModbusRequest) throws(ModbusDataModelError) -> ModbusResponse {
        switch request {
        case .readCoils(let address, let quantity):
            return .readCoils(try model.readBits(.coil, address: address, count: Int(quantity)))
        case .readDiscreteInputs(let address, let quantity):
            return .readDiscreteInputs(try model.readBits(.discreteInput, address: address, count: Int(quantity)))
        case .readHoldingRegisters(let address, let quantity):
            return .readHoldingRegisters(
                try model.readRegisters(.holdingRegister, address: address, count: Int(quantity)))
        case .readInputRegisters(let address, let quantity):
            return .readInputRegisters(try model.readRegisters(.inputRegister, address: address, count: Int(quantity)))
        case .writeSingleCoil(let address, let value):
            try model.writeCoils(address: address, values: [value])
            return .writeSingleCoil(address: address, value: value)
        case .writeSingleRegister(let address, let value):
            try model.writeHoldingRegisters(address: address, values: [value])
            return .writeSingleRegister(address: address, value: value)
        case .writeMultipleCoils(let address, let values):
            try model.writeCoils(address: address, values: values)
            return .writeMultipleCoils(address: address, quantity: UInt16(values.count))
        case .writeMultipleRegisters(let address, let values):
            try model.writeHoldingRegisters(address: address, values: values)
            return .writeMultipleRegisters(address: address, quantity: UInt16(values.count))
        case .maskWriteRegister(let address, let andMask, let orMask):
            try model.maskWriteHoldingRegister(address: address, andMask: andMask, orMask: orMask)
            return .maskWriteRegister(address: address, andMask: andMask, orMask: orMask)
        case .readWriteMultipleRegisters(let readAddress, let readQuantity, let writeAddress, let values):
            return .readWriteMultipleRegisters(
                try model.readWriteHoldingRegisters(
                    readAddress: readAddress, readCount: Int(readQuantity), writeAddress: writeAddress, values: values))
        case .readDeviceIdentification(let code, let objectID):
            return .readDeviceIdentification(try deviceIdentification(code: code, objectID: objectID))
        }
    }
}
