import ArgumentParser
import Foundation
import MillraceConfiguration

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Check, explain and scaffold configuration files.",
        subcommands: [Check.self, Schema.self, Example.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration file; exit status 0 if valid, 2 if not.")

        @Argument(help: "The configuration file (YAML).")
        var file: String

        func run() throws {
            do {
                let configuration = try ConfigurationLoader.load(path: file)
                let tags = configuration.resolvedTags.count
                let assets = configuration.resolvedAssets.count
                print("\(file): OK — \(configuration.sites.count) site(s), \(assets) asset(s), \(tags) tag(s), \(configuration.connections.count) connection(s)")
            } catch {
                printError("error: \(error.description)")
                throw ExitCode(2)
            }
        }
    }

    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of the configuration, for editors (YAML language servers) to validate with.")
        func run() {
            print(ConfigurationSchema.document, terminator: "")
        }
    }

    struct Example: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the built-in demo plant's configuration as a starting point.")
        func run() {
            print(DemoPlant.yaml, terminator: "")
        }
    }
}
