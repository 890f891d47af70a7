// Millrace's Modbus client against a real server: sequential and pipelined reads of 125 holding registers.
//
//   ModbusBenchmark HOST PORT REQUESTS [--libmodbus RATE] [--pymodbus RATE]
//
// Prints requests per second for one request in flight (through the async API from a task and from an
// actor on the client's event loop, and through the future API), and for 8 and 32 in flight (through the
// async API with that many tasks, and through the future API, which skips the task hops). With the
// baseline rates of the libmodbus and pymodbus clients it prints the ratios.
// Benchmarks/modbus/run builds and runs everything.

import Foundation
import MillraceCore
import ModbusCore
import ModbusNIO
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
guard arguments.count >= 4, let port = Int(arguments[2]), let requests = Int(arguments[3]) else {
    print("usage: ModbusBenchmark HOST PORT REQUESTS [--libmodbus RATE] [--pymodbus RATE]")
    exit(2)
}
let host = arguments[1]
func option(_ name: String) -> Double? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return Double(arguments[index + 1])
}
let libmodbusRate = option("--libmodbus")
let pymodbusRate = option("--pymodbus")
let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

func makeClient(window: Int) -> ModbusClient {
    ModbusClient(
        host: host, port: port, unitID: 1,
        configuration: ModbusClientConfiguration(pipelineWindow: window, requestTimeout: .seconds(10)),
        eventLoopGroup: group)
}

/// A caller that runs on the client's event loop, so requests are sent and resumed without thread hops.
actor EventLoopPoller {
    let client: ModbusClient
    nonisolated var unownedExecutor: UnownedSerialExecutor { client.eventLoop.executor.asUnownedSerialExecutor() }

    init(client: ModbusClient) { self.client = client }

    func reads(count: Int) async throws {
        for _ in 0..<count {
            let values = try await client.readHoldingRegisters(address: 0, count: 125)
            precondition(values.count == 125 && values[124] == 124, "wrong answer")
        }
    }
}

/// Times `body`, which performs `count` requests; returns requests per second.
func measure(_ count: Int, _ body: () async throws -> Void) async throws -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try await body()
    let elapsed = (clock.now - start).secondsDouble
    return Double(count) / elapsed
}

/// `inFlight` tasks, each awaiting its reads one after another.
func asyncReads(_ client: ModbusClient, count: Int, inFlight: Int) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for task in 0..<inFlight {
            let share = count / inFlight + (task < count % inFlight ? 1 : 0)
            group.addTask {
                for _ in 0..<share {
                    let values = try await client.readHoldingRegisters(address: 0, count: 125)
                    precondition(values.count == 125 && values[124] == 124, "wrong answer")
                }
            }
        }
        try await group.waitForAll()
    }
}

/// Keeps `inFlight` requests outstanding with the future API: each answer submits the next request.
func futureReads(_ client: ModbusClient, count: Int, inFlight: Int) async throws {
    let loop = client.eventLoop
    let done = loop.makePromise(of: Void.self)
    try await loop.submit {
        let state = NIOLoopBoundBox((submitted: 0, completed: 0), eventLoop: loop)
        @Sendable func next() {
            guard state.value.submitted < count else { return }
            state.value.submitted += 1
            client.submit(.readHoldingRegisters(address: 0, quantity: 125)).assumeIsolated().whenComplete { result in
                guard case .success(.readHoldingRegisters(let values)) = result, values.count == 125 else {
                    done.fail(ModbusClientError(.protocolViolation, "wrong answer: \(result)"))
                    return
                }
                state.value.completed += 1
                if state.value.completed == count { done.succeed() } else { next() }
            }
        }
        for _ in 0..<inFlight { next() }
    }.get()
    try await done.futureResult.get()
}

func report(_ name: String, _ rate: Double) {
    var line = "millrace \(name): \(requests) requests = \(Int(rate)) req/s"
    if let libmodbusRate { line += String(format: "  = %.2fx libmodbus", rate / libmodbusRate) }
    if let pymodbusRate { line += String(format: "  = %.1fx pymodbus", rate / pymodbusRate) }
    print(line)
}

do {
    // Sequential: one request in flight, the async API, like a poller.
    let sequential = makeClient(window: 1)
    try await asyncReads(sequential, count: 500, inFlight: 1)  // Warm up.
    report(
        "sequential (async, 1 in flight)",
        try await measure(requests) { try await asyncReads(sequential, count: requests, inFlight: 1) })
    report(
        "sequential (futures, 1 in flight)",
        try await measure(requests) { try await futureReads(sequential, count: requests, inFlight: 1) })
    let poller = EventLoopPoller(client: sequential)
    report(
        "sequential (async on the event loop, 1 in flight)",
        try await measure(requests) { try await poller.reads(count: requests) })
    await sequential.close()
    for window in [8, 32] {
        let client = makeClient(window: window)
        try await asyncReads(client, count: 1000, inFlight: window)
        report(
            "pipelined (async, \(window) in flight)",
            try await measure(requests) {
                try await asyncReads(client, count: requests, inFlight: window)
            })
        report(
            "pipelined (futures, \(window) in flight)",
            try await measure(requests) {
                try await futureReads(client, count: requests, inFlight: window)
            })
        await client.close()
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
try await group.shutdownGracefully()
