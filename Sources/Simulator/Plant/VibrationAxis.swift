/// The measurement direction of a vibration transducer on a bearing housing.
public enum VibrationAxis: String, Hashable, Sendable, CaseIterable {
    /// Perpendicular to the shaft (horizontal), where imbalance and bearing defects show most.
    case radial
    /// Along the shaft, where misalignment shows most.
    case axial
}
