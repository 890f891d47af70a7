import NIOCore
import Synchronization

/// The open client connections of a `ModbusServer`, so that closing the server closes them too.
final class ModbusServerConnectionRegistry: Sendable {
    private let connections = Mutex<[ObjectIdentifier: any Channel]>([:])

    init() {}

    /// Tracks `channel` until it closes.
    func add(_ channel: any Channel) {
        let id = ObjectIdentifier(channel)
        connections.withLock { $0[id] = channel }
        channel.closeFuture.whenComplete { _ in
            _ = self.connections.withLock { $0.removeValue(forKey: id) }
        }
    }

    /// The number of open connections.
    var count: Int { connections.withLock { $0.count } }

    /// The open connections.
    var all: [any Channel] { connections.withLock { Array($0.values) } }
}
