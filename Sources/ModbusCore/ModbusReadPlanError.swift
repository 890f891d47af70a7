/// A span the planner cannot place in any request.
public struct ModbusReadPlanError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The index of the span in the planner's input.
    public var spanIndex: Int
    /// The span that cannot be read.
    public var span: ModbusReadSpan
    /// Why, in words.
    public var reason: String

    /// An error about the span at `spanIndex`.
    public init(spanIndex: Int, span: ModbusReadSpan, reason: String) {
        self.spanIndex = spanIndex
        self.span = span
        self.reason = reason
    }

    public var description: String {
        "cannot read \(span.count) × \(span.table) from address \(span.address) (tag #\(spanIndex)): \(reason)"
    }
}
