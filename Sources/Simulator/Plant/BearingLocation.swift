/// Which bearing of a motor-driven machine a bearing fault is in.
public enum BearingLocation: String, Hashable, Sendable, CaseIterable {
    /// The bearing at the coupling (load) end, usually the larger one.
    case driveEnd = "drive_end"
    /// The bearing at the fan end.
    case nonDriveEnd = "non_drive_end"
}
