/// A range of one table that a tag needs read: `count` registers (or bits) from `address`.
public struct ModbusReadSpan: Hashable, Sendable {
    /// The table the span lies in.
    public var table: ModbusTable
    /// The first address of the span.
    public var address: UInt16
    /// The number of registers (or bits) in the span.
    public var count: Int

    /// A span of `count` items from `address`.
    public init(table: ModbusTable, address: UInt16, count: Int) {
        self.table = table
        self.address = address
        self.count = count
    }

    /// The span a tag with this address and mapping needs.
    public init(address: ModbusAddress, dataType: ModbusDataType) {
        self.init(table: address.table, address: address.address, count: dataType.registerCount)
    }

    /// One past the last address of the span.
    public var end: Int { count > Int.max - 0x1_0000 ? Int.max : Int(address) + count }
}
