/// The four characteristic defect frequencies of a bearing at one shaft speed, in Hz (or in orders when
/// `shaftFrequency` is 1, see `BearingGeometry.defectOrders`).
public struct BearingDefectFrequencies: Hashable, Sendable, Codable {
    /// The shaft (inner ring) speed f_r in Hz.
    public var shaftFrequency: Double
    /// Fundamental train (cage) frequency.
    public var ftf: Double
    /// Ball pass frequency, outer race: the rate at which elements roll over a point on the outer race.
    public var bpfo: Double
    /// Ball pass frequency, inner race.
    public var bpfi: Double
    /// Ball (roller) spin frequency; a rolling-element defect usually appears at 2 × BSF.
    public var bsf: Double

    public init(shaftFrequency: Double, ftf: Double, bpfo: Double, bpfi: Double, bsf: Double) {
        self.shaftFrequency = shaftFrequency
        self.ftf = ftf
        self.bpfo = bpfo
        self.bpfi = bpfi
        self.bsf = bsf
    }

    /// Each frequency divided by the shaft frequency (orders); all zero for a stopped shaft.
    public var orders: BearingDefectFrequencies {
        guard shaftFrequency > 0 else {
            return BearingDefectFrequencies(shaftFrequency: 1, ftf: 0, bpfo: 0, bpfi: 0, bsf: 0)
        }
        let f = shaftFrequency
        return BearingDefectFrequencies(shaftFrequency: 1, ftf: ftf / f, bpfo: bpfo / f, bpfi: bpfi / f, bsf: bsf / f)
    }
}
