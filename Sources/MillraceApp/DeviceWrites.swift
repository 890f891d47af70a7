import API
import Foundation
import Logging
import MillraceConfiguration
import MillraceCore
import ModbusCore
import ModbusNIO

/// The running Modbus connections that can carry a write: each `ModbusInput` registers its client while it runs.
public final class DeviceWriteRegistry: @unchecked Sendable {  // state behind the lock
    public typealias Send = @Sendable (ModbusRequest) async throws -> Void
    private let lock = NSLock()
    private var senders: [String: Send] = [:]

    public init() {}

    func register(connection: String, _ send: @escaping Send) { lock.withLock { senders[connection] = send } }
    func unregister(connection: String) { lock.withLock { _ = senders.removeValue(forKey: connection) } }
    func sender(for connection: String) -> Send? { lock.withLock { senders[connection] } }
}

/// Device writes for the API over the configured Modbus tags: `ModbusTagWriter` decides what is writable and the
/// request (FC 5/6/16/22), the registry sends it through the connection's running client.
struct ModbusDeviceWriter: DeviceWriter {
    let writer: ModbusTagWriter
    let connections: [TagID: String]
    let registry: DeviceWriteRegistry
    /// Told of each write first, so its read-back is not taken for another master's.
    let monitor: ExternalWriteMonitor?

    init(configuration: MillraceConfiguration, registry: DeviceWriteRegistry, monitor: ExternalWriteMonitor?, logger: Logger) {
        self.monitor = monitor
        let modbus = Set(configuration.connections.filter { $0.type == .modbusTCP || $0.type == .modbusRTUOverTCP }.map(\.id))
        let tags = configuration.resolvedTags.map(\.tag).filter { modbus.contains($0.connection) }
        writer = ModbusTagWriter(tags: tags, logger: logger)
        connections = Dictionary(tags.map { ($0.id, $0.connection) }, uniquingKeysWith: { first, _ in first })
        self.registry = registry
    }

    func isWritable(_ tag: TagID) -> Bool { writer.isConfiguredWritable(tag) }

    func write(_ value: DataValue, to tag: TagID, reason: String) async throws(DeviceWriteError) {
        let request: ModbusRequest
        do { request = try writer.request(writing: value, to: tag) } catch {
            throw DeviceWriteError(.invalidValue, error.description)
        }
        guard let connection = connections[tag], let send = registry.sender(for: connection) else {
            throw DeviceWriteError(.notConnected, "the connection of '\(tag)' is not running; nothing was written")
        }
        writer.logWrite(value, to: tag, reason: reason)
        monitor?.ownWrite(value, to: tag)
        do { try await send(request) } catch {
            throw DeviceWriteError(.deviceRefused, "the device did not accept the write to '\(tag)': \(error)")
        }
    }
}
