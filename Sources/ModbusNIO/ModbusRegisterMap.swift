import ModbusCore
import Synchronization

/// A thread-safe, in-memory `ModbusDataModel`: four tables of fixed sizes, starting at address 0.
///
/// Clients read and write through the `ModbusDataModel` methods; every client write is also published to
/// the streams returned by `changes()`, so a simulator sees what other masters wrote. The owner sets values
/// with the `set…` methods, which publish nothing (they are the device's own updates).
public final class ModbusRegisterMap: ModbusDataModel {
    private struct Tables {
        var coils: [Bool]
        var discreteInputs: [Bool]
        var holdingRegisters: [UInt16]
        var inputRegisters: [UInt16]
        var subscribers: [Int: AsyncStream<Change>.Continuation] = [:]
        var nextSubscriber = 0
    }

    private let tables: Mutex<Tables>

    /// A map with the given number of addresses per table (each at most 65536), all values zero.
    public init(
        coils: Int = 10_000, discreteInputs: Int = 10_000, holdingRegisters: Int = 10_000, inputRegisters: Int = 10_000
    ) {
        func clamp(_ size: Int) -> Int { min(max(0, size), ModbusLimits.addressSpace) }
        tables = Mutex(
            Tables(
                coils: Array(repeating: false, count: clamp(coils)),
                discreteInputs: Array(repeating: false, count: clamp(discreteInputs)),
                holdingRegisters: Array(repeating: 0, count: clamp(holdingRegisters)),
                inputRegisters: Array(repeating: 0, count: clamp(inputRegisters))))
    }

    /// The number of addresses of `table`.
    public func size(of table: ModbusTable) -> Int {
        tables.withLock { tables in
            switch table {
            case .coil: tables.coils.count
            case .discreteInput: tables.discreteInputs.count
            case .holdingRegister: tables.holdingRegisters.count
            case .inputRegister: tables.inputRegisters.count
            }
        }
    }

