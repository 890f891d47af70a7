/// How far a value can be trusted, in the style of OPC UA status codes (OPC 10000-4 §7.39, OPC 10000-8 §6.3.2).
///
/// A quality is a severity (good, uncertain, bad) and a sub-status saying why. It is stored in two bytes
/// (`rawValue`) and converts to and from the OPC UA 32-bit status code for the protocols that carry one.
public struct Quality: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: UInt8, Sendable, Hashable, Comparable, Codable, CaseIterable {
        case good = 0
        case uncertain = 1
        case bad = 2

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Why a value is not simply good. Raw values are Millrace's own and are stored on disk: never renumber.
    public enum Substatus: UInt8, Sendable, Hashable, Codable, CaseIterable {
        case none = 0
        /// The device or connection did not answer (OPC UA Bad_CommunicationError).
        case communicationFailure = 1
        /// The sensor reports a fault, or its value is physically impossible (Bad_SensorFailure).
        case sensorFailure = 2
        /// The point is switched off or in maintenance (Bad_OutOfService).
        case outOfService = 3
        /// The configuration of the point is wrong (Bad_ConfigurationError).
        case configurationError = 4
        /// Not connected to any source (Bad_NotConnected).
        case notConnected = 5
        /// The device reports an internal failure (Bad_DeviceFailure).
        case deviceFailure = 6
        /// The last usable value, held after the source stopped updating (Uncertain_LastUsableValue).
        case lastUsableValue = 7
        /// The sensor is known to be inaccurate, for example out of calibration (Uncertain_SensorNotAccurate).
        case sensorNotAccurate = 8
        /// The value is outside the engineering range (Uncertain_EngineeringUnitsExceeded).
        case engineeringUnitsExceeded = 9
        /// Computed from fewer good inputs than required (Uncertain_SubNormal).
        case subNormal = 10
        /// Overridden locally by an operator (Good_LocalOverride).
        case localOverride = 11
        /// No value has arrived yet since start (Bad_WaitingForInitialData).
        case waitingForInitialData = 12
        /// The value is outside the range the device accepts (Bad_OutOfRange).
        case outOfRange = 13
        /// A value computed or decoded from input that could not be read (Bad_DecodingError).
        case decodingError = 14
    }

    public var severity: Severity
    public var substatus: Substatus

    public init(_ severity: Severity, _ substatus: Substatus = .none) {
        self.severity = severity
        self.substatus = substatus
    }

    public static let good = Quality(.good)
    public static let uncertain = Quality(.uncertain)
    public static let bad = Quality(.bad)
    public static let communicationFailure = Quality(.bad, .communicationFailure)
    public static let sensorFailure = Quality(.bad, .sensorFailure)
    public static let outOfService = Quality(.bad, .outOfService)
    public static let configurationError = Quality(.bad, .configurationError)
    public static let notConnected = Quality(.bad, .notConnected)
    public static let lastUsableValue = Quality(.uncertain, .lastUsableValue)
    public static let waitingForInitialData = Quality(.bad, .waitingForInitialData)
    public static let deviceFailure = Quality(.bad, .deviceFailure)
    public static let decodingError = Quality(.bad, .decodingError)

    public var isGood: Bool { severity == .good }
    public var isBad: Bool { severity == .bad }

    /// Two bytes: the severity in the high byte, the sub-status in the low byte.
    public var rawValue: UInt16 { UInt16(severity.rawValue) << 8 | UInt16(substatus.rawValue) }

    /// Decodes the two-byte form; nil for unknown severities or sub-statuses (a newer writer, or corruption).
    public init?(rawValue: UInt16) {
        guard let severity = Severity(rawValue: UInt8(rawValue >> 8)),
            let substatus = Substatus(rawValue: UInt8(rawValue & 0xFF))
        else { return nil }
        self.init(severity, substatus)
    }

    /// The OPC UA StatusCode (OPC 10000-6 Annex A, StatusCode.csv).
    public var opcuaStatusCode: UInt32 {
        switch (severity, substatus) {
        case (.good, .localOverride): 0x0096_0000
        case (.good, _): 0x0000_0000
        case (.uncertain, .lastUsableValue): 0x4090_0000
        case (.uncertain, .sensorNotAccurate): 0x4093_0000
        case (.uncertain, .engineeringUnitsExceeded): 0x4094_0000
        case (.uncertain, .subNormal): 0x4095_0000
        case (.uncertain, _): 0x4000_0000
        case (.bad, .communicationFailure): 0x8005_0000
        case (.bad, .sensorFailure): 0x808C_0000
        case (.bad, .outOfService): 0x808D_0000
        case (.bad, .configurationError): 0x8089_0000
        case (.bad, .notConnected): 0x808A_0000
        case (.bad, .deviceFailure): 0x808B_0000
        case (.bad, .waitingForInitialData): 0x8032_0000
        case (.bad, .outOfRange): 0x803C_0000
        case (.bad, .decodingError): 0x8007_0000
        case (.bad, _): 0x8000_0000
        }
    }

    /// Maps an OPC UA StatusCode to a quality: the severity from the top two bits, the sub-status where known.
    public init(opcuaStatusCode code: UInt32) {
        let severity: Severity =
            switch code >> 30 {
            case 0: .good
            case 1: .uncertain
            default: .bad
            }
        let known = Substatus.allCases.first { Quality(severity, $0).opcuaStatusCode == code & 0xFFFF_0000 }
        self.init(severity, known ?? .none)
    }

    /// A short, stable name such as `good`, `bad:communicationFailure`, used in the API and in CSV.
    public var description: String {
        let name =
            switch severity {
            case .good: "good"
            case .uncertain: "uncertain"
            case .bad: "bad"
            }
        return substatus == .none ? name : "\(name):\(substatus)"
    }

    /// Parses the form produced by `description`.
    public init?(name: String) {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        guard let first = parts.first else { return nil }
        let severity: Severity
        switch first {
        case "good": severity = .good
        case "uncertain": severity = .uncertain
        case "bad": severity = .bad
        default: return nil
        }
        if parts.count == 1 {
            self.init(severity)
            return
        }
        guard let sub = Substatus.allCases.first(where: { "\($0)" == parts[1] }) else { return nil }
        self.init(severity, sub)
    }
}

extension Quality: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let quality = Quality(name: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not a quality such as good, uncertain or bad:communicationFailure")
        }
        self = quality
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
