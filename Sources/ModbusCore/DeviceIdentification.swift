/// The answer to a Read Device Identification request (Modbus Application Protocol v1.1b3 §6.21).
///
/// A device may need several requests to return all its objects: when `moreFollows` is true, ask again
/// with `nextObjectID`.
public struct DeviceIdentification: Hashable, Sendable {
    /// One identification object: an id and its value, usually ASCII text.
    public struct Object: Hashable, Sendable {
        /// 0x00 vendor name, 0x01 product code, 0x02 major/minor revision, 0x03 vendor URL, 0x04 product
        /// name, 0x05 model name, 0x06 user application name, 0x80–0xFF private.
        public var id: UInt8
        /// The object's bytes, at most 255.
        public var value: [UInt8]

        /// An object with its id and value.
        public init(id: UInt8, value: [UInt8]) {
            self.id = id
            self.value = value
        }

        /// The value as text; bytes that are not valid UTF-8 are replaced.
        public var text: String { String(decoding: value, as: UTF8.self) }
    }

    /// The read device id code of the request this answers.
    public var readDeviceIDCode: ReadDeviceIDCode
    /// The conformity level of the device (0x01–0x03, with 0x80 set when individual access is supported).
    public var conformityLevel: UInt8
    /// Whether more objects follow in another transaction.
    public var moreFollows: Bool
    /// The object id to ask for next when `moreFollows` is true, otherwise 0.
    public var nextObjectID: UInt8
    /// The objects in this response.
    public var objects: [Object]

    /// A response; `moreFollows` and `nextObjectID` default to a complete answer.
    public init(
        readDeviceIDCode: ReadDeviceIDCode, conformityLevel: UInt8, moreFollows: Bool = false,
        nextObjectID: UInt8 = 0, objects: [Object]
    ) {
        self.readDeviceIDCode = readDeviceIDCode
        self.conformityLevel = conformityLevel
        self.moreFollows = moreFollows
        self.nextObjectID = nextObjectID
        self.objects = objects
    }

    /// The MEI type of Read Device Identification within function 0x2B (§6.19).
    public static let meiType: UInt8 = 0x0E
}
