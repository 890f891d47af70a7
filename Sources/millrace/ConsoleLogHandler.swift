import Foundation
import Logging
import MillraceCore

/// Writes one line per log event to standard error: `2026-11-26T12:00:00.123Z info [historian] message key=value`,
/// or one JSON object per line with `--log-format json`.
struct ConsoleLogHandler: LogHandler {
    var label: String
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var json: Bool
    let clock = SystemWallClock()

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let time = clock.now().iso8601
        var line: String
        if json {
            var fields: [(String, String)] = [("time", time), ("level", "\(event.level)"), ("label", label), ("message", "\(event.message)")]
            fields += merged.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
            line = "{" + fields.map { "\(Self.quote($0.0)):\(Self.quote($0.1))" }.joined(separator: ",") + "}"
        } else {
            line = "\(time) \(event.level) \(event.message)"
            for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
                let text = "\(value)"
                line += " \(key)=" + (text.contains(" ") ? Self.quote(text) : text)
            }
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }

    static func bootstrap(_ options: LoggingOptions) {
        let level = Logger.Level(rawValue: options.logLevel.rawValue) ?? .info
        let json = options.logFormat == .json
        LoggingSystem.bootstrap { label in ConsoleLogHandler(label: label, logLevel: level, json: json) }
    }
}
