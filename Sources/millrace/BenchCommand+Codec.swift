import ArgumentParser
import Foundation
import HistorianCore
import MillraceCore

extension BenchCommand {
    struct Codec: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "codec",
            abstract: "Bits per value of the historian's float codec on files of numbers, next to Gorilla's XOR encoding.",
            discussion: """
                Each file is read line by line; the chosen column (default: the last field; separators: comma,
                semicolon, tab, space) is taken from every line where it parses as a number, other lines (headers)
                are skipped. The values are cut into blocks of --block values, each encoded as one historian chunk
                (value section only: the codec picks decimal or Chimp128 per chunk) and, as the baseline, with
                Gorilla's XOR encoding (Pelkonen et al., VLDB 2015, §4.1.2; counted, not stored). Every chunk is
                decoded again and compared bit for bit.
                """)

        @Argument(help: "Files of numbers (CSV or one value per line).") var files: [String]
        @Option(help: "The 0-based column to read (default: the last field of each line).") var column: Int?
        @Option(help: "Values per block (the historian's chunk capacity is 2048).") var block = 2048
        @Flag(help: "The files are raw little-endian 64-bit floats, not text.") var binary = false

        func validate() throws {
            guard block >= 2, block <= Chunk.maximumSampleCount else { throw ValidationError("--block must be from 2 to \(Chunk.maximumSampleCount)") }
        }

        func run() throws {
            print("file                                         values   millrace bits/value   gorilla bits/value   ratio   decimal chunks")
            var totalOurs = 0, totalGorilla = 0, totalValues = 0
            for file in files {
                let values = try binary ? Self.binaryValues(in: file) : Self.values(in: file, column: column)
                guard !values.isEmpty else {
                    printError("\(file): no numbers found (column \(column.map(String.init) ?? "last"))")
                    throw ExitCode(1)
                }
                var ours = 0, gorilla = 0, decimalChunks = 0, chunks = 0
                for start in stride(from: 0, to: values.count, by: block) {
                    let slice = values[start..<min(values.count, start + block)]
                    let result = try Self.encode(slice)
                    ours += result.valueBits
                    if result.decimal { decimalChunks += 1 }
                    chunks += 1
                    gorilla += GorillaXOR.bitCount(slice)
                }
                totalOurs += ours
                totalGorilla += gorilla
                totalValues += values.count
                let name = (file as NSString).lastPathComponent
                print(
                    name.padding(toLength: 42, withPad: " ", startingAt: 0)
                        + String(format: " %9ld %21.2f %20.2f %7.2f %8ld/%ld", values.count, Double(ours) / Double(values.count),
                            Double(gorilla) / Double(values.count), Double(ours) / Double(gorilla), decimalChunks, chunks))
            }
            if files.count > 1 {
                print(
                    "all".padding(toLength: 42, withPad: " ", startingAt: 0)
                        + String(format: " %9ld %21.2f %20.2f %7.2f", totalValues, Double(totalOurs) / Double(totalValues),
                            Double(totalGorilla) / Double(totalValues), Double(totalOurs) / Double(totalGorilla)))
            }
        }

        /// The numbers of `column` (or the last field) of every line where it parses.
        static func values(in path: String, column: Int?) throws -> [Double] {
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
            var values: [Double] = []
            let separators: Set<UInt8> = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: " ")]
            for line in data.split(separator: UInt8(ascii: "\n")) {
                let fields = line.split(omittingEmptySubsequences: true, whereSeparator: { separators.contains($0) })
                let index = column ?? fields.count - 1
                guard index >= 0, index < fields.count else { continue }
                var text = String(decoding: fields[fields.startIndex + index], as: UTF8.self)
                text = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r "))
                if let value = Double(text) { values.append(value) }
            }
            return values
        }

        /// Raw little-endian IEEE 754 doubles; a trailing partial value is an error.
        static func binaryValues(in path: String) throws -> [Double] {
            guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
            guard data.count % 8 == 0 else { throw BenchError("\(path): \(data.count) bytes is not a whole number of 8-byte floats") }
            return data.withUnsafeBytes { raw in
                (0..<data.count / 8).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) }
            }
        }

        /// One historian chunk of `values` one second apart: the bits of its value section, and whether the
        /// decimal encoding won. Throws if the chunk does not decode to the same bits.
        static func encode(_ values: ArraySlice<Double>) throws -> (valueBits: Int, decimal: Bool) {
            var encoder = ChunkEncoder(kind: .double)
            for (offset, value) in values.enumerated() {
                try encoder.append(Sample(time: Timestamp(seconds: 1_767_225_600 + Int64(offset)), value: .double(value)))
            }
            let bytes = encoder.finish()
            let decoded = try Chunk.decode(bytes)
            for (sample, value) in zip(decoded, values) {
                guard case .double(let back) = sample.value, back.bitPattern == value.bitPattern else {
                    throw BenchError("the chunk did not round-trip \(value): got \(sample.value)")
                }
            }
            // Chunk header (docs/format/chunk-v1.md): byte 6 is the value encoding, bytes 32–35 the value section length.
            let valueLength = Int(bytes[32]) << 24 | Int(bytes[33]) << 16 | Int(bytes[34]) << 8 | Int(bytes[35])
            return (valueLength * 8, bytes[6] == 2)
        }
    }
}

/// The size of Gorilla's XOR float encoding (Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time Series
/// Database", VLDB 2015, §4.1.2), counted rather than written: a measurement baseline for `bench codec`.
///
/// First value: 64 bits. Then per value, the XOR with the previous one: `0` if zero; else `10` and the
/// meaningful bits when they fit in the previous window of leading and trailing zeros; else `11`, 5 bits of
/// leading zeros (at most 31), 6 bits of meaningful-bit count, and the meaningful bits.
enum GorillaXOR {
    static func bitCount(_ values: ArraySlice<Double>) -> Int {
        guard let first = values.first else { return 0 }
        var bits = 64
        var previous = first.bitPattern
        var windowLeading = -1
        var windowTrailing = 0
        for value in values.dropFirst() {
            let xor = value.bitPattern ^ previous
            previous = value.bitPattern
            if xor == 0 {
                bits += 1
                continue
            }
            let leading = min(31, xor.leadingZeroBitCount)
            let trailing = xor.trailingZeroBitCount
            if windowLeading >= 0, leading >= windowLeading, trailing >= windowTrailing {
                bits += 2 + (64 - windowLeading - windowTrailing)
            } else {
                bits += 2 + 5 + 6 + (64 - leading - trailing)
                windowLeading = leading
                windowTrailing = trailing
            }
        }
        return bits
    }
}
