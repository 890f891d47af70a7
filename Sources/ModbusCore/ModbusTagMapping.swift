/// How one tag's registers or bits become an engineering value, and back.
///
/// `engineering = raw × scale + offset`. Integers with scale 1 and offset 0 stay integers; everything
/// numeric else becomes a double. A decoded NaN or infinity is marked bad (`sensorFailure`: devices send
/// NaN for a broken sensor); a value outside `validRange` is marked uncertain (`engineeringUnitsExceeded`).
public struct ModbusTagMapping: Hashable, Sendable {
    /// How the registers are read as a raw value.
    public let dataType: ModbusDataType
    /// The register and byte order of multi-byte values.
    public let wordOrder: ModbusWordOrder
    /// The factor from raw to engineering value, not 0.
    public let scale: Double
    /// Added after scaling.
    public let offset: Double
    /// The engineering range a plausible value lies in, if known.
    public let validRange: ClosedRange<Double>?

    /// - Throws: `ModbusTagMappingError.invalidMapping` for a scale that is 0 or not finite, an offset that
    ///   is not finite, a bit over 15, or a string of 0 or more than 125 registers.
    public init(
        dataType: ModbusDataType, wordOrder: ModbusWordOrder = .abcd, scale: Double = 1, offset: Double = 0,
        validRange: ClosedRange<Double>? = nil
    ) throws(ModbusTagMappingError) {
        guard scale.isFinite, scale != 0 else {
            throw ModbusTagMappingError(.invalidMapping, "scale must be a finite number other than 0, got \(scale)")
        }
        guard offset.isFinite else {
            throw ModbusTagMappingError(.invalidMapping, "offset must be a finite number, got \(offset)")
        }
        switch dataType {
        case .bit(let bit) where bit > 15:
            throw ModbusTagMappingError(.invalidMapping, "bit \(bit) does not exist; a register has bits 0 to 15")
        case .string(let registers) where !ModbusLimits.readRegistersQuantity.contains(registers):
            throw ModbusTagMappingError(
                .invalidMapping, "a string occupies 1 to 125 registers (one read), got \(registers)")
        default:
            break
        }
        self.dataType = dataType
        self.wordOrder = wordOrder
        self.scale = scale
        self.offset = offset
        self.validRange = validRange
    }

    /// Whether raw values pass through unchanged.
    public var isIdentity: Bool { scale == 1 && offset == 0 }

    /// Checks that the mapping fits the address: bits for coils and discrete inputs, register types for
    /// registers, and `.bit(n)` exactly when the address names bit n.
    public func check(against address: ModbusAddress) throws(ModbusTagMappingError) {
        switch (address.table.holdsBits, dataType, address.bit) {
        case (true, .bool, nil):
            return
        case (true, _, _):
            throw ModbusTagMappingError(.invalidMapping, "a \(address.table) holds one bit; use the type bool")
        case (false, .bit(let bit), let addressBit?) where bit == addressBit:
            return
        case (false, _, let addressBit?):
            throw ModbusTagMappingError(
                .invalidMapping, "address \(address) names bit \(addressBit); use the type bit(\(addressBit))")
        case (false, .bool, nil), (false, .bit, nil):
            throw ModbusTagMappingError(
                .invalidMapping, "a \(address.table) holds 16 bits; name the bit in the address, e.g. \(address).0")
        case (false, _, nil):
            guard Int(address.address) + dataType.registerCount <= ModbusLimits.addressSpace else {
                throw ModbusTagMappingError(
                    .invalidMapping, "\(dataType.registerCount) registers from \(address) run past address 65535")
            }
        }
    }
}
