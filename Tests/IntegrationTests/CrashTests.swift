import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Kills the real binary with SIGKILL while it appends, again and again on the same data directory, and
/// checks after every restart that each batch it acknowledged is stored in full.
@Suite(.serialized) struct CrashTests {
    /// SplitMix64: the kill points are random but the same on every run.
    struct KillPoints {
        var state: UInt64
        mutating func next(below bound: UInt64) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % bound)
        }
    }

    static let iterations = 24
    static let batchSize = 40

    /// The sequence numbers of the complete `ack N` lines in the output.
    static func acknowledged(_ output: String) -> [Int] {
        var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        lines.removeLast()  // Text after the last line break is not a complete line.
        return lines.compactMap { $0.hasPrefix("ack ") ? Int($0.dropFirst(4)) : nil }
    }

    @Test func everyAcknowledgedBatchSurvivesSIGKILL() async throws {
        let binary = try MillraceBinary.path()
        let directory = try TemporaryDirectory(prefix: "millrace-crash")
        defer { directory.remove() }
        let data = directory.file("data")
        var killPoints = KillPoints(state: 20_261_126)
        var highest = -1
        var sampleChecks = 0
        var killsDuringStartup = 0
        for iteration in 0..<Self.iterations {
            // Up to 0: killed 0-149 ms after the start (often while it recovers); otherwise after that many
            // acknowledgements (a checkpoint falls about every 40 batches).
            let target = killPoints.next(below: 90) - 10
            let writer = try ChildProcess(
                executable: binary,
                arguments: ["historian", "crash-writer", "--data-dir", data, "--batches", "1000000", "--batch-size", "\(Self.batchSize)"])
            if target <= 0 {
                killsDuringStartup += 1
                try await Task.sleep(for: .milliseconds(killPoints.next(below: 150)))
            } else {
                try await writer.waitForOutput { out, _ in Self.acknowledged(out).count >= target }
            }
            writer.signal(SIGKILL)
            let (status, _) = try await writer.waitForExit()
            #expect(status == SIGKILL, "iteration \(iteration): the writer ended by itself: \(writer.standardError)")
            try await Task.sleep(for: .milliseconds(50))  // Let the pipe readers drain.
            let acks = Self.acknowledged(writer.standardOutput)
            if let first = acks.first {
                #expect(first > highest, "iteration \(iteration): sequence \(first) was acknowledged before")
                #expect(acks == Array(first..<(first + acks.count)), "iteration \(iteration): acknowledgements out of order")
                highest = acks.last!
            }

            let verify = try await ChildProcess.run(
                binary, ["historian", "crash-verify", "--data-dir", data, "--acknowledged", "\(highest)", "--batch-size", "\(Self.batchSize)"])
            #expect(verify.status == 0, "iteration \(iteration): \(verify.stdout) \(verify.stderr)")
            if verify.status != 0 { break }
            sampleChecks += (highest + 1) * (Self.batchSize + 1)
        }
        #expect(highest >= Self.iterations)
        print(
            "crash test: \(Self.iterations) SIGKILLs (\(killsDuringStartup) soon after start), \(highest + 1) acknowledged batches "
                + "(\((highest + 1) * (Self.batchSize + 1)) samples) all present; \(sampleChecks) sample checks over all restarts")
    }
}
