import ArgumentParser
import Foundation
import MillraceCore
import MillraceSecurity
import SecurityStore

/// `millrace user add|list`: manage the people who log in, from the server's console.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add and list users (people who log in to the web UI and the API).",
        discussion: """
            Stop Millrace first: the audit trail has one writer at a time. Every change is recorded in \
            DATA-DIR/audit.log with the operating-system user who ran the command.
            """,
        subcommands: [Add.self, List.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a user with a role, on everything or on asset subtrees.",
            discussion: """
                The password must satisfy the password policy (12 to 256 characters, not the user name, not a \
                common password). Without --password-stdin it is asked on the terminal, without echo.
                Example: millrace user add contractor --role operator --scope dayton/packaging/line-2
                """)

        @OptionGroup var options: SecurityCommandOptions

        @Argument(help: "The user name (letters, digits, '.', '_', '@', '-').")
        var name: String

        @OptionGroup var roles: RoleOptions

        @Flag(name: .long, help: "Read the password from the first line of standard input.")
        var passwordStdin = false

        func run() async throws {
            let bindings = try roles.bindings()
            do { try SecurityService.validateName(name) } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
            let password = try PasswordInput.read(for: name, fromStandardInput: passwordStdin)
            let service = try options.openService()
            do {
                let user = try await service.createUser(
                    name: name, password: password, bindings: bindings, by: SecurityCommandOptions.actor)
                print("added \(user.name): \(user.bindings.map(\.description).joined(separator: "; "))")
            } catch {
                printError("error: \(error.message)")
                throw ExitCode(1)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List users, their roles and MFA.")

        @OptionGroup var options: SecurityCommandOptions

        func run() async throws {
            let service = try options.openService()
            let users: [UserSummary]
            do { users = try await service.listUsers() } catch {
                printError("error: \(error.message)")
                throw ExitCode(2)
            }
            if users.isEmpty {
                print("no users yet: run `millrace user add NAME --role admin` or use the setup token Millrace prints")
                return
            }
            let width = max(8, (users.map(\.name.count).max() ?? 0) + 2)
            print("USER".padding(toLength: width, withPad: " ", startingAt: 0) + "MFA  STATUS    ROLES")
            for user in users {
                let mfa = user.mfaEnrolled ? "yes  " : "no   "
                let status = (user.disabled ? "disabled" : "active").padding(toLength: 10, withPad: " ", startingAt: 0)
                print(
                    user.name.padding(toLength: width, withPad: " ", startingAt: 0) + mfa + status
                        + user.bindings.map(\.description).joined(separator: "; "))
            }
        }
    }
}
