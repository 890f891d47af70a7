import MillraceCore

/// A value decoded from registers or bits, with how far it can be trusted.
public struct ModbusTagReading: Hashable, Sendable {
    /// The engineering value.
    public var value: DataValue
    /// How far the value can be trusted.
    public var quality: Quality

    /// A reading, good unless told otherwise.
    public init(value: DataValue, quality: Quality = .good) {
        self.value = value
        self.quality = quality
    }
}
