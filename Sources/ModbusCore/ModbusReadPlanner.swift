/// Groups the spans of many tags into as few read requests as possible.
///
/// Spans of the same table are sorted by address and merged while the merged request stays within the
/// per-request limit and the hole between a request and the next span is at most the table's maximum gap
/// (addresses read and thrown away, which is cheaper than another round trip, unless the device refuses
/// to read addresses it does not have: then use gap 0). Overlapping and duplicate spans share a request.
///
/// Merging is greedy in address order. For spans that do not overlap this gives the fewest requests (an
/// exchange argument: the first request can always take every span any plan's first request takes);
/// overlapping spans are merged the same way, which is optimal in the usual cases but not proven for all.
public struct ModbusReadPlanner: Hashable, Sendable {
    /// Registers per read request, at most 125 (Modbus Application Protocol v1.1b3 §6.3).
    public var maximumRegistersPerRead: Int
    /// Bits per read request, at most 2000 (§6.1).
    public var maximumBitsPerRead: Int
    /// Unused registers a request may read to join two spans.
    public var maximumRegisterGap: Int
    /// Unused coils or discrete inputs a request may read to join two spans.
    public var maximumBitGap: Int

    /// A planner; the limits are clamped to the protocol's and gaps to at least 0.
    public init(
        maximumRegistersPerRead: Int = 125, maximumBitsPerRead: Int = 2000, maximumRegisterGap: Int = 0,
        maximumBitGap: Int = 0
    ) {
        self.maximumRegistersPerRead = min(ModbusLimits.readRegistersQuantity.upperBound, max(1, maximumRegistersPerRead))
        self.maximumBitsPerRead = min(ModbusLimits.readBitsQuantity.upperBound, max(1, maximumBitsPerRead))
        self.maximumRegisterGap = max(0, maximumRegisterGap)
        self.maximumBitGap = max(0, maximumBitGap)
    }

    /// The read requests covering every span: grouped by table (coils, discrete inputs, holding registers,
    /// input registers), in address order within each table.
    ///
    /// - Throws: `ModbusReadPlanError` for a span with no items, more than one request can read, or past
    ///   address 65535.
    public func plan(_ spans: [ModbusReadSpan]) throws(ModbusReadPlanError) -> [ModbusPlannedRead] {
        for (index, span) in spans.enumerated() {
            let limit = limit(for: span.table)
            guard span.count >= 1 else {
                throw ModbusReadPlanError(spanIndex: index, span: span, reason: "a tag reads at least one item")
            }
            guard span.count <= limit else {
                throw ModbusReadPlanError(
                    spanIndex: index, span: span, reason: "one request reads at most \(limit) items")
            }
            guard span.end <= ModbusLimits.addressSpace else {
                throw ModbusReadPlanError(spanIndex: index, span: span, reason: "it runs past address 65535")
            }
        }
        var reads: [ModbusPlannedRead] = []
        for table in ModbusTable.allCases {
            let limit = limit(for: table)
            let gap = table.holdsBits ? maximumBitGap : maximumRegisterGap
            let indices = spans.indices.filter { spans[$0].table == table }.sorted {
                (spans[$0].address, spans[$0].end, $0) < (spans[$1].address, spans[$1].end, $1)
            }
            var start = 0
            var end = 0
            var members: [Int] = []
            func flush() {
                guard !members.isEmpty else { return }
                reads.append(
                    ModbusPlannedRead(
                        table: table, address: UInt16(truncatingIfNeeded: start),
                        quantity: UInt16(truncatingIfNeeded: end - start), spanIndices: members.sorted()))
                members = []
            }
            for index in indices {
                let span = spans[index]
                let spanStart = Int(span.address)
                if !members.isEmpty, spanStart - end <= gap, max(end, span.end) - start <= limit {
                    end = max(end, span.end)
                    members.append(index)
                } else {
                    flush()
                    start = spanStart
                    end = span.end
                    members = [index]
                }
            }
            flush()
        }
        return reads
    }

    private func limit(for table: ModbusTable) -> Int {
        table.holdsBits ? maximumBitsPerRead : maximumRegistersPerRead
    }
}
