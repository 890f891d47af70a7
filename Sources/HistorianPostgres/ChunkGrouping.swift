import MillraceCore

/// Where a tag's staged samples are cut into chunks when they are folded (ADR 0010).
///
/// Samples newer than the tag's newest chunk are grouped in time order; a group is closed when it holds
/// `capacity` samples or when the next sample is `span` or more after the group's first. Closed groups become
/// chunks; the open group at the end stays in the staging table until it closes, unless the fold is forced.
/// Pure: the same rule cuts the times (to decide what to take out of staging) and the samples (to encode them).
struct ChunkGrouping: Sendable {
    var capacity: Int
    var span: Duration

    /// The ranges of `times` (sorted ascending) that form closed groups, and the index where the open group
    /// starts (`times.count` if every group is closed).
    func groups(_ times: [Int64]) -> (closed: [Range<Int>], openStart: Int) {
        var closed: [Range<Int>] = []
        var start = 0
        let spanMicroseconds = span.microseconds
        for index in times.indices where index > start {
            if index - start >= capacity || times[index] - times[start] >= spanMicroseconds {
                closed.append(start..<index)
                start = index
            }
        }
        if times.count - start >= capacity {
            closed.append(start..<times.count)
            start = times.count
        }
        return (closed, start)
    }
}
