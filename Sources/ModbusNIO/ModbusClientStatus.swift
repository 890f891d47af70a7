import ModbusCore
import Synchronization

/// The connection state and health counters of a client, written by its channel handler on the event loop
/// and read from any thread through `ModbusClient`.
final class ModbusClientStatus: Sendable {
    private struct Snapshot {
        var connectionState: ModbusClientStateMachine.ConnectionState = .disconnected
        var health = ModbusConnectionHealth()
    }

    private let snapshot = Mutex(Snapshot())

    init() {}

    var connectionState: ModbusClientStateMachine.ConnectionState { snapshot.withLock { $0.connectionState } }

    var health: ModbusConnectionHealth { snapshot.withLock { $0.health } }

    func update(_ connectionState: ModbusClientStateMachine.ConnectionState, _ health: ModbusConnectionHealth) {
        snapshot.withLock {
            $0.connectionState = connectionState
            $0.health = health
        }
    }
}
