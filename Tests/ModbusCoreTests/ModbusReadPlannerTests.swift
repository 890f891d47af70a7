import PropertyBased
import MillraceTestSupport
import Testing
import ModbusCore

@Suite struct ModbusReadPlannerTests {
    func holding(_ address: UInt16, _ count: Int) -> ModbusReadSpan {
        ModbusReadSpan(table: .holdingRegister, address: address, count: count)
    }

    func summary(_ reads: [ModbusPlannedRead]) -> [String] {
        reads.map { "\($0.table) \($0.address)+\($0.quantity) \($0.spanIndices)" }
    }

    @Test func adjacentSpansMerge() throws {
        let reads = try ModbusReadPlanner().plan([holding(2, 2), holding(0, 2)])
        #expect(summary(reads) == ["holding register 0+4 [0, 1]"])
        #expect(reads[0].request == .readHoldingRegisters(address: 0, quantity: 4))
    }

    @Test func gapJustBelowAndAboveTheMaximum() throws {
        let planner = ModbusReadPlanner(maximumRegisterGap: 5)
        #expect(summary(try planner.plan([holding(0, 2), holding(7, 1)])) == ["holding register 0+8 [0, 1]"])
        #expect(summary(try planner.plan([holding(0, 2), holding(6, 1)])) == ["holding register 0+7 [0, 1]"])
        #expect(
            summary(try planner.plan([holding(0, 2), holding(8, 1)])) == [
                "holding register 0+2 [0]", "holding register 8+1 [1]",
            ])
        // With gap 0, a hole of one register splits.
        #expect(summary(try ModbusReadPlanner().plan([holding(0, 2), holding(3, 1)])).count == 2)
    }

    @Test func limitBoundaryOf125Registers() throws {
        let planner = ModbusReadPlanner(maximumRegisterGap: 10)
        #expect(summary(try planner.plan([holding(0, 100), holding(100, 25)])) == ["holding register 0+125 [0, 1]"])
        #expect(summary(try planner.plan([holding(0, 125)])) == ["holding register 0+125 [0]"])
        #expect(
            summary(try planner.plan([holding(0, 100), holding(100, 26)])) == [
                "holding register 0+100 [0]", "holding register 100+26 [1]",
            ])
        #expect(
            summary(try ModbusReadPlanner(maximumRegistersPerRead: 10).plan([holding(0, 4), holding(4, 4), holding(8, 4)])) == [
                "holding register 0+8 [0, 1]", "holding register 8+4 [2]",
            ])
    }

    @Test func overlappingAndDuplicateSpansShareARead() throws {
        let reads = try ModbusReadPlanner().plan([holding(0, 4), holding(2, 4), holding(1, 1), holding(2, 4)])
        #expect(summary(reads) == ["holding register 0+6 [0, 1, 2, 3]"])
        let registers: [UInt16] = [10, 11, 12, 13, 14, 15]
        #expect(reads[0].values(for: holding(2, 4), in: registers) == [12, 13, 14, 15])
        #expect(reads[0].values(for: holding(5, 2), in: registers) == nil)
    }

    @Test func tablesNeverMerge() throws {
        let spans = [
            ModbusReadSpan(table: .inputRegister, address: 0, count: 1), holding(0, 1),
            ModbusReadSpan(table: .coil, address: 0, count: 10), ModbusReadSpan(table: .discreteInput, address: 5, count: 1),
            ModbusReadSpan(table: .coil, address: 10, count: 1990),
        ]
        let reads = try ModbusReadPlanner().plan(spans)
        #expect(
            summary(reads) == [
                "coil 0+2000 [2, 4]", "discrete input 5+1 [3]", "holding register 0+1 [1]", "input register 0+1 [0]",
            ])
        #expect(reads[0].request == .readCoils(address: 0, quantity: 2000))
    }

    @Test func spansThatCannotBeReadAreErrors() throws {
        #expect(throws: ModbusReadPlanError.self) { try ModbusReadPlanner().plan([holding(0, 126)]) }
        #expect(throws: ModbusReadPlanError.self) { try ModbusReadPlanner().plan([holding(0, 0)]) }
        #expect(throws: ModbusReadPlanError.self) { try ModbusReadPlanner().plan([holding(65535, 2)]) }
        #expect(try ModbusReadPlanner().plan([holding(65535, 1)]).count == 1)
        #expect(try ModbusReadPlanner().plan([]).isEmpty)
    }

    /// Every span lies inside exactly one read, every read respects the limit and serves only its spans.
    @Test func plansCoverEverySpanWithinTheLimits() async {
        await checkProperty(
            count: 300, input: Gen.uint16(in: 0...400).array(of: 0...60), Gen.int(in: 1...10), Gen.int(in: 0...20),
            Gen.int(in: 10...125)
        ) { starts, width, gap, limit in
            let spans = starts.enumerated().map { index, start in
                ModbusReadSpan(table: index % 3 == 0 ? .inputRegister : .holdingRegister, address: start, count: 1 + (index * 7) % width)
            }
            let planner = ModbusReadPlanner(maximumRegistersPerRead: limit, maximumRegisterGap: gap)
            let reads = try planner.plan(spans)
            #expect(reads.flatMap(\.spanIndices).sorted() == Array(spans.indices))
            for read in reads {
                #expect(Int(read.quantity) <= limit)
                for index in read.spanIndices {
                    let span = spans[index]
                    #expect(span.table == read.table)
                    #expect(span.address >= read.address && span.end <= Int(read.address) + Int(read.quantity))
                }
            }
            // No two reads of a table could have been one.
            for table in [ModbusTable.inputRegister, .holdingRegister] {
                let ofTable = reads.filter { $0.table == table }
                for (a, b) in zip(ofTable, ofTable.dropFirst()) {
                    let joinedEnd = max(Int(a.address) + Int(a.quantity), Int(b.address) + Int(b.quantity))
                    let mergeable = Int(b.address) - (Int(a.address) + Int(a.quantity)) <= gap && joinedEnd - Int(a.address) <= limit
                    #expect(!mergeable)
                }
            }
        }
    }
}
