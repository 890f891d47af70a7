import ArgumentParser
import Foundation
import MillraceConfiguration
import MillraceSecurity

/// `millrace secret seal`: a secret for the configuration file (the PostgreSQL URL with its password), sealed with
/// the installation's key so the file can be shared, backed up or kept in version control without the secret.
struct SecretCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secret", abstract: "Seal secrets for the configuration file with the installation's key.",
        subcommands: [Seal.self])

    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "seal",
            abstract: "Read a secret from standard input and print it sealed (mrsec1:…) for the configuration.",
            discussion: """
                The value is sealed with AES-256-GCM under the key in DATA-DIR/secret.key (or --secret-key; made on \
                first use), bound to the configuration key it is for, so it opens only there and only with this key. \
                Example: echo 'postgres://millrace:pw@db:5432/millrace' | millrace secret seal > sealed.txt, then \
                storage.postgres: <the printed text>.
                """)

        @Option(name: .long, help: "The data directory whose secret.key seals the value.")
        var dataDir = "data"

        @Option(name: .long, help: "The key file (default: DATA-DIR/secret.key); the same as security.secretKeyFile.")
        var secretKey: String?

        @Option(name: .long, help: "What the value is for (default: the PostgreSQL URL of storage.postgres).")
        var context = StorageConfiguration.postgresSecretContext

        func run() throws {
            guard let line = Swift.readLine(strippingNewline: true), !line.isEmpty else {
                printError("error: standard input is empty; pipe the secret in (echo 'postgres://…' | millrace secret seal)")
                throw ExitCode(1)
            }
            let path = secretKey ?? dataDir + "/secret.key"
            do {
                let file = SecretBoxKeyFile(path: path)
                let box: SecretBox
                if FileManager.default.fileExists(atPath: path) {
                    box = try file.load()
                } else {
                    try FileManager.default.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                    var generator = SystemRandomNumberGenerator()
                    box = try file.create(using: &generator)
                }
                print(try box.seal(line, context: context))
            } catch let error as SecurityError {
                printError("error: \(path): \(error.message)")
                throw ExitCode(2)
            } catch {
                printError("error: \(path): \(error)")
                throw ExitCode(2)
            }
        }
    }
}
