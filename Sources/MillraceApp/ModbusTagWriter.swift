import Logging
import MillraceConfiguration
import MillraceCore
import ModbusCore
import ModbusNIO

/// Writes engineering values to Modbus tags, with the OT safety rule: a tag is written only if the
/// configuration marks it `writable: true`; every other write is refused before anything reaches the device.
/// Each write is logged with its reason (the audit trail of the security work records it as well).
public struct ModbusTagWriter: Sendable {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public enum Code: Sendable { case unknownTag, notWritable, invalidValue, deviceRefused }
        public var code: Code
        public var description: String
    }

    let tags: [TagID: TagConfiguration]
    let logger: Logger

    public init(tags: [TagConfiguration], logger: Logger) {
        self.tags = Dictionary(tags.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.logger = logger
    }

    /// The request that would write `value` to `tag` (FC 5, 6, 16 or 22 as the data type needs), or why not.
    public func request(writing value: DataValue, to tag: TagID) throws(WriteError) -> ModbusRequest {
        guard let configuration = tags[tag] else {
            throw WriteError(code: .unknownTag, description: "no Modbus tag has the id '\(tag)'")
        }
        guard configuration.writable else {
            throw WriteError(
                code: .notWritable,
                description: "tag '\(tag)' is not writable; set `writable: true` on it in the configuration to allow writes")
        }
        do {
            let (address, mapping) = try configuration.modbusMapping()
            return try mapping.writeRequest(value, address: address)
        } catch {
            throw WriteError(code: .invalidValue, description: "cannot write \(value) to '\(tag)': \(error)")
        }
    }

    /// Whether the configuration marks `tag` writable.
    public func isConfiguredWritable(_ tag: TagID) -> Bool { tags[tag]?.writable == true }

    func logWrite(_ value: DataValue, to tag: TagID, reason: String) {
        logger.notice("device write", metadata: ["tag": "\(tag)", "value": "\(value)", "reason": "\(reason)"])
    }

    /// Writes `value` to `tag` through `client`, refusing tags that are not writable.
    public func write(_ value: DataValue, to tag: TagID, reason: String, client: ModbusClient) async throws(WriteError) {
        let request = try request(writing: value, to: tag)
        logWrite(value, to: tag, reason: reason)
        do {
            _ = try await client.send(request)
        } catch {
            throw WriteError(code: .deviceRefused, description: "the device refused the write to '\(tag)': \(error)")
        }
    }
}
