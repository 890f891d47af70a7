/// How the registers or bits of a tag are read as a value.
public enum ModbusDataType: Hashable, Sendable {
    /// A coil or discrete input.
    case bool
    /// Bit `n` (0 = least significant, up to 15) of one register.
    case bit(UInt8)
    /// Signed 16-bit, one register, two's complement.
    case int16
    /// Unsigned 16-bit, one register.
    case uint16
    /// Signed 32-bit in two registers.
    case int32
    /// Unsigned 32-bit in two registers.
    case uint32
    /// Signed 64-bit in four registers.
    case int64
    /// Unsigned 64-bit in four registers; values above `Int64.max` decode as doubles.
    case uint64
    /// IEEE 754 single precision in two registers.
    case float32
    /// IEEE 754 double precision in four registers.
    case float64
    /// ASCII text, two characters per register, trailing NULs and spaces trimmed on read.
    case string(registers: Int)

    /// How many registers the value occupies (1 for `.bool`, which occupies one bit).
    public var registerCount: Int {
        switch self {
        case .bool, .bit, .int16, .uint16: 1
        case .int32, .uint32, .float32: 2
        case .int64, .uint64, .float64: 4
        case .string(let registers): registers
        }
    }

    /// Whether the value is a whole number on the wire.
    public var isInteger: Bool {
        switch self {
        case .int16, .uint16, .int32, .uint32, .int64, .uint64: true
        case .bool, .bit, .float32, .float64, .string: false
        }
    }
}
