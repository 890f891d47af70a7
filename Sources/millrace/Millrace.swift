import ArgumentParser
import MillraceConfiguration

/// `millrace`: the whole platform in one binary. With no verb it runs (`millrace` = `millrace run`).
@main
struct Millrace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "millrace",
        abstract: "Millrace: an Industrial IoT platform — connect machines, keep every sample, see the plant live.",
        discussion: "Run with no arguments to start the built-in demo plant with its dashboard at http://127.0.0.1:8080.",
        version: BuildInfo.version,
        subcommands: [RunCommand.self, SimCommand.self, AnalyzeCommand.self, ConfigCommand.self, VersionCommand.self, BenchCommand.self, HistorianCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self, SecretCommand.self, ServiceAccountCommand.self],
        defaultSubcommand: RunCommand.self)
}

enum BuildInfo {
    static let version = "0.1.0-dev"
}

/// Options every long-running verb shares.
struct LoggingOptions: ParsableArguments {
    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: LogLevelArgument = .info

    @Option(name: .long, help: "Log format: text (for people) or json (one object per line, for collectors).")
    var logFormat: LogFormat = .text
}

enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum LogLevelArgument: String, ExpressibleByArgument, CaseIterable {
    case trace, debug, info, notice, warning, error, critical
}

struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version", abstract: "Print the version, and with --verbose how this binary was built.",
        discussion: "The software bill of materials of a checkout comes from `scripts/sbom` (CycloneDX JSON).")

    @Flag(name: .long, help: "Also print the build configuration, compiler, platform and the file format versions.")
    var verbose = false

    func run() {
        print("millrace \(BuildInfo.version)")
        guard verbose else { return }
        print("build:         \(BuildInfo.configuration)")
        print("compiler:      \(BuildInfo.compiler)")
        print("platform:      \(BuildInfo.platform)")
        print("configuration: format version \(MillraceConfiguration.currentVersion)")
        print("data files:    migrated forward at start; a file written by a newer Millrace is refused (docs/adr/0016)")
    }
}

extension BuildInfo {
    static var configuration: String {
        #if DEBUG
            "debug"
        #else
            "release"
        #endif
    }

    static var compiler: String {
        #if compiler(>=6.3)
            "Swift 6.3 or newer, Swift 6 language mode"
        #elseif compiler(>=6.2)
            "Swift 6.2, Swift 6 language mode"
        #else
            "Swift 6.1, Swift 6 language mode"
        #endif
    }

    static var platform: String {
        #if os(Linux)
            let os = "Linux"
        #elseif os(macOS)
            let os = "macOS"
        #else
            let os = "other"
        #endif
        #if arch(x86_64)
            return os + " x86_64"
        #elseif arch(arm64)
            return os + " arm64"
        #else
            return os + " (other architecture)"
        #endif
    }
}
