import ModbusCore

/// How a `ModbusServer` answers: which unit ids it serves and how it identifies itself.
public struct ModbusServerConfiguration: Hashable, Sendable {
    /// Which unit ids the server answers (Modbus Messaging on TCP/IP v1.0b §4.4.2: a TCP device usually
    /// accepts any unit id, or 0xFF).
    public enum UnitIDs: Hashable, Sendable {
        /// Answer every unit id with the same data model.
        case any
        /// Answer only these unit ids; requests for others get no answer at all, as a serial device that is
        /// not addressed would do, so the client sees a timeout.
        case only(Set<UInt8>)

        /// Whether a request for `unitID` is answered.
        public func contains(_ unitID: UInt8) -> Bool {
            switch self {
            case .any: true
            case .only(let units): units.contains(unitID)
            }
        }
    }

    /// The unit ids served.
    public var unitIDs: UnitIDs
    /// The device identification objects served by function 0x2B / 0x0E, by object id (§6.21): 0x00 vendor
    /// name, 0x01 product code, 0x02 revision (the basic objects, always answered, empty if not set),
    /// 0x03–0x06 regular, 0x80–0xFF extended. Values longer than 245 bytes are cut.
    public var deviceIdentification: [UInt8: String]

    /// A configuration; by default any unit id, and Millrace as vendor.
    public init(
        unitIDs: UnitIDs = .any,
        deviceIdentification: [UInt8: String] = [0x00: "Millrace", 0x01: "MR-SIM", 0x02: "1.0"]
    ) {
        self.unitIDs = unitIDs
        self.deviceIdentification = deviceIdentification
    }
}
