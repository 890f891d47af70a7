import Collector
import Logging
import Metrics
import MillraceConfiguration
import MillraceCore
import ModbusCore
import ModbusNIO
import NIOCore
import NIOPosix

/// Polls one Modbus device: its tags are grouped by poll interval, each group's registers are coalesced into
/// the fewest reads (`ModbusReadPlanner`, within the protocol limits and the connection's `maxGap`), and each
/// tick's values go to the sink as one batch. A read that fails gives its tags a bad sample with the failure's
/// quality (communication failure while the device is unreachable), never a stale good value. The client
/// reconnects by itself with backoff; polling simply continues.
struct ModbusInput: Input {
    struct Point: Sendable {
        var tag: TagID
        var kind: ValueKind
        var address: ModbusAddress
        var mapping: ModbusTagMapping
        var interval: Duration
    }

    let connectionID: String
    let tags: [TagID: ValueKind]
    let connection: ConnectionConfiguration
    let points: [Point]
    let clock: any WallClock
    let logger: Logger
    let metrics: HealthMetrics
    /// Where the reason of failed reads is reported (the connections page's last error), if anywhere.
    var status: ConnectionStatusRegistry?
    /// Where the running client is offered for device writes (`POST /api/v1/tags/{id}/write`), if anywhere.
    var writes: DeviceWriteRegistry?

