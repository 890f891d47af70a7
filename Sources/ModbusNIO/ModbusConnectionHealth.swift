import MillraceCore
import ModbusCore

/// Counters and last events of one client connection, for health pages and logs.
///
/// Plain values: the library does not depend on a metrics backend; whoever owns the client reads this
/// struct (`ModbusClient.health`) and exports what it needs.
public struct ModbusConnectionHealth: Hashable, Sendable {
    /// TCP connections established.
    public var connects: Int = 0
    /// Attempts to connect that failed (refused, unreachable, timed out).
    public var connectFailures: Int = 0
    /// Established connections that were closed, by the peer or by the client.
    public var disconnects: Int = 0
    /// Requests that failed with `.timeout`.
    public var timeouts: Int = 0
    /// Responses that broke the protocol and closed the connection.
    public var protocolViolations: Int = 0
    /// Exception responses from the server.
    public var exceptions: Int = 0
    /// Requests answered with a normal response.
    public var responses: Int = 0
    /// The last failure seen on the connection, if any.
    public var lastError: ModbusClientError?
    /// When a frame last arrived from the server.
    public var lastContact: Timestamp?

    /// No events yet.
    public init() {}
}
