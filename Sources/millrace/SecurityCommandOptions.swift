import ArgumentParser
import Foundation
import MillraceCore
import MillraceSecurity
import SecurityStore

#if canImport(Glibc)
    import Glibc
#endif

/// Options the `user`, `token` and `audit` verbs share: where the security files are.
struct SecurityCommandOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory holding security.sqlite and audit.log.")
    var dataDir = "data"

    @Option(name: .long, help: "The SecretBox key file (default: DATA-DIR/secret.key; keep it outside backups of the data).")
    var secretKey: String?

    /// Opens the security service of the data directory, exiting with status 2 and a clear message on failure.
    func openService() throws -> SecurityService {
        do {
            return try SecurityService.open(dataDirectory: dataDir, keyFile: secretKey, clock: SystemWallClock())
        } catch {
            printError("error: \(dataDir): \(error.message)")
            throw ExitCode(2)
        }
    }

    /// The audit actor for changes made from the command line: the operating-system user running it.
    static var actor: AuditActor {
        let login = ProcessInfo.processInfo.environment["USER"] ?? String(getuid())
        return AuditActor(kind: .system, id: "cli:\(login)")
    }
}

/// The role of a user or service account, on everything or on asset subtrees (`--role`, repeatable `--scope`).
struct RoleOptions: ParsableArguments {
    @Option(name: .long, help: "The role: viewer, operator, engineer or admin.")
    var role: Role

    @Option(name: .long, help: "An asset path the role is limited to (repeatable); none for all assets.")
    var scope: [String] = []

    /// One binding per scope (one unscoped binding without `--scope`); exits with status 1 on a malformed path.
    func bindings() throws -> [RoleBinding] {
        if scope.isEmpty { return [RoleBinding(role: role)] }
        return try scope.map { text in
            do { return RoleBinding(role: role, scope: try AssetPath(text)) } catch {
                printError("error: --scope \(error)")
                throw ExitCode(1)
            }
        }
    }
}

/// Reads a password: from standard input with `--password-stdin`, else from the terminal without echo,
/// asked twice.
enum PasswordInput {
    static func read(for name: String, fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = Swift.readLine(strippingNewline: true) else {
                printError("error: --password-stdin: standard input is empty")
                throw ExitCode(1)
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            printError("error: no terminal to ask for the password; pipe it with --password-stdin")
            throw ExitCode(1)
        }
        let first = try prompt("Password for \(name): ")
        let second = try prompt("Repeat the password: ")
        guard first == second else {
            printError("error: the passwords differ")
            throw ExitCode(1)
        }
        return first
    }

    /// Turns terminal echo off while reading one line (termios), restoring it even on failure.
    private static func prompt(_ text: String) throws -> String {
        FileHandle.standardError.write(Data(text.utf8))
        var original = termios()
        tcgetattr(STDIN_FILENO, &original)
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = Swift.readLine(strippingNewline: true) else { throw ExitCode(1) }
        return line
    }
}

extension Role: ExpressibleByArgument {}
extension Permission: ExpressibleByArgument {}
