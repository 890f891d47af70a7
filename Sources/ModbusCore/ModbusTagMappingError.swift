/// A tag mapping that cannot be built, or a value that cannot be decoded or written through it.
public struct ModbusTagMappingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Base: Hashable, Sendable { case invalidMapping, registerCountMismatch, outOfRange, wrongKind, notWritable }
        let base: Base

        /// The mapping itself is invalid (scale 0, bit over 15, string of 0 registers, ...).
        public static let invalidMapping = Code(base: .invalidMapping)
        /// The number of registers passed does not match the data type.
        public static let registerCountMismatch = Code(base: .registerCountMismatch)
        /// The value to write does not fit the data type after scaling, or is NaN.
        public static let outOfRange = Code(base: .outOfRange)
        /// The value to write is of a kind the data type cannot carry (text into an int16, ...).
        public static let wrongKind = Code(base: .wrongKind)
        /// The table is read-only (discrete inputs, input registers).
        public static let notWritable = Code(base: .notWritable)

        public var description: String { "\(base)" }
    }

    /// What kind of problem it is.
    public var code: Code
    /// What is wrong, naming the value and the type.
    public var message: String

    /// An error with its code and message.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
