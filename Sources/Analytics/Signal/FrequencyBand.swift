/// A closed frequency range [lower, upper] in hertz (or orders, for angle-domain spectra).
///
/// A bin belongs to the band when lower ≤ f ≤ upper, both edges inclusive.
public struct FrequencyBand: Hashable, Sendable, Codable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double

    /// - Throws: `invalidBand` unless 0 ≤ lower < upper and both are finite.
    public init(lower: Double, upper: Double) throws(AnalyticsError) {
        guard lower.isFinite, upper.isFinite, lower >= 0, lower < upper else {
            throw AnalyticsError(
                .invalidBand, "a band needs 0 ≤ lower < upper (finite), not \(lower)…\(upper) Hz")
        }
        self.lower = lower
        self.upper = upper
    }

    /// 10–1000 Hz, the band of overall velocity severity in ISO 10816-1 §3 and ISO 10816-3 §4.3 for machines
    /// running between 600 and 12 000 r/min.
    public static let iso10816Velocity = FrequencyBand(unchecked: 10, 1000)

    init(unchecked lower: Double, _ upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    public func contains(_ frequency: Double) -> Bool { frequency >= lower && frequency <= upper }

    public var description: String { "\(DecimalFormat.compact(lower))–\(DecimalFormat.compact(upper)) Hz" }

    /// - Throws: `bandAboveNyquist` if the upper edge is above sampleRate/2.
    public func validate(sampleRate: Double) throws(AnalyticsError) {
        try Validation.requireSampleRate(sampleRate)
        guard upper <= sampleRate / 2 else {
            throw AnalyticsError(
                .bandAboveNyquist,
                "the band \(self) reaches above the Nyquist frequency \(sampleRate / 2) Hz of data sampled at \(sampleRate) Hz")
        }
    }

    private enum CodingKeys: String, CodingKey { case lower, upper }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let lower = try container.decode(Double.self, forKey: .lower)
        let upper = try container.decode(Double.self, forKey: .upper)
        do { try self.init(lower: lower, upper: upper) } catch {
            throw DecodingError.dataCorruptedError(forKey: .upper, in: container, debugDescription: error.message)
        }
    }
}
