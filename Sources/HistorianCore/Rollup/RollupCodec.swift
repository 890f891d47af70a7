import MillraceCore

/// The bytes of one stored rollup bucket (docs/format/rollup-v1.md): a version byte, then the three
/// per-filter summaries (a filter whose summary equals the previous filter's is stored as a flag), then the
/// plot summary (points equal to the include-uncertain summary's are stored as their quality only).
///
/// Times are stored as zigzag LEB128 offsets from the bucket start, doubles as their 8 IEEE 754 bytes
/// (little-endian) so that every value round-trips bit for bit.
public enum RollupCodec {
    public static let version: UInt8 = 1

    public static func encode(_ rollup: RollupSummary, bucketStart: Int64) -> [UInt8] {
        var writer = RollupByteWriter(base: bucketStart)
        writer.bytes.reserveCapacity(128)
        writer.byte(version)
        let uncertainSame = rollup.includeUncertain == rollup.goodOnly
        let allSame = rollup.all == rollup.includeUncertain
        writer.byte((uncertainSame ? 1 : 0) | (allSame ? 2 : 0))
        writer.summary(rollup.goodOnly)
        if !uncertainSame { writer.summary(rollup.includeUncertain) }
        if !allSame { writer.summary(rollup.all) }
        writer.plot(rollup.plot, reference: rollup.includeUncertain)
        return writer.bytes
    }

    public static func decode(_ bytes: some Collection<UInt8>, bucketStart: Int64) throws(RollupDecodingError) -> RollupSummary {
        var reader = RollupByteReader(bytes: Array(bytes), base: bucketStart)
        let version = try reader.byte()
        guard version == Self.version else {
            throw RollupDecodingError(offset: 0, reason: "unknown rollup version \(version), expected \(Self.version)")
        }
        let flags = try reader.byte()
        let goodOnly = try reader.summary()
        let uncertain = flags & 1 != 0 ? goodOnly : try reader.summary()
        let all = flags & 2 != 0 ? uncertain : try reader.summary()
        let plot = try reader.plot(reference: uncertain)
        guard reader.offset == reader.bytes.count else {
            throw RollupDecodingError(offset: reader.offset, reason: "\(reader.bytes.count - reader.offset) bytes after the rollup")
        }
        return RollupSummary(goodOnly: goodOnly, includeUncertain: uncertain, all: all, plot: plot)
    }
}

/// A stored rollup that cannot be read; the engine recomputes the bucket from raw samples.
public struct RollupDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "rollup bytes unreadable at offset \(offset): \(reason)" }
}

private struct RollupByteWriter {
    var bytes: [UInt8] = []
    let base: Int64