    /// Client writes from now on, buffered up to `bufferSize` (the oldest are dropped when a slow reader
    /// lets the buffer fill). The stream ends when the map is deallocated.
    public func changes(bufferSize: Int = 1024) -> AsyncStream<Change> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: Change.self, bufferingPolicy: .bufferingNewest(bufferSize))
        let id = tables.withLock { tables in
            tables.nextSubscriber += 1
            tables.subscribers[tables.nextSubscriber] = continuation
            return tables.nextSubscriber
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.tables.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    deinit {
        for continuation in tables.withLock({ $0.subscribers.values }) { continuation.finish() }
    }

    // MARK: The device's own updates

    /// Sets input registers from `address`; values past the end of the table are ignored.
    public func setInputRegisters(address: UInt16, values: [UInt16]) {
        tables.withLock { Self.store(values, into: &$0.inputRegisters, at: address) }
    }

    /// Sets holding registers from `address` without publishing a change.
    public func setHoldingRegisters(address: UInt16, values: [UInt16]) {
        tables.withLock { Self.store(values, into: &$0.holdingRegisters, at: address) }
    }

    /// Sets discrete inputs from `address`.
    public func setDiscreteInputs(address: UInt16, values: [Bool]) {
        tables.withLock { Self.store(values, into: &$0.discreteInputs, at: address) }
    }

    /// Sets coils from `address` without publishing a change.
    public func setCoils(address: UInt16, values: [Bool]) {
        tables.withLock { Self.store(values, into: &$0.coils, at: address) }
    }

    private static func store<Value>(_ values: [Value], into table: inout [Value], at address: UInt16) {
        for (offset, value) in values.enumerated() where Int(address) + offset < table.count {
            table[Int(address) + offset] = value
        }
    }

    // MARK: ModbusDataModel

    public func readBits(_ table: ModbusTable, address: UInt16, count: Int) throws(ModbusDataModelError) -> [Bool] {
        let result: [Bool]? = tables.withLock { tables in
            switch table {
            case .coil: Self.slice(tables.coils, address, count)
            case .discreteInput: Self.slice(tables.discreteInputs, address, count)
            case .holdingRegister, .inputRegister: nil
            }
        }
        guard let result else { throw ModbusDataModelError(.illegalDataAddress) }
        return result
    }

    public func readRegisters(
        _ table: ModbusTable, address: UInt16, count: Int
    ) throws(ModbusDataModelError) -> [UInt16] {
        let result: [UInt16]? = tables.withLock { tables in
            switch table {
            case .holdingRegister: Self.slice(tables.holdingRegisters, address, count)
            case .inputRegister: Self.slice(tables.inputRegisters, address, count)
            case .coil, .discreteInput: nil
            }
        }
        guard let result else { throw ModbusDataModelError(.illegalDataAddress) }
        return result
    }

    public func writeCoils(address: UInt16, values: [Bool]) throws(ModbusDataModelError) {
        let ok = tables.withLock { tables -> Bool in
            guard Self.fits(address, values.count, tables.coils.count) else { return false }
            Self.store(values, into: &tables.coils, at: address)
            Self.publish(Change(table: .coil, address: address, bits: values), to: tables)
            return true
        }
        guard ok else { throw ModbusDataModelError(.illegalDataAddress) }
    }

    public func writeHoldingRegisters(address: UInt16, values: [UInt16]) throws(ModbusDataModelError) {
        let ok = tables.withLock { tables -> Bool in
            guard Self.fits(address, values.count, tables.holdingRegisters.count) else { return false }
            Self.store(values, into: &tables.holdingRegisters, at: address)
            Self.publish(Change(table: .holdingRegister, address: address, registers: values), to: tables)
            return true
        }
        guard ok else { throw ModbusDataModelError(.illegalDataAddress) }
    }

    /// Atomic: no other write can come between the read and the write.
    public func maskWriteHoldingRegister(
        address: UInt16, andMask: UInt16, orMask: UInt16
    ) throws(ModbusDataModelError) {
        let ok = tables.withLock { tables -> Bool in
            guard Self.fits(address, 1, tables.holdingRegisters.count) else { return false }
            let current = tables.holdingRegisters[Int(address)]
            let value = (current & andMask) | (orMask & ~andMask)
            tables.holdingRegisters[Int(address)] = value
            Self.publish(Change(table: .holdingRegister, address: address, registers: [value]), to: tables)
            return true
        }
        guard ok else { throw ModbusDataModelError(.illegalDataAddress) }
    }

    /// Atomic: the write, then the read, under one lock. Both ranges are checked before anything is written.
    public func readWriteHoldingRegisters(
        readAddress: UInt16, readCount: Int, writeAddress: UInt16, values: [UInt16]
    ) throws(ModbusDataModelError) -> [UInt16] {
        let result = tables.withLock { tables -> [UInt16]? in
            let size = tables.holdingRegisters.count
            guard Self.fits(readAddress, readCount, size), Self.fits(writeAddress, values.count, size) else {
                return nil
            }
            Self.store(values, into: &tables.holdingRegisters, at: writeAddress)
            Self.publish(Change(table: .holdingRegister, address: writeAddress, registers: values), to: tables)
            return Self.slice(tables.holdingRegisters, readAddress, readCount)
        }
        guard let result else { throw ModbusDataModelError(.illegalDataAddress) }
        return result
    }

    private static func fits(_ address: UInt16, _ count: Int, _ size: Int) -> Bool {
        count >= 0 && Int(address) + count <= size
    }

    private static func slice<Value>(_ table: [Value], _ address: UInt16, _ count: Int) -> [Value]? {
        guard fits(address, count, table.count) else { return nil }
        return Array(table[Int(address)..<(Int(address) + count)])
    }

    private static func publish(_ change: Change, to tables: Tables) {
        for continuation in tables.subscribers.values { continuation.yield(change) }
    }
}
