import Logging
import MillraceCore
import PostgresNIO

/// How one sample is spread over the columns of the staging and current-value tables (docs/format/postgres-v1.md):
/// `bits` holds a double's IEEE 754 bit pattern, an integer, or a boolean as 0/1; `text` holds a string value
/// (and is empty otherwise); `quality` is `Quality.rawValue` reinterpreted as a signed 16-bit integer.
///
/// Bit patterns rather than `double precision`, so NaN payloads, -0.0 and infinities read back bit for bit.
struct SampleColumns: Hashable, Sendable {
    var time: Int64
    var bits: Int64
    var text: String
    var quality: Int16

    init(time: Int64, bits: Int64, text: String, quality: Int16) {
        self.time = time
        self.bits = bits
        self.text = text
        self.quality = quality
    }

    init(_ sample: Sample) {
        time = sample.time.microseconds
        quality = Int16(bitPattern: sample.quality.rawValue)
        switch sample.value {
        case .double(let value):
            bits = Int64(bitPattern: value.bitPattern)
            text = ""
        case .integer(let value):
            bits = value
            text = ""
        case .bool(let value):
            bits = value ? 1 : 0
            text = ""
        case .string(let value):
            bits = 0
            text = value
        }
    }

    /// The sample, read as a value of `kind`. A quality code this build does not know reads as bad
    /// (`decodingError`) rather than failing the whole query.
    func sample(kind: ValueKind) -> Sample {
        let value: DataValue =
            switch kind {
            case .double: .double(Double(bitPattern: UInt64(bitPattern: bits)))
            case .integer: .integer(bits)
            case .bool: .bool(bits != 0)
            case .string: .string(text)
            }
        return Sample(
            time: Timestamp(microseconds: time), value: value,
            quality: Quality(rawValue: UInt16(bitPattern: quality)) ?? .decodingError)
    }
}

extension SampleColumns {
    /// The select list that folds rows `(t, bits, text, quality)` into one row of four arrays in time order.
    static let aggregateSelect =
        "SELECT array_agg(t ORDER BY t), array_agg(bits ORDER BY t), array_agg(text ORDER BY t), array_agg(quality ORDER BY t)"

    /// Runs a query whose result is one row of four arrays (`aggregateSelect`) and returns the samples' columns.
    ///
    /// Staged rows travel as arrays because thousands of single rows each cost the client a trip through the
    /// row stream (measured: 0.15 ms per row in a debug build, against microseconds for an array element).
    static func fetch(_ query: PostgresQuery, connection: PostgresConnection, logger: Logger) async throws -> [SampleColumns] {
        var result: [SampleColumns] = []
        for try await (times, bits, texts, qualities) in try await connection.query(query, logger: logger)
            .decode(([Int64]?, [Int64]?, [String]?, [Int16]?).self)
        {
            guard let times, let bits, let texts, let qualities,
                bits.count == times.count, texts.count == times.count, qualities.count == times.count
            else { continue }
            result.reserveCapacity(times.count)
            for index in times.indices {
                result.append(SampleColumns(time: times[index], bits: bits[index], text: texts[index], quality: qualities[index]))
            }
        }
        return result
    }
}

/// A batch of samples as the column arrays that `unnest(...)` turns back into rows: one bind per column, so a
/// batch of 5,000 samples is five parameters, not 25,000.
struct SampleColumnArrays: Sendable {
    var tags: [Int32] = []
    var times: [Int64] = []
    var bits: [Int64] = []
    var texts: [String] = []
    var qualities: [Int16] = []

    init() {}

    var count: Int { tags.count }

    mutating func reserveCapacity(_ capacity: Int) {
        tags.reserveCapacity(capacity)
        times.reserveCapacity(capacity)
        bits.reserveCapacity(capacity)
        texts.reserveCapacity(capacity)
        qualities.reserveCapacity(capacity)
    }

    mutating func append(tag: Int32, _ columns: SampleColumns) {
        tags.append(tag)
        times.append(columns.time)
        bits.append(columns.bits)
        texts.append(columns.text)
        qualities.append(columns.quality)
    }
}
