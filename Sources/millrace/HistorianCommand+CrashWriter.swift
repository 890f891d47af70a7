import ArgumentParser
import Foundation
import Historian
import MillraceCore

extension HistorianCommand {
    /// For the crash test: appends deterministic batches and prints `ack <sequence>` after each acknowledged
    /// append. Continues after the highest sequence already stored, so it can be killed and started again on
    /// the same data directory.
    struct CrashWriter: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "crash-writer", abstract: "Append numbered batches for the crash test.", shouldDisplay: false)

        @OptionGroup var options: HistorianCommand.Options

        @Option(help: "Batches to append in this run.")
        var batches: Int

        @Option(help: "Samples of crash.value per batch (keep it the same across runs on one directory).")
        var batchSize: Int

        @Option(help: "WAL size that triggers a checkpoint (small, so that kills land in checkpoints too).")
        var checkpointBytes = 32 << 10

        @Option(help: "Samples per chunk (small, so that chunks are sealed often).")
        var chunkCapacity = 128

        func validate() throws {
            guard batches >= 0, batchSize > 0, checkpointBytes > 0, chunkCapacity > 0 else {
                throw ValidationError("--batches must be 0 or more; --batch-size, --checkpoint-bytes and --chunk-capacity positive")
            }
        }

        func run() async throws {
            var storeOptions = ChunkedHistorian.Options()
            storeOptions.checkpointBytes = checkpointBytes
            storeOptions.chunkCapacity = chunkCapacity
            let store = try await HistorianCommand.openStore(options.dataDir, options: storeOptions)
            do throws(HistorianError) {
                try await store.register(tags: CrashWorkload.tags)
                var next = 0
                if case .integer(let last)? = try await store.latest(of: [CrashWorkload.sequenceTag])[CrashWorkload.sequenceTag]?.value {
                    next = Int(last) + 1
                }
                for sequence in next..<(next + batches) {
                    try await store.append(CrashWorkload.batch(sequence, size: batchSize))
                    // One write(2) per line, no buffering: once the test reads "ack", the batch was acknowledged.
                    FileHandle.standardOutput.write(Data("ack \(sequence)\n".utf8))
                }
                try await store.close()
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
            FileHandle.standardOutput.write(Data("done\n".utf8))
        }
    }
}
