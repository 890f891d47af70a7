/// One read request chosen by `ModbusReadPlanner`, and the spans it serves.
public struct ModbusPlannedRead: Hashable, Sendable {
    /// The table to read.
    public var table: ModbusTable
    /// The first address read.
    public var address: UInt16
    /// The number of registers or bits read.
    public var quantity: UInt16
    /// Indices into the planner's input of the spans this read covers, in ascending order.
    public var spanIndices: [Int]

    /// A planned read.
    public init(table: ModbusTable, address: UInt16, quantity: UInt16, spanIndices: [Int]) {
        self.table = table
        self.address = address
        self.quantity = quantity
        self.spanIndices = spanIndices
    }

    /// The request to send.
    public var request: ModbusRequest { table.readRequest(address: address, quantity: quantity) }

    /// The part of this read's values that belongs to `span`, or nil if the span is not inside the read or
    /// the values are too few.
    public func values<Value>(for span: ModbusReadSpan, in values: [Value]) -> ArraySlice<Value>? {
        let start = Int(span.address) - Int(address)
        guard span.table == table, start >= 0, span.count >= 0, span.count <= values.count - start,
            span.count <= Int(quantity) - start
        else { return nil }
        return values[start..<(start + span.count)]
    }
}