    init(base: Int64) { self.base = base }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func signed(_ value: Int64) { unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    mutating func time(_ time: Timestamp) { signed(time.microseconds &- base) }

    mutating func double(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func timed(_ value: TimedValue) {
        time(value.time)
        double(value.value)
    }

    /// count, usable count; then (if any sample) flags, the usable statistics, first and last points and the
    /// integrals. Flags: 1 first unusable, 2 first = first usable, 4 last unusable, 8 last = last usable,
    /// 16 linear = step integral, 32/64 minimum = first/last usable, 128/256 maximum = first/last usable.
    mutating func summary(_ s: Summary) {
        unsigned(UInt64(s.count))
        unsigned(UInt64(s.usableCount))
        guard s.count > 0, let first = s.first, let last = s.last else { return }
        var flags: UInt64 = 0
        if first.value == nil { flags |= 1 } else if let u = s.firstUsable, u.time == first.time { flags |= 2 }
        if last.value == nil { flags |= 4 } else if let u = s.lastUsable, u.time == last.time { flags |= 8 }
        if s.linearIntegral.bitPattern == s.stepIntegral.bitPattern { flags |= 16 }
        if s.minimum == s.firstUsable { flags |= 32 } else if s.minimum == s.lastUsable { flags |= 64 }
        if s.maximum == s.firstUsable { flags |= 128 } else if s.maximum == s.lastUsable { flags |= 256 }
        unsigned(flags)
        if s.usableCount > 0, let fu = s.firstUsable, let lu = s.lastUsable, let mn = s.minimum, let mx = s.maximum {
            double(s.mean)
            double(s.m2)
            timed(fu)
            timed(lu)
            if flags & (32 | 64) == 0 { timed(mn) }
            if flags & (128 | 256) == 0 { timed(mx) }
        }
        if flags & 2 == 0 {
            time(first.time)
            if let value = first.value { double(value) }
        }
        if flags & 8 == 0 {
            time(last.time)
            if let value = last.value { double(value) }
        }
        double(s.stepIntegral)
        if flags & 16 == 0 { double(s.linearIntegral) }
        signed(s.usableMicroseconds)
    }

    /// Presence flags (1 first … 8 last, 16 first gap, 32 trailing gap, 64 points equal the reference's),
    /// then either the four qualities or the four points, then the gaps.
    mutating func plot(_ p: PlotSummary, reference: Summary) {
        var flags: UInt8 = 0
        if p.first != nil { flags |= 1 }
        if p.minimum != nil { flags |= 2 }
        if p.maximum != nil { flags |= 4 }
        if p.last != nil { flags |= 8 }
        if p.firstGap != nil { flags |= 16 }
        if p.trailingGap != nil { flags |= 32 }
        func same(_ point: PlotPoint?, _ timed: TimedValue?) -> Bool {
            point?.time == timed?.time && point?.value?.bitPattern == timed?.value.bitPattern
        }
        let equal =
            same(p.first, reference.firstUsable) && same(p.minimum, reference.minimum)
            && same(p.maximum, reference.maximum) && same(p.last, reference.lastUsable)
        if equal { flags |= 64 }
        byte(flags)
        for point in [p.first, p.minimum, p.maximum, p.last] {
            guard let point else { continue }
            if !equal {
                time(point.time)
                double(point.value ?? .nan)
            }
            unsigned(UInt64(point.quality.rawValue))
        }
        for point in [p.firstGap, p.trailingGap] {
            guard let point else { continue }
            time(point.time)
            unsigned(UInt64(point.quality.rawValue))
        }
    }
}

private struct RollupByteReader {
    let bytes: [UInt8]
    let base: Int64
    var offset = 0

    init(bytes: [UInt8], base: Int64) {
        self.bytes = bytes
        self.base = base
    }

    func failure(_ reason: String) -> RollupDecodingError { RollupDecodingError(offset: offset, reason: reason) }

    mutating func byte() throws(RollupDecodingError) -> UInt8 {
        guard offset < bytes.count else { throw failure("truncated") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(RollupDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw failure("a number longer than 64 bits") }
            result |= UInt64(next & 0x7f) << shift
            if next & 0x80 == 0 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(RollupDecodingError) -> Int64 {
        let raw = try unsigned()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func time() throws(RollupDecodingError) -> Timestamp {
        Timestamp(microseconds: base &+ (try signed()))
    }

    mutating func count() throws(RollupDecodingError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(Int32.max) else { throw failure("a count of \(value)") }
        return Int(value)
    }

    mutating func double() throws(RollupDecodingError) -> Double {
        guard offset + 8 <= bytes.count else { throw failure("truncated") }
        var bits: UInt64 = 0
        for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func timed() throws(RollupDecodingError) -> TimedValue {
        let time = try time()
        return TimedValue(time: time, value: try double())
    }

    mutating func quality() throws(RollupDecodingError) -> Quality {
        let raw = try unsigned()
        guard raw <= UInt64(UInt16.max), let quality = Quality(rawValue: UInt16(raw)) else {
            throw failure("unknown quality code \(raw)")
        }
        return quality
    }

    mutating func summary() throws(RollupDecodingError) -> Summary {
        let total = try count()
        let usableCount = try count()
        guard usableCount <= total else { throw failure("\(usableCount) usable samples of \(total)") }
        guard total > 0 else { return .empty }
        let flags = try unsigned()
        var mean = 0.0, m2 = 0.0
        var fu: TimedValue?, lu: TimedValue?, mn: TimedValue?, mx: TimedValue?
        if usableCount > 0 {
            mean = try double()
            m2 = try double()
            fu = try timed()
            lu = try timed()
            mn = flags & 32 != 0 ? fu : flags & 64 != 0 ? lu : try timed()
            mx = flags & 128 != 0 ? fu : flags & 256 != 0 ? lu : try timed()
        }
        let first: SignalPoint
        if flags & 2 != 0, let fu {
            first = SignalPoint(time: fu.time, value: fu.value)
        } else {
            let time = try time()
            first = SignalPoint(time: time, value: flags & 1 != 0 ? nil : try double())
        }
        let last: SignalPoint
        if flags & 8 != 0, let lu {
            last = SignalPoint(time: lu.time, value: lu.value)
        } else {
            let time = try time()
            last = SignalPoint(time: time, value: flags & 4 != 0 ? nil : try double())
        }
        let step = try double()
        let linear = flags & 16 != 0 ? step : try double()
        let usable = try signed()
        return Summary(
            count: total, usableCount: usableCount, mean: mean, m2: m2, minimum: mn, maximum: mx, firstUsable: fu,
            lastUsable: lu, first: first, last: last, stepIntegral: step, linearIntegral: linear,
            usableMicroseconds: usable)
    }

    mutating func plot(reference: Summary) throws(RollupDecodingError) -> PlotSummary {
        let flags = try byte()
        let equal = flags & 64 != 0
        let references = [reference.firstUsable, reference.minimum, reference.maximum, reference.lastUsable]
        var points: [PlotPoint?] = [nil, nil, nil, nil]
        for index in 0..<4 where flags & (1 << index) != 0 {
            if equal {
                guard let timed = references[index] else { throw failure("a plot point without its summary value") }
                points[index] = PlotPoint(time: timed.time, value: timed.value, quality: try quality())
            } else {
                let time = try time()
                let value = try double()
                points[index] = PlotPoint(time: time, value: value, quality: try quality())
            }
        }
        var gaps: [PlotPoint?] = [nil, nil]
        for index in 0..<2 where flags & (16 << index) != 0 {
            let time = try time()
            gaps[index] = PlotPoint(time: time, value: nil, quality: try quality())
        }
        return PlotSummary(
            first: points[0], minimum: points[1], maximum: points[2], last: points[3], firstGap: gaps[0],
            trailingGap: gaps[1])
    }
}
