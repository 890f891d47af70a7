import MillraceCore

/// What the platform knows about one connection right now: shown on the connections page and served by
/// `GET /api/v1/connections`. A plain value that events update; the registry holds one per connection.
public struct ConnectionStatus: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, CaseIterable {
        /// The last batch carried at least one value that was not bad.
        case connected
        /// The input was started and has not delivered a usable value yet.
        case connecting
        /// The input runs but its last batch was all bad (device unreachable, every read failed), or it stopped.
        case disconnected
        /// The input failed and waits for its restart.
        case failed
        /// The connection is switched off in the configuration.
        case disabled
    }

    /// The connection id from the configuration; tags name it in `connection`.
    public var id: String
    /// The configured display name.
    public var name: String
    /// `simulator`, `modbus-tcp`, `modbus-rtu-over-tcp`, …
    public var `protocol`: String
    /// Where the connection goes (`host:port`, or `in-process`).
    public var endpoint: String
    public var state: State
    /// When the connection last delivered a value that was not bad.
    public var lastContact: Timestamp?
    public var lastError: String?
    public var lastErrorTime: Timestamp?
    public var tagCount: Int
    /// Samples delivered by the input since start, whatever their quality.
    public var samplesRead: Int

    public init(
        id: String, name: String, protocol: String, endpoint: String, state: State = .connecting, tagCount: Int,
        lastContact: Timestamp? = nil, lastError: String? = nil, lastErrorTime: Timestamp? = nil, samplesRead: Int = 0
    ) {
        self.id = id
        self.name = name
        self.protocol = `protocol`
        self.endpoint = endpoint
        self.state = state
        self.tagCount = tagCount
        self.lastContact = lastContact
        self.lastError = lastError
        self.lastErrorTime = lastErrorTime
        self.samplesRead = samplesRead
    }

    /// What happened to a connection.
    public enum Event: Hashable, Sendable {
        case inputStarted
        /// A batch of `count` samples, `usable` of them not bad; `failure` says why the bad ones are bad.
        case batchDelivered(count: Int, usable: Int, failure: String?, at: Timestamp)
        case inputFailed(String, at: Timestamp)
        case inputStopped
    }

    /// Applies `event`; a disabled connection stays disabled.
    public mutating func record(_ event: Event) {
        guard state != .disabled else { return }
        switch event {
        case .inputStarted:
            state = .connecting
        case .batchDelivered(let count, let usable, let failure, let time):
            samplesRead += count
            if usable > 0 {
                state = .connected
                lastContact = time
            } else if count > 0 {
                state = .disconnected
            }
            if let failure {
                lastError = failure
                lastErrorTime = time
            }
        case .inputFailed(let message, let time):
            state = .failed
            lastError = message
            lastErrorTime = time
        case .inputStopped:
            state = .disconnected
        }
    }
}
