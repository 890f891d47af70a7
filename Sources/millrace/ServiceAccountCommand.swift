import ArgumentParser
import Foundation
import MillraceCore
import MillraceSecurity
import SecurityStore

/// `millrace service-account add`: an account for a machine (an edge node forwarding to a central Millrace, a
/// scheduled export), with its own role bindings and a token printed once.
struct ServiceAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "service-account",
        abstract: "Add and revoke service accounts for edge nodes and other machines.",
        discussion: "Stop Millrace first: the audit trail has one writer at a time.",
        subcommands: [Add.self, Revoke.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a service account with a role (on everything or on asset subtrees) and print its token once.",
            discussion: """
                The mr_svc_… token is printed once on standard output; only its hash is stored. Send it as \
                Authorization: Bearer. Service accounts never log in interactively and need no second factor.
                Example: millrace service-account add edge-line-2 --role operator --scope dayton/packaging/line-2 --expires 365d
                """)

        @OptionGroup var options: SecurityCommandOptions

        @Argument(help: "The account name (letters, digits, '.', '_', '@', '-').")
        var name: String

        @OptionGroup var roles: RoleOptions

        @Option(name: .long, help: "Lifetime: a number with d (days) or h (hours); none for no expiry.")
        var expires: String?

        func run() async throws {
            let bindings = try roles.bindings()
            var lifetime: Duration?
            if let expires {
                guard let parsed = TokenCommand.Create.lifetime(expires) else {
                    printError("error: --expires: '\(expires)' is not a lifetime like 365d or 12h")
                    throw ExitCode(1)
                }
                lifetime = parsed
            }
            let service = try options.openService()
            do {
                let expiresAt = lifetime.map { SystemWallClock().now() + $0 }
                let token = try await service.createServiceAccount(
                    name: name, bindings: bindings, expiresAt: expiresAt, by: SecurityCommandOptions.actor)
                print(token.text)
                printError(
                    "service account \(name): \(bindings.map(\.description).joined(separator: "; "))"
                        + (expiresAt.map { ", expires \($0.iso8601)" } ?? ", no expiry") + ". The token above is shown only now.")
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Disable a service account; its token stops working at once.")

        @OptionGroup var options: SecurityCommandOptions

        @Argument(help: "The account name.")
        var name: String

        func run() async throws {
            let service = try options.openService()
            do {
                try await service.revoke(.serviceAccount(name: name), by: SecurityCommandOptions.actor)
                print("revoked service account \(name)")
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
    }
}
