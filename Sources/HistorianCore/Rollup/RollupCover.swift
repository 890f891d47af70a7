import MillraceCore

/// One part of a time range as the engine reads it: a whole stored rollup bucket, or raw samples.
public enum RollupPiece: Hashable, Sendable {
    /// The raw samples in `[from, to)`.
    case raw(from: Int64, to: Int64)
    /// The stored rollup bucket of `resolution` starting at `start`.
    case rollup(RollupResolution, start: Int64)
}

/// Cuts a range into the fewest rollup buckets: the coarsest whole buckets in the middle, finer ones towards
/// the edges, and raw samples only for the parts not aligned to a minute. Pure arithmetic; tested alone.
public enum RollupCover {
    /// Appends the pieces covering `[from, to)`, in time order, using `resolutions` (coarsest first).
    public static func append(
        from: Int64, to: Int64, resolutions: ArraySlice<RollupResolution> = [.day, .hour, .minute],
        into pieces: inout [RollupPiece]
    ) {
        guard from < to else { return }
        guard let resolution = resolutions.first else {
            pieces.append(.raw(from: from, to: to))
            return
        }
        let finer = resolutions.dropFirst()
        let lower = resolution.ceiling(from)
        let upper = resolution.bucketStart(to)
        guard lower < upper else {
            append(from: from, to: to, resolutions: finer, into: &pieces)
            return
        }
        append(from: from, to: lower, resolutions: finer, into: &pieces)
        var start = lower
        while start < upper {
            pieces.append(.rollup(resolution, start: start))
            start += resolution.microseconds
        }
        append(from: upper, to: to, resolutions: finer, into: &pieces)
    }

    /// The pieces covering `[from, to)`.
    public static func pieces(from: Int64, to: Int64) -> [RollupPiece] {
        var pieces: [RollupPiece] = []
        append(from: from, to: to, into: &pieces)
        return pieces
    }

    /// Microseconds covered by raw pieces.
    public static func rawMicroseconds(_ pieces: [RollupPiece]) -> Int64 {
        pieces.reduce(0) { total, piece in
            if case .raw(let from, let to) = piece { return total + (to - from) }
            return total
        }
    }
}
