import ArgumentParser
import Foundation
import Historian
import MillraceCore

extension HistorianCommand {
    /// For the crash test: opens the store (replaying its write-ahead log, as a restart does) and checks that
    /// every sample of batches 0 through `--acknowledged` is present with its exact time and value.
    struct CrashVerify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crash-verify", abstract: "Check the crash test's acknowledged batches.", shouldDisplay: false)

        @OptionGroup var options: HistorianCommand.Options

        @Option(help: "The highest acknowledged sequence number (-1: none).")
        var acknowledged: Int

        @Option(help: "Samples of crash.value per batch, as given to crash-writer.")
        var batchSize: Int

        func run() async throws {
            try HistorianCommand.requireExisting(options.dataDir)
            let store = try await HistorianCommand.openStore(options.dataDir)
            let batches = acknowledged + 1
            let end = CrashWorkload.time(batches, 0, size: batchSize)
            var problems: [String] = []
            var stored = 0
            do throws(HistorianError) {
                let known = Set(try await store.tags().map(\.id))
                if batches > 0, !known.contains(CrashWorkload.sequenceTag) || !known.contains(CrashWorkload.valueTag) {
                    problems.append("the crash test's tags are not registered")
                } else if batches > 0 {
                    let sequences = try await store.samples(
                        of: CrashWorkload.sequenceTag, from: CrashWorkload.start, to: end, limit: batches + 1)
                    let values = try await store.samples(
                        of: CrashWorkload.valueTag, from: CrashWorkload.start, to: end, limit: batches * batchSize + 1)
                    stored = sequences.count + values.count
                    let sequenceByTime = Dictionary(sequences.map { ($0.time, $0.value) }, uniquingKeysWith: { $1 })
                    let valueByTime = Dictionary(values.map { ($0.time, $0.value) }, uniquingKeysWith: { $1 })
                    for sequence in 0..<batches {
                        if sequenceByTime[CrashWorkload.time(sequence, 0, size: batchSize)] != .integer(Int64(sequence)) {
                            problems.append("batch \(sequence): its crash.seq sample is missing or wrong")
                        }
                        let missing = (0..<batchSize).filter { index in
                            valueByTime[CrashWorkload.time(sequence, index, size: batchSize)] != .double(CrashWorkload.value(sequence, index))
                        }
                        if !missing.isEmpty {
                            problems.append("batch \(sequence): \(missing.count) of \(batchSize) crash.value samples missing or wrong")
                        }
                    }
                }
                try await store.close()
            } catch {
                try? await store.close()
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
            guard problems.isEmpty else {
                for problem in problems.prefix(20) { print("missing: \(problem)") }
                print("FAILED: \(problems.count) problems in \(batches) acknowledged batches")
                throw ExitCode(1)
            }
            print("verified \(batches) acknowledged batches (\(stored) samples): all present")
        }
    }
}