    init(connection: ConnectionConfiguration, tags configured: [TagConfiguration], clock: any WallClock, logger: Logger) throws {
        connectionID = connection.id
        self.connection = connection
        self.clock = clock
        var logger = logger
        logger[metadataKey: "connection"] = "\(connection.id)"
        self.logger = logger
        metrics = HealthMetrics(connection: connection.id)
        points = try configured.map { tag in
            let (address, mapping) = try tag.modbusMapping()
            return Point(
                tag: tag.id, kind: tag.storedKind, address: address, mapping: mapping,
                interval: tag.pollInterval?.duration ?? connection.pollInterval.duration)
        }
        tags = Dictionary(points.map { ($0.tag, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    func run(into sink: any SampleSink) async throws {
        let client = ModbusClient(
            host: connection.host ?? "127.0.0.1", port: connection.port, unitID: UInt8(clamping: connection.unitId),
            configuration: ModbusClientConfiguration(
                pipelineWindow: connection.pipelineWindow, requestTimeout: connection.timeout.duration),
            transport: connection.type == .modbusRTUOverTCP ? .rtuOverTCP : .tcp,
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, clock: clock, logger: logger)
        let groups = Dictionary(grouping: points, by: \.interval)
        writes?.register(connection: connectionID) { request in _ = try await client.send(request) }
        defer { writes?.unregister(connection: connectionID) }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (interval, points) in groups {
                    group.addTask { try await poll(points, every: interval, client: client, sink: sink) }
                }
                try await group.waitForAll()
            }
        } catch {
            await client.close()
            throw error
        }
        await client.close()
    }

    private func poll(_ points: [Point], every interval: Duration, client: ModbusClient, sink: any SampleSink) async throws {
        let planner = ModbusReadPlanner(maximumRegisterGap: connection.maxGap, maximumBitGap: connection.maxGap * 16)
        let spans = points.map { ModbusReadSpan(address: $0.address, dataType: $0.mapping.dataType) }
        let plan = try planner.plan(spans)
        let step = max(1, interval.microseconds)
        var next = Timestamp(microseconds: (clock.now().microseconds / step + 1) * step)
        logger.info("polling", metadata: ["tags": "\(points.count)", "reads": "\(plan.count)", "interval": "\(interval)"])
        while !Task.isCancelled {
            try await clock.sleep(until: next)
            // All reads of a tick are submitted together; the client keeps `pipelineWindow` in flight.
            let results = await withTaskGroup(of: (Int, Result<ModbusResponse, ModbusClientError>).self) { group in
                for (index, read) in plan.enumerated() {
                    group.addTask {
                        do {
                            return (index, .success(try await client.send(read.request)))
                        } catch {
                            return (index, .failure(error as? ModbusClientError ?? ModbusClientError(.connectionLost, "\(error)")))
                        }
                    }
                }
                var results = [Result<ModbusResponse, ModbusClientError>?](repeating: nil, count: plan.count)
                for await (index, result) in group { results[index] = result }
                return results
            }
            let now = clock.now()
            var batch: [TaggedSample] = []
            batch.reserveCapacity(points.count)
            for (read, result) in zip(plan, results) {
                for index in read.spanIndices {
                    let point = points[index]
                    batch.append(TaggedSample(tag: point.tag, sample: Self.sample(point, read: read, span: spans[index], result: result, time: now)))
                }
            }
            try await sink.write(batch)
            if let status, let failure = results.lazy.compactMap({ result -> ModbusClientError? in
                if case .failure(let error) = result { error } else { nil }
            }).first {
                // Count 0: the state came with the batch; this only names the cause.
                status.record(.batchDelivered(count: 0, usable: 0, failure: "\(failure)", at: now), for: connectionID)
            }
            metrics.record(
                client.health, state: client.connectionState,
                failedReads: results.filter { if case .failure = $0 { true } else { false } }.count, now: clock.now())
            next = next + .microseconds(step)
            let late = clock.now()
            if next < late { next = Timestamp(microseconds: (late.microseconds / step + 1) * step) }
        }
    }

    /// Connection health as metrics (exported at /metrics once a metrics backend is bootstrapped):
    /// whether the device is connected, seconds since it last answered, and counters of what went wrong.
    /// Created once per input; each poll only records.
    struct HealthMetrics: Sendable {
        let up, lastContactAge, timeouts, reconnects, exceptions: Gauge
        let failedReads: Counter

        init(connection: String) {
            let dimensions = [("connection", connection)]
            up = Gauge(label: "millrace_connection_up", dimensions: dimensions)
            lastContactAge = Gauge(label: "millrace_connection_last_contact_age_seconds", dimensions: dimensions)
            timeouts = Gauge(label: "millrace_modbus_timeouts", dimensions: dimensions)
            reconnects = Gauge(label: "millrace_modbus_reconnects", dimensions: dimensions)
            exceptions = Gauge(label: "millrace_modbus_exceptions", dimensions: dimensions)
            failedReads = Counter(label: "millrace_modbus_failed_reads_total", dimensions: dimensions)
        }

        func record(
            _ health: ModbusConnectionHealth, state: ModbusClientStateMachine.ConnectionState, failedReads failed: Int,
            now: Timestamp
        ) {
            up.record(state == .connected ? 1 : 0)
            if let contact = health.lastContact { lastContactAge.record((now - contact).secondsDouble) }
            timeouts.record(health.timeouts)
            reconnects.record(health.connects)
            exceptions.record(health.exceptions)
            if failed > 0 { failedReads.increment(by: failed) }
        }
    }

    static func sample(
        _ point: Point, read: ModbusPlannedRead, span: ModbusReadSpan, result: Result<ModbusResponse, ModbusClientError>?,
        time: Timestamp
    ) -> Sample {
        let bad = { (quality: Quality) in Sample(time: time, value: .placeholder(for: point.kind), quality: quality) }
        guard let result else { return bad(.communicationFailure) }
        switch result {
        case .failure(let error):
            return bad(error.quality)
        case .success(let response):
            do {
                let reading: ModbusTagReading
                switch response {
                case .readCoils(let bits), .readDiscreteInputs(let bits):
                    guard let slice = read.values(for: span, in: bits), let bit = slice.first else { return bad(.decodingError) }
                    reading = try point.mapping.decode(bit: bit)
                case .readHoldingRegisters(let registers), .readInputRegisters(let registers):
                    guard let slice = read.values(for: span, in: registers) else { return bad(.decodingError) }
                    reading = try point.mapping.decode(registers: slice)
                default:
                    return bad(.decodingError)
                }
                guard let value = coerce(reading.value, to: point.kind) else { return bad(.decodingError) }
                return Sample(time: time, value: value, quality: reading.quality)
            } catch {
                return bad(.decodingError)
            }
        }
    }

    /// The value as the tag's stored kind (the mapping may widen, e.g. a uint64 beyond Int64 as a double).
    static func coerce(_ value: DataValue, to kind: ValueKind) -> DataValue? {
        if value.kind == kind { return value }
        switch (value, kind) {
        case (.integer(let v), .double): return .double(Double(v))
        case (.double(let v), .integer): return Int64(exactly: v.rounded()).map(DataValue.integer)
        case (.bool(let v), .double): return .double(v ? 1 : 0)
        case (.bool(let v), .integer): return .integer(v ? 1 : 0)
        default: return nil
        }
    }
}
