/// The kind of read in a Read Device Identification request (Modbus Application Protocol v1.1b3 §6.21).
public enum ReadDeviceIDCode: UInt8, Hashable, Sendable, CaseIterable {
    /// 0x01: the basic objects (vendor name, product code, revision), as a stream.
    case basic = 0x01
    /// 0x02: the basic and regular objects (URL, product name, model, application name), as a stream.
    case regular = 0x02
    /// 0x03: basic, regular and extended (vendor-private, 0x80–0xFF) objects, as a stream.
    case extended = 0x03
    /// 0x04: one specific object, named by the object id.
    case individual = 0x04
}
