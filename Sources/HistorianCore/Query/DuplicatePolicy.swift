import MillraceCore

/// What the historian keeps when two samples of a tag have the same timestamp.
///
/// Millrace keeps one sample per tag and microsecond: **the last write wins**. A late correction, a
/// store-and-forward replay or a backfill replaces what was stored at that time (as PI's `Replace` update
/// option), and a read never returns two values for one time. Within one batch, the later element wins.
public enum DuplicatePolicy: String, Hashable, Sendable, Codable {
    /// The sample written last replaces the stored one (the default and the storage engine's rule).
    case lastWriteWins
    /// The stored sample is kept and the new one dropped (PI's `NoReplace`).
    case keepExisting

    /// `existing` and `incoming` merged into one array sorted by time with one sample per time.
    ///
    /// O(n + m) when both are sorted (the usual case: a stored chunk and a new batch); an unsorted input is
    /// first sorted stably, O(k log k). Among equal times, `incoming` beats `existing` under `.lastWriteWins`
    /// (and loses under `.keepExisting`); within one array, the later element wins.
    public func merge(sorted existing: [Sample], incoming: [Sample]) -> [Sample] {
        let old = Self.lastPerTime(Self.stablySorted(existing))
        let new = Self.lastPerTime(Self.stablySorted(incoming))
        var result: [Sample] = []
        result.reserveCapacity(old.count + new.count)
        var i = 0
        var j = 0
        while i < old.count, j < new.count {
            let a = old[i]
            let b = new[j]
            if a.time < b.time {
                result.append(a)
                i += 1
            } else if b.time < a.time {
                result.append(b)
                j += 1
            } else {
                result.append(self == .lastWriteWins ? b : a)
                i += 1
                j += 1
            }
        }
        result.append(contentsOf: old[i...])
        result.append(contentsOf: new[j...])
        return result
    }

    /// `DuplicatePolicy.lastWriteWins.merge(sorted:incoming:)`.
    public static func merge(sorted existing: [Sample], incoming: [Sample]) -> [Sample] {
        DuplicatePolicy.lastWriteWins.merge(sorted: existing, incoming: incoming)
    }

    static func stablySorted(_ samples: [Sample]) -> [Sample] {
        var sorted = true
        for index in samples.indices.dropFirst() where samples[index].time < samples[index - 1].time {
            sorted = false
            break
        }
        if sorted { return samples }
        return samples.enumerated()
            .sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
            .map(\.element)
    }

    /// Keeps the last sample of each run of equal times.
    static func lastPerTime(_ samples: [Sample]) -> [Sample] {
        var result: [Sample] = []
        result.reserveCapacity(samples.count)
        for sample in samples {
            if let last = result.last, last.time == sample.time {
                result[result.count - 1] = sample
            } else {
                result.append(sample)
            }
        }
        return result
    }
}
