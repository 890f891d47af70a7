import ArgumentParser
import Foundation
import MillraceCore
import MillraceSecurity
import SecurityStore

/// `millrace token create`: an API token for an integration, printed once.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Create, list and revoke API tokens for integrations.",
        subcommands: [Create.self, List.self, Revoke.self])

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

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List API tokens (their ids, never the secrets).")

        @OptionGroup var options: SecurityCommandOptions

        @Option(name: .long, help: "Only the tokens acting for this user.")
        var user: String?

        func run() async throws {
            let service = try options.openService()
            let tokens: [APIToken]
            do { tokens = try await service.listAPITokens(owner: user) } catch {
                printError("error: \(error.message)")
                throw ExitCode(2)
            }
            let now = SystemWallClock().now()
            print("ID            USER          STATE     EXPIRES                      SCOPES  NAME")
            for token in tokens {
                let state = token.revokedAt != nil ? "revoked" : token.expiresAt <= now ? "expired" : "active"
                print(
                    token.id.padding(toLength: 14, withPad: " ", startingAt: 0)
                        + token.owner.padding(toLength: 14, withPad: " ", startingAt: 0)
                        + state.padding(toLength: 10, withPad: " ", startingAt: 0)
                        + token.expiresAt.iso8601.padding(toLength: 29, withPad: " ", startingAt: 0)
                        + token.scopes.map(\.rawValue).sorted().joined(separator: ",") + "  " + token.name)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke an API token by its id (from `token list`); it stops at once.")

        @OptionGroup var options: SecurityCommandOptions

        @Argument(help: "The token's id: the 12 hex characters `token list` shows.")
        var id: String

        func run() async throws {
            let service = try options.openService()
            do {
                try await service.revoke(.apiToken(id: id), by: SecurityCommandOptions.actor)
                print("revoked \(id)")
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
    }
}
