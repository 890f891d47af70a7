/// What a machine's vibration looks like when it is healthy, learned from measurements the caller vouches for
/// (after commissioning or an overhaul), so findings can say "against baseline X" instead of against a generic
/// limit.
///
/// ISO 13373-1 §7.2 and ISO 20816-1 Annex D recommend exactly this: judge a machine first by the change from its
/// own reference. Each value is the median over the blocks, so a few unusual blocks do not move it. Orders are
/// stored as multiples of running speed, so a baseline learned at one speed applies at a nearby one.
public struct VibrationBaseline: Hashable, Sendable {
    /// How findings name it ("pump-1 after overhaul, 2026-01").
    public let name: String
    public let blockCount: Int
    /// Running speed during learning, Hz.
    public let shaftFrequency: Double
    /// Radial velocity, mm/s RMS, at orders 0.5, 1, 1.5, …, 10 (index i holds order (i+1)/2).
    public let radialOrders: [Double]
    /// Axial velocity at the same orders; empty when no block had an axial channel.
    public let axialOrders: [Double]
    /// Envelope amplitude at each bearing line ("BPFO", "2×BPFI", "BPFI−1×", …), in the acceleration unit.
    public let envelopeLines: [String: Double]
    /// Overall radial velocity, mm/s RMS (10–1000 Hz).
    public let velocityRMS: Double
    public let highBandRMS: Double
    public let midBandRMS: Double
    /// Kurtosis of the radial acceleration (3 for Gaussian noise), when defined.
    public let kurtosis: Double?

    /// The orders the baseline keeps: 0.5 to 10 in steps of 0.5.
    public static let orders: [Double] = (1...20).map { Double($0) / 2 }

    /// Learns the baseline from healthy measurements taken at the context's running speed.
    /// - Throws: `emptyInput` without measurements; `invalidParameter` for a bad running speed.
    public static func learn(
        name: String, from measurements: [VibrationMeasurement], context: MachineContext
    ) throws(AnalyticsError) -> VibrationBaseline {
        guard !measurements.isEmpty else {
            throw AnalyticsError(.emptyInput, "a vibration baseline needs at least one healthy measurement")
        }
        try context.validate()
        let fr = context.shaftFrequency
        func medianOrZero(_ values: [Double]) -> Double { SpectrumReading.median(values) ?? 0 }
        let radial = orders.map { order in
            medianOrZero(measurements.compactMap { $0.velocity(atOrder: order, shaftFrequency: fr)?.velocity })
        }
        let axialMeasurements = measurements.filter { $0.axialSpectrum != nil }
        let axial =
            axialMeasurements.isEmpty
            ? []
            : orders.map { order in
                medianOrZero(axialMeasurements.compactMap { $0.velocity(atOrder: order, shaftFrequency: fr, axial: true)?.velocity })
            }
        var lines: [String: Double] = [:]
        if let bearing = context.bearing, let defects = try? bearing.geometry.defectFrequencies(shaftFrequency: fr) {
            for pattern in BearingPattern.all(for: defects, harmonics: BearingDiagnoser.defaultHarmonics) {
                for line in pattern.lines {
                    let amplitudes = measurements.compactMap { measurement -> Double? in
                        guard line.frequency < measurement.envelope.maximumFrequency else { return nil }
                        return SpectrumReading.line(in: measurement.envelope, near: line.frequency, relativeTolerance: 0.02).amplitude
                    }
                    if let median = SpectrumReading.median(amplitudes) { lines[line.label] = median }
                }
            }
        }
        return VibrationBaseline(
            name: name, blockCount: measurements.count, shaftFrequency: fr, radialOrders: radial, axialOrders: axial,
            envelopeLines: lines, velocityRMS: medianOrZero(measurements.map(\.features.velocityRMS)),
            highBandRMS: medianOrZero(measurements.map(\.highBandRMS)),
            midBandRMS: medianOrZero(measurements.map(\.midBandRMS)),
            kurtosis: SpectrumReading.median(measurements.compactMap(\.features.kurtosis)))
    }

    public init(
        name: String, blockCount: Int, shaftFrequency: Double, radialOrders: [Double], axialOrders: [Double],
        envelopeLines: [String: Double], velocityRMS: Double, highBandRMS: Double, midBandRMS: Double,
        kurtosis: Double?
    ) {
        self.name = name
        self.blockCount = blockCount
        self.shaftFrequency = shaftFrequency
        self.radialOrders = radialOrders
        self.axialOrders = axialOrders
        self.envelopeLines = envelopeLines
        self.velocityRMS = velocityRMS
        self.highBandRMS = highBandRMS
        self.midBandRMS = midBandRMS
        self.kurtosis = kurtosis
    }

    /// The baseline velocity at `order` (a multiple of 0.5 from 0.5 to 10), radial or axial; nil otherwise.
    public func velocity(atOrder order: Double, axial: Bool = false) -> Double? {
        let index = Int((order * 2).rounded()) - 1
        let table = axial ? axialOrders : radialOrders
        guard order.isFinite, index >= 0, index < table.count, abs(Double(index + 1) / 2 - order) < 1e-9 else { return nil }
        return table[index]
    }

    /// "baseline 'name'", for evidence.
    var sourceName: String { "baseline '\(name)'" }
}
