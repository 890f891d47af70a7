import ArgumentParser

extension HistorianCommand {
    /// Options every `historian` verb shares.
    struct Options: ParsableArguments {
        @Option(name: .long, help: "The data directory holding historian.sqlite and historian.wal.")
        var dataDir = "data"
    }
}
