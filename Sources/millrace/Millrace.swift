import ArgumentParser

/// `millrace`: the whole platform in one binary. With no verb it runs (`millrace` = `millrace run`).
@main
struct Millrace: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "millrace",
        abstract: "Millrace: an Industrial IoT platform — connect machines, keep every sample, see the plant live.",
        discussion: "Run with no arguments to start the built-in demo plant with its dashboard at http://127.0.0.1:8080.",
        version: BuildInfo.version,
        subcommands: [RunCommand.self, SimCommand.self, AnalyzeCommand.self, ConfigCommand.self, VersionCommand.self, BenchCommand.self, HistorianCommand.self, UserCommand.self, TokenCommand.self, AuditCommand.self],
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
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print the version.")
    func run() {
        print("millrace \(BuildInfo.version)")
    }
}
