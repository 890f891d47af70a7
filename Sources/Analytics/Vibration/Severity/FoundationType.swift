/// Foundation classification of ISO 10816-3 §3.3: rigid when the lowest natural frequency of the machine and its
/// support is at least 25 % above the main excitation frequency (usually running speed), flexible otherwise.
public enum FoundationType: String, Hashable, Sendable, Codable, CaseIterable {
    case rigid
    case flexible
}
