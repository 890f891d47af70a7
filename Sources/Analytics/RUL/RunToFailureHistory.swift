/// A health-indicator history of one unit that ran until it failed (or was taken out at its limit): the
/// library that similarity-based remaining-life estimation matches against.
public struct RunToFailureHistory: Hashable, Sendable {
    public let id: String
    /// Observations in time order; the last time is the failure time.
    public let observations: [HealthObservation]

    /// - Throws: `insufficientData` for fewer than 2 observations, `nonFiniteSample`, `irregularSampling` when
    ///   times do not increase.
    public init(id: String, observations: [HealthObservation]) throws(AnalyticsError) {
        guard observations.count >= 2 else {
            throw AnalyticsError(.insufficientData, "run-to-failure history \(id) has \(observations.count) observations; at least 2 are needed")
        }
        for (index, observation) in observations.enumerated() {
            guard observation.time.isFinite, observation.value.isFinite else {
                throw AnalyticsError(.nonFiniteSample, "history \(id), observation \(index) is not finite")
            }
            if index > 0, observation.time <= observations[index - 1].time {
                throw AnalyticsError(.irregularSampling, "history \(id), observation \(index) does not follow the one before")
            }
        }
        self.id = id
        self.observations = observations
    }

    public var failureTime: Double { observations[observations.count - 1].time }
    public var startTime: Double { observations[0].time }

    /// The indicator at `time` by linear interpolation, nil outside the history.
    func value(at time: Double) -> Double? {
        guard time >= startTime, time <= failureTime else { return nil }
        var low = 0
        var high = observations.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if observations[middle].time <= time { low = middle } else { high = middle }
        }
        let a = observations[low]
        let b = observations[high]
        let span = b.time - a.time
        return span > 0 ? a.value + (b.value - a.value) * (time - a.time) / span : a.value
    }
}
