import ModbusCore

/// The data a Modbus server serves: the four tables of Modbus Application Protocol v1.1b3 §4.3.
///
/// Implementations must be safe to call from many connections at once. A method throws
/// `ModbusDataModelError` to answer with an exception: `.illegalDataAddress` when `address + count` runs
/// past the table, `.serverDeviceFailure` when the device cannot do it. Quantity limits are checked before
/// the model is called.
public protocol ModbusDataModel: Sendable {
    /// Reads `count` bits of `table` (`.coil` or `.discreteInput`) from `address`.
    func readBits(_ table: ModbusTable, address: UInt16, count: Int) throws(ModbusDataModelError) -> [Bool]
    /// Reads `count` registers of `table` (`.holdingRegister` or `.inputRegister`) from `address`.
    func readRegisters(_ table: ModbusTable, address: UInt16, count: Int) throws(ModbusDataModelError) -> [UInt16]
    /// Writes coils from `address` (function codes 5 and 15).
    func writeCoils(address: UInt16, values: [Bool]) throws(ModbusDataModelError)
    /// Writes holding registers from `address` (function codes 6 and 16).
    func writeHoldingRegisters(address: UInt16, values: [UInt16]) throws(ModbusDataModelError)
    /// Function 22: sets the holding register to `(current & andMask) | (orMask & ~andMask)` (§6.16).
    func maskWriteHoldingRegister(address: UInt16, andMask: UInt16, orMask: UInt16) throws(ModbusDataModelError)
    /// Function 23: writes `values` at `writeAddress`, then reads `readCount` registers at `readAddress`
    /// (§6.17: the write is performed before the read).
    func readWriteHoldingRegisters(
        readAddress: UInt16, readCount: Int, writeAddress: UInt16, values: [UInt16]
    ) throws(ModbusDataModelError) -> [UInt16]
}

extension ModbusDataModel {
    /// A read-modify-write through `readRegisters` and `writeHoldingRegisters`; not atomic, so models that
    /// are written concurrently should implement it themselves.
    public func maskWriteHoldingRegister(
        address: UInt16, andMask: UInt16, orMask: UInt16
    ) throws(ModbusDataModelError) {
        guard let current = try readRegisters(.holdingRegister, address: address, count: 1).first else {
            throw ModbusDataModelError(.illegalDataAddress)
        }
        try writeHoldingRegisters(address: address, values: [(current & andMask) | (orMask & ~andMask)])
    }

    /// The write, then the read; not atomic.
    public func readWriteHoldingRegisters(
        readAddress: UInt16, readCount: Int, writeAddress: UInt16, values: [UInt16]
    ) throws(ModbusDataModelError) -> [UInt16] {
        try writeHoldingRegisters(address: writeAddress, values: values)
        return try readRegisters(.holdingRegister, address: readAddress, count: readCount)
    }
}
