import ModbusCore

extension ModbusRegisterMap {
    /// A write by a Modbus client: the table, the first address and the values as written.
    public struct Change: Hashable, Sendable {
        /// `.coil` or `.holdingRegister`, the two tables clients can write.
        public var table: ModbusTable
        /// The first address written.
        public var address: UInt16
        /// The coil values, for `.coil`.
        public var bits: [Bool]
        /// The register values after the write, for `.holdingRegister`.
        public var registers: [UInt16]

        /// A change of `table` at `address`.
        public init(table: ModbusTable, address: UInt16, bits: [Bool] = [], registers: [UInt16] = []) {
            self.table = table
            self.address = address
            self.bits = bits
            self.registers = registers
        }
    }
}
