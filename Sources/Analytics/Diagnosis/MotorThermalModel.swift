#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A first-order thermal model of an induction motor's winding: what the winding temperature should be for the
/// current it carries and the air that cools it.
///
/// τ·dT/dt = T_ambient + ΔT_rated·(a + (1 − a)·(I/I_rated)²) − T, with a = 0.3 the share of fixed (iron and
/// friction) losses in the rated losses and the rest copper losses ∝ I² (IEC 60034-2-1 loss segregation;
/// the single-body thermal model of IEC 60034-1 §8 and IEC 60255-149 thermal relays). The rated rise and the
/// reference ambient are learned from healthy data with `fit(on:ratedCurrent:)`, so the model is the machine's
/// own baseline.
public struct MotorThermalModel: Hashable, Sendable, Codable {
    public var ratedCurrent: Double
    /// Winding rise over ambient at rated current, K.
    public var ratedRise: Double
    /// Winding thermal time constant, s.
    public var timeConstant: Double
    /// Ambient used when a sample carries none, °C (learned: the intercept of the fit).
    public var referenceAmbient: Double
    /// Share of losses that do not depend on load.
    public var fixedLossFraction: Double
    /// RMS difference between the model and the training data, K: the model's own noise.
    public var residualRMS: Double

    public init(
        ratedCurrent: Double, ratedRise: Double, timeConstant: Double, referenceAmbient: Double = 40,
        fixedLossFraction: Double = 0.3, residualRMS: Double = 1
    ) {
        self.ratedCurrent = ratedCurrent
        self.ratedRise = ratedRise
        self.timeConstant = timeConstant
        self.referenceAmbient = referenceAmbient
        self.fixedLossFraction = fixedLossFraction
        self.residualRMS = residualRMS
    }

    /// Losses relative to rated losses at `current`.
    public func lossRatio(current: Double) -> Double {
        let ratio = ratedCurrent > 0 ? current / ratedCurrent : 0
        return fixedLossFraction + (1 - fixedLossFraction) * ratio * ratio
    }

    /// The modelled winding temperature at each sample, starting from the thermal steady state of the first
    /// (an assumption that holds for a motor that has been running at a steady load for about 3τ).
    public func expectedTemperatures(for samples: [MotorThermalSample]) -> [Double] {
        let filtered = Self.filteredLoss(samples, model: self, timeConstant: timeConstant)
        return zip(samples, filtered).map { sample, loss in (sample.ambient ?? referenceAmbient) + ratedRise * loss }
    }

    /// The loss ratio passed through the first-order lag (exact discretisation for piecewise-constant input).
    static func filteredLoss(_ samples: [MotorThermalSample], model: MotorThermalModel, timeConstant: Double) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(samples.count)
        var state = samples.first.map { model.lossRatio(current: $0.current) } ?? 0
        var previousTime = samples.first?.time ?? 0
        for sample in samples {
            let dt = max(0, sample.time - previousTime)
            let alpha = timeConstant > 0 ? 1 - exp(-dt / timeConstant) : 1
            state += alpha * (model.lossRatio(current: sample.current) - state)
            previousTime = sample.time
            result.append(state)
        }
        return result
    }

    /// Learns the rated rise, reference ambient and time constant from healthy samples by least squares:
    /// T − T_amb = c₀ + ΔT_rated·L̃(τ), with L̃ the lagged loss ratio and τ chosen from 5 to 80 minutes.
    /// - Throws: `insufficientData` for fewer than 10 samples or a load that never varies; `nonFiniteSample`;
    ///   `invalidParameter` for a non-positive rated current or times that go backwards.
    public static func fit(on samples: [MotorThermalSample], ratedCurrent: Double) throws(AnalyticsError) -> MotorThermalModel {
        guard ratedCurrent.isFinite, ratedCurrent > 0 else {
            throw AnalyticsError(.invalidParameter, "ratedCurrent is \(ratedCurrent); it must be a finite number above 0")
        }
        try validate(samples)
        guard samples.count >= 10 else {
            throw AnalyticsError(.insufficientData, "a thermal model needs at least 10 samples, not \(samples.count)")
        }
        var best: MotorThermalModel?
        for minutes in [5.0, 10, 15, 20, 30, 40, 60, 80] {
            let tau = minutes * 60
            let template = MotorThermalModel(ratedCurrent: ratedCurrent, ratedRise: 1, timeConstant: tau, referenceAmbient: 0)
            let x = filteredLoss(samples, model: template, timeConstant: tau)
            let y = samples.map { $0.windingTemperature - ($0.ambient ?? 0) }
            let n = Double(x.count)
            let mx = x.reduce(0, +) / n
            let my = y.reduce(0, +) / n
            var sxx = 0.0
            var sxy = 0.0
            for i in x.indices {
                sxx += (x[i] - mx) * (x[i] - mx)
                sxy += (x[i] - mx) * (y[i] - my)
            }
            guard sxx > 1e-12 * n else { continue }
            let slope = sxy / sxx
            let intercept = my - slope * mx
            var sse = 0.0
            for i in x.indices {
                let r = y[i] - intercept - slope * x[i]
                sse += r * r
            }
            let candidate = MotorThermalModel(
                ratedCurrent: ratedCurrent, ratedRise: slope, timeConstant: tau, referenceAmbient: intercept,
                residualRMS: (sse / n).squareRoot())
            if let current = best, current.residualRMS <= candidate.residualRMS { continue }
            best = candidate
        }
        guard let best, best.ratedRise > 0 else {
            throw AnalyticsError(
                .insufficientData, "the load never varied enough in the training data to learn the winding's thermal rise")
        }
        return best
    }

    static func validate(_ samples: [MotorThermalSample]) throws(AnalyticsError) {
        guard !samples.isEmpty else { throw AnalyticsError(.emptyInput, "no thermal samples") }
        for (index, sample) in samples.enumerated() {
            guard sample.isFinite else {
                throw AnalyticsError(.nonFiniteSample, "thermal sample \(index) has a value that is not a finite number")
            }
            if index > 0, sample.time < samples[index - 1].time {
                throw AnalyticsError(.invalidParameter, "thermal sample \(index) is earlier than the one before it")
            }
        }
    }
}
