import ArgumentParser
import Foundation
import MillraceSecurity

/// `millrace audit verify`: checks the audit trail's hash chain.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify the audit trail's hash chain; print its head as the next anchor.",
            discussion: """
                Exit status 0: intact, the head printed as SEQ:HASH — keep it off this machine (syslog, SIEM, \
                a ticket) and pass it back with --anchor next time, to detect records cut off the end or the \
                whole log rewritten. Exit status 1: broken, the first broken record described. 2: unreadable.
                """)

        @Option(name: .long, help: "The data directory holding audit.log.")
        var dataDir = "data"

        @Option(name: .long, help: "The audit log file (default: DATA-DIR/audit.log).")
        var file: String?

        @Option(name: .long, help: "A head kept from an earlier run, as SEQ:HASH.")
        var anchor: String?

        func validate() throws {
            if let anchor, Self.parseAnchor(anchor) == nil {
                throw ValidationError("--anchor: '\(anchor.prefix(100))' is not SEQ:HASH (a number, a colon, 64 hex digits)")
            }
        }

        static func parseAnchor(_ text: String) -> AuditChainVerifier.Anchor? {
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, let sequence = UInt64(parts[0]), parts[1].count == 64,
                parts[1].allSatisfy(\.isHexDigit)
            else { return nil }
            return AuditChainVerifier.Anchor(sequence: sequence, hash: parts[1].lowercased())
        }

        func run() async throws {
            let path = file ?? dataDir + "/audit.log"
            guard FileManager.default.fileExists(atPath: path) else {
                printError("error: \(path) does not exist; give the data directory with --data-dir")
                throw ExitCode(2)
            }
            let verification: AuditVerification
            let last: AuditRecord?
            do { (verification, last) = try AuditLogFile.verify(path: path, anchor: anchor.flatMap(Self.parseAnchor)) } catch {
                printError("error: \(error.message)")
                throw ExitCode(2)
            }
            switch verification {
            case .intact(let count, let head):
                print("audit trail intact: \(count) records in \(path)")
                if let last { print("anchor: \(last.sequence):\(head)") }
            case .broken(let failure):
                print("audit trail BROKEN in \(path): \(failure)")
                throw ExitCode(1)
            }
        }
    }
}
