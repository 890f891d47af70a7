import Foundation
import MillraceCore

/// The benchmark's data sets are InfluxDB line protocol files with microsecond timestamps, the one format every
/// engine in `Benchmarks/historian` reads (InfluxDB and VictoriaMetrics natively, Millrace and SQLite through
/// `BenchLineProtocolReader`). Only the subset the generators write is read: no escapes, no spaces or commas
/// inside names or values.
///
/// Tag ids: `measurement[.firstTagValue].field`, so `cpu,hostname=host_7,... usage_user=3.5 t` is
/// `cpu.host_7.usage_user`, and the industrial line `line1.filler running=true t` is `line1.filler.running`.
// @unchecked: the writer (and its file handle) is moved between the generator and the recording actor, never
// shared.
struct BenchLineProtocolWriter: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private(set) var lines = 0
    private(set) var samples = 0

    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw BenchError("cannot create \(path)")
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw BenchError("cannot open \(path) for writing") }
        self.handle = handle
        buffer.reserveCapacity(1 << 22)
    }

    /// Writes one line: `series field=value,field=value time`.
    mutating func write(series: String, fields: [(String, DataValue)], time: Timestamp) throws {
        var line = series
        line += " "
        var first = true
        for (name, value) in fields {
            guard let text = Self.fieldText(value) else { continue }
            if !first { line += "," }
            first = false
            line += name
            line += "="
            line += text
            samples += 1
        }
        guard !first else { return }
        line += " "
        line += String(time.microseconds)
        line += "\n"
        buffer.append(contentsOf: line.utf8)
        lines += 1
        if buffer.count >= 1 << 22 { try flush() }
    }

    /// A field value in line protocol; nil for what the benchmark leaves out (non-finite numbers, strings,
    /// which VictoriaMetrics cannot store).
    static func fieldText(_ value: DataValue) -> String? {
        switch value {
        case .double(let v): v.isFinite ? "\(v)" : nil
        case .integer(let v): "\(v)i"
        case .bool(let v): v ? "true" : "false"
        case .string: nil
        }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}

/// Reads the line protocol files of `BenchLineProtocolWriter` into samples, in batches.
///
/// An iterator rather than a closure-taking loop: the release compiler (Swift 6.3.1) crashed splitting the async
/// `bench load` (signal 11 "while splitting coroutine") when it passed an async closure to a mutating reader.
final class BenchLineProtocolReader {
    let path: String
    /// Tags seen so far, in the order they were first seen.
    private(set) var metadata: [TagMetadata] = []
    private var ids: [String: TagID] = [:]
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private var start = 0
    private var atEnd = false
    private var lineNumber = 0

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BenchError("cannot open \(path)") }
        self.path = path
        self.handle = handle
    }

    /// The samples of the next whole lines, at least `batchSize` of them unless the file ends, and the tags
    /// first seen in them; nil at the end of the file.
    func nextBatch(of batchSize: Int) throws -> (samples: [TaggedSample], newTags: [TagMetadata])? {
        var batch: [TaggedSample] = []
        batch.reserveCapacity(batchSize)
        var newTags: [TagMetadata] = []
        while batch.count < batchSize, let line = try nextLine() {
            try parseLine(line, number: lineNumber, into: &batch, newTags: &newTags)
        }
        return batch.isEmpty ? nil : (batch, newTags)
    }

    func close() { try? handle.close() }

    private func nextLine() throws -> ArraySlice<UInt8>? {
        while true {
            if let newline = pending[start...].firstIndex(of: UInt8(ascii: "\n")) {
                defer { start = newline + 1 }
                lineNumber += 1
                return pending[start..<newline]
            }
            if atEnd {
                guard start < pending.count else { return nil }
                defer { start = pending.count }
                lineNumber += 1
                return pending[start...]
            }
            pending.removeFirst(start)
            start = 0
            let chunk = try handle.read(upToCount: 1 << 22) ?? Data()
            if chunk.isEmpty { atEnd = true } else { pending.append(contentsOf: chunk) }
        }
    }

    private func parseLine(
        _ line: ArraySlice<UInt8>, number: Int, into batch: inout [TaggedSample], newTags: inout [TagMetadata]
    ) throws {
        if line.isEmpty || line.first == UInt8(ascii: "#") { return }
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true)
        guard parts.count == 3, let micros = Int64(String(decoding: parts[2], as: UTF8.self)) else {
            throw BenchError("\(path):\(number): expected 'series fields time' with a time in µs")
        }
        let keyParts = parts[0].split(separator: UInt8(ascii: ","))
        var prefix = String(decoding: keyParts[0], as: UTF8.self)
        if keyParts.count > 1, let equals = keyParts[1].firstIndex(of: UInt8(ascii: "=")) {
            prefix += "." + String(decoding: keyParts[1][(equals + 1)...], as: UTF8.self)
        }
        let time = Timestamp(microseconds: micros)
        for field in parts[1].split(separator: UInt8(ascii: ",")) {
            guard let equals = field.firstIndex(of: UInt8(ascii: "=")) else {
                throw BenchError("\(path):\(number): a field without '='")
            }
            let name = prefix + "." + String(decoding: field[..<equals], as: UTF8.self)
            let text = String(decoding: field[(equals + 1)...], as: UTF8.self)
            let value: DataValue
            if text == "true" || text == "false" {
                value = .bool(text == "true")
            } else if text.hasSuffix("i"), let integer = Int64(text.dropLast()) {
                value = .integer(integer)
            } else if let double = Double(text) {
                value = .double(double)
            } else {
                throw BenchError("\(path):\(number): '\(text.prefix(40))' is not a number or boolean")
            }
            let id: TagID
            if let known = ids[name] {
                id = known
            } else {
                do { id = try TagID(name) } catch { throw BenchError("\(path):\(number): \(error.description)") }
                ids[name] = id
                let tag = TagMetadata(id: id, name: name, kind: value.kind)
                metadata.append(tag)
                newTags.append(tag)
            }
            batch.append(TaggedSample(tag: id, time: time, value: value))
        }
    }
}

/// A benchmark step that cannot go on, with what to do about it.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
