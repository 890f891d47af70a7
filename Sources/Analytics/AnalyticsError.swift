/// Why an analytics function refused its input.
///
/// Every public function in `Analytics` validates its input and throws this error instead of trapping: an empty
/// waveform, a NaN from a broken sensor, a sample rate of zero or a band above the Nyquist frequency all end here.
/// Like PostgresNIO's `PSQLError`, it is a struct with a `Code`, so adding a code later breaks no `switch`.
public struct AnalyticsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of problem, stable for programs to test against.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case emptyInput, nonFiniteSample, invalidSampleRate, bandAboveNyquist, invalidBand, invalidParameter,
                lengthMismatch, insufficientData, badQuality, irregularSampling
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The waveform, spectrum or table has no elements.
        public static let emptyInput = Code(.emptyInput)
        /// A sample is NaN or infinite (often a sensor fault carried as NaN, see `DataValue.placeholder`).
        public static let nonFiniteSample = Code(.nonFiniteSample)
        /// The sample rate is zero, negative or not finite.
        public static let invalidSampleRate = Code(.invalidSampleRate)
        /// A frequency lies above half the sample rate (Nyquist), where the data holds no information.
        public static let bandAboveNyquist = Code(.bandAboveNyquist)
        /// A band's lower edge is not below its upper edge, or an edge is negative or not finite.
        public static let invalidBand = Code(.invalidBand)
        /// A numeric parameter is outside the range the function accepts.
        public static let invalidParameter = Code(.invalidParameter)
        /// Two arrays that must have the same length do not.
        public static let lengthMismatch = Code(.lengthMismatch)
        /// The input is valid but too short for the requested analysis.
        public static let insufficientData = Code(.insufficientData)
        /// A sample's quality is not good, or its value is not a number (see `Waveform.init(samples:unit:sampleRate:)`).
        public static let badQuality = Code(.badQuality)
        /// Sample times are not evenly spaced, so the block is not one waveform.
        public static let irregularSampling = Code(.irregularSampling)

        public var description: String { base.rawValue }
    }

    public var code: Code
    /// What was wrong, in words an engineer can act on, naming the parameter.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
