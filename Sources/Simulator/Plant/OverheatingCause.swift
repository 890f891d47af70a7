/// Why a motor winding overheats.
public enum OverheatingCause: String, Hashable, Sendable, CaseIterable {
    /// The driven machine demands more torque (up to 40 % over rating at severity 1).
    case overload
    /// The cooling air flow is lost (fan, fins): the steady temperature rise and the thermal time constant grow.
    case lossOfCooling = "loss_of_cooling"
}
