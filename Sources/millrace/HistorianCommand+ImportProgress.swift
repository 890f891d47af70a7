import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension HistorianCommand {
    /// A one-line progress bar on standard error (only when it is a terminal): bytes read of the file as a
    /// percentage, and samples per second. Redrawn at most ten times a second.
    struct ImportProgress {
        let file: String
        let totalBytes: Int64
        let isTerminal = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock()
        let start: ContinuousClock.Instant
        private var lastDraw: ContinuousClock.Instant?
        private var drawn = false

        init(file: String, totalBytes: Int64) {
            self.file = file
            self.totalBytes = totalBytes
            start = clock.now
        }

        /// Seconds since the import started.
        var elapsedSeconds: Double { (clock.now - start).secondsDouble }

        mutating func update(bytes: Int64, samples: Int) {
            guard isTerminal else { return }
            let now = clock.now
            if let lastDraw, now - lastDraw < .milliseconds(100) { return }
            lastDraw = now
            let fraction = totalBytes > 0 ? min(1, Double(bytes) / Double(totalBytes)) : 1
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let seconds = max(elapsedSeconds, 0.001)
            let percent = String(format: "%3.0f%%", fraction * 100)
            let rate = String(format: "%.0f", Double(samples) / seconds)
            let name = (file as NSString).lastPathComponent
            let line = "\r\(name) \(percent) [\(bar)] \(Self.bytes(bytes)) of \(Self.bytes(totalBytes)), \(rate) samples/s "
            FileHandle.standardError.write(Data(line.utf8))
            drawn = true
        }

        /// Clears the bar so that the next line starts clean.
        mutating func finish() {
            guard drawn else { return }
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            drawn = false
        }

        static func bytes(_ count: Int64) -> String {
            switch count {
            case ..<1024: "\(count) B"
            case ..<(1 << 20): String(format: "%.1f KiB", Double(count) / 1024)
            case ..<(1 << 30): String(format: "%.1f MiB", Double(count) / Double(1 << 20))
            default: String(format: "%.2f GiB", Double(count) / Double(1 << 30))
            }
        }
    }
}
