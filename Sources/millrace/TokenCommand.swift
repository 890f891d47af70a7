import ArgumentParser
import Foundation
import MillraceCore
import MillraceSecurity
import SecurityStore

/// `millrace token create`: an API token for an integration, printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create API tokens for integrations.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create",
            abstract: "Create an API token acting for a user, limited to scopes, with an expiry.",
            discussion: """
                The token can do at most what its user may, and only the scopes named: readData, \
                acknowledgeAlarms, shelveAlarms, writeDevices, configure, manageUsers, readAudit. \
                It is printed once on standard output; only its hash is stored. \
                Example: millrace token create --user mes --scope readData --expires 90d
                """)

        @OptionGroup var options: SecurityCommandOptions

        @Option(name: .long, help: "The user the token acts for.")
        var user: String

        @Option(name: .long, help: "A permission the token may use (repeatable).")
        var scope: [Permission]

        @Option(name: .long, help: "Lifetime: a number with d (days), h (hours) or m (minutes), at most 366d.")
        var expires: String = "90d"

        @Option(name: .long, help: "A name to recognise the token by (the integration using it).")
        var name: String?

        func validate() throws {
            guard Self.lifetime(expires) != nil else {
                throw ValidationError("--expires: '\(expires)' is not a lifetime like 90d, 12h or 30m")
            }
            guard !scope.isEmpty else { throw ValidationError("give at least one --scope") }
        }

        static func lifetime(_ text: String) -> Duration? {
            guard let unit = text.last, let number = Int64(text.dropLast()), number > 0, number <= 100_000 else { return nil }
            switch unit {
            case "d": return .seconds(number * 86_400)
            case "h": return .seconds(number * 3_600)
            case "m": return .seconds(number * 60)
            default: return nil
            }
        }

        func run() async throws {
            let service = try options.openService()
            let lifetime = Self.lifetime(expires) ?? .seconds(90 * 86_400)
            do {
                let (token, record) = try await service.createAPIToken(
                    owner: user, name: name ?? "cli", scopes: Set(scope), lifetime: lifetime,
                    by: SecurityCommandOptions.actor)
                print(token.text)
                printError(
                    "API token \(record.id) '\(record.name)' for \(record.owner), scopes "
                        + "\(record.scopes.map(\.rawValue).sorted().joined(separator: ",")), expires "
                        + "\(record.expiresAt.iso8601). Store it now: it is not shown again.")
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
    }
}
