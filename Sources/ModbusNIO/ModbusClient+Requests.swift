import ModbusCore

/// One method per function code (Modbus Application Protocol v1.1b3 §6). Addresses are 0-based protocol
/// addresses; `unitID` nil means the client's default. Each throws `ModbusClientError` like `send(_:unitID:)`.
extension ModbusClient {
    /// 0x03: reads `count` (1 to 125) holding registers from `address`.
    public nonisolated(nonsending) func readHoldingRegisters(
        address: UInt16, count: UInt16, unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> [UInt16] {
        let response = try await send(.readHoldingRegisters(address: address, quantity: count), unitID: unitID)
        guard case .readHoldingRegisters(let values) = response else { throw Self.unexpected(response) }
        return values
    }

    /// 0x04: reads `count` (1 to 125) input registers from `address`.
    public nonisolated(nonsending) func readInputRegisters(
        address: UInt16, count: UInt16, unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> [UInt16] {
        let response = try await send(.readInputRegisters(address: address, quantity: count), unitID: unitID)
        guard case .readInputRegisters(let values) = response else { throw Self.unexpected(response) }
        return values
    }

    /// 0x01: reads `count` (1 to 2000) coils from `address`.
    public nonisolated(nonsending) func readCoils(address: UInt16, count: UInt16, unitID: UInt8? = nil)
        async throws(ModbusClientError) -> [Bool]
    {
        let response = try await send(.readCoils(address: address, quantity: count), unitID: unitID)
        guard case .readCoils(let values) = response else { throw Self.unexpected(response) }
        return values
    }

    /// 0x02: reads `count` (1 to 2000) discrete inputs from `address`.
    public nonisolated(nonsending) func readDiscreteInputs(
        address: UInt16, count: UInt16, unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> [Bool] {
        let response = try await send(.readDiscreteInputs(address: address, quantity: count), unitID: unitID)
        guard case .readDiscreteInputs(let values) = response else { throw Self.unexpected(response) }
        return values
    }

    /// 0x05: switches one coil on or off.
    public nonisolated(nonsending) func writeSingleCoil(address: UInt16, value: Bool, unitID: UInt8? = nil)
        async throws(ModbusClientError)
    {
        _ = try await send(.writeSingleCoil(address: address, value: value), unitID: unitID)
    }

    /// 0x06: writes one holding register.
    public nonisolated(nonsending) func writeSingleRegister(address: UInt16, value: UInt16, unitID: UInt8? = nil)
        async throws(ModbusClientError)
    {
        _ = try await send(.writeSingleRegister(address: address, value: value), unitID: unitID)
    }

    /// 0x0F: writes 1 to 1968 coils from `address`.
    public nonisolated(nonsending) func writeMultipleCoils(address: UInt16, values: [Bool], unitID: UInt8? = nil)
        async throws(ModbusClientError)
    {
        _ = try await send(.writeMultipleCoils(address: address, values: values), unitID: unitID)
    }

    /// 0x10: writes 1 to 123 holding registers from `address`.
    public nonisolated(nonsending) func writeMultipleRegisters(
        address: UInt16, values: [UInt16], unitID: UInt8? = nil
    ) async throws(ModbusClientError) {
        _ = try await send(.writeMultipleRegisters(address: address, values: values), unitID: unitID)
    }

    /// 0x16: sets the register to `(current & andMask) | (orMask & ~andMask)` on the device.
    public nonisolated(nonsending) func maskWriteRegister(
        address: UInt16, andMask: UInt16, orMask: UInt16, unitID: UInt8? = nil
    ) async throws(ModbusClientError) {
        _ = try await send(.maskWriteRegister(address: address, andMask: andMask, orMask: orMask), unitID: unitID)
    }

    /// 0x17: writes `values` from `writeAddress`, then reads `readCount` registers from `readAddress`, in one
    /// transaction (the write happens first, §6.17).
    public nonisolated(nonsending) func readWriteMultipleRegisters(
        readAddress: UInt16, readCount: UInt16, writeAddress: UInt16, values: [UInt16], unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> [UInt16] {
        let response = try await send(
            .readWriteMultipleRegisters(
                readAddress: readAddress, readQuantity: readCount, writeAddress: writeAddress, values: values),
            unitID: unitID)
        guard case .readWriteMultipleRegisters(let registers) = response else { throw Self.unexpected(response) }
        return registers
    }

    /// 0x2B / 0x0E: reads device identification objects. With `code` `.basic`, `.regular` or `.extended` it
    /// follows `moreFollows` until the device has sent every object of the category (at most 16 requests),
    /// starting at `objectID`; with `.individual` it returns the one object.
    public nonisolated(nonsending) func readDeviceIdentification(
        code: ReadDeviceIDCode = .basic, objectID: UInt8 = 0, unitID: UInt8? = nil
    ) async throws(ModbusClientError) -> DeviceIdentification {
        var next = objectID
        var result: DeviceIdentification?
        for _ in 0..<16 {
            let response = try await send(.readDeviceIdentification(code: code, objectID: next), unitID: unitID)
            guard case .readDeviceIdentification(let part) = response else { throw Self.unexpected(response) }
            if result == nil { result = part } else { result?.objects += part.objects }
            result?.moreFollows = part.moreFollows
            result?.nextObjectID = part.nextObjectID
            // §6.21: "more follows" is only meaningful for stream access; stop if the device loops.
            guard code != .individual, part.moreFollows, part.nextObjectID != next, !part.objects.isEmpty else { break }
            next = part.nextObjectID
        }
        guard let result else { throw ModbusClientError(.protocolViolation, "no device identification received") }
        return result
    }

    private static func unexpected(_ response: ModbusResponse) -> ModbusClientError {
        ModbusClientError(.protocolViolation, "unexpected response \(response)")
    }
}
