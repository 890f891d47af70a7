/// The envelope-spectrum lines that make up one bearing defect's signature (Randall & Antoni 2011, "Rolling
/// element bearing diagnostics — a tutorial", MSSP 25(2), §2 and Fig. 3):
///
/// - outer race: BPFO and its harmonics, no modulation (the outer ring is stationary in the load zone);
/// - inner race: BPFI and harmonics, with sidebands at ±1× because the defect passes through the load zone once
///   per revolution;
/// - rolling element: 2×BSF (the defect strikes both races per spin) and harmonics, with sidebands at ±FTF
///   because the element travels with the cage, and often the FTF line itself.
struct BearingPattern: Hashable, Sendable {
    enum Role: Hashable, Sendable {
        case fundamental, harmonic, sideband
    }

    struct Line: Hashable, Sendable {
        var label: String
        var frequency: Double
        var role: Role
    }

    var fault: DiagnosedFault
    var lines: [Line]

    /// The patterns of the three defects for `defects` (Hz), with `harmonics` harmonics each.
    static func all(for defects: BearingDefectFrequencies, harmonics: Int) -> [BearingPattern] {
        let fr = defects.shaftFrequency
        let count = max(1, harmonics)
        func series(_ name: String, _ base: Double, _ harmonicName: (Int) -> String) -> [Line] {
            (1...count).map { k in
                Line(label: k == 1 ? name : harmonicName(k), frequency: Double(k) * base, role: k == 1 ? .fundamental : .harmonic)
            }
        }
        let outer = BearingPattern(fault: .outerRaceDefect, lines: series("BPFO", defects.bpfo) { "\($0)×BPFO" })
        let inner = BearingPattern(
            fault: .innerRaceDefect,
            lines: series("BPFI", defects.bpfi) { "\($0)×BPFI" } + [
                Line(label: "BPFI−1×", frequency: defects.bpfi - fr, role: .sideband),
                Line(label: "BPFI+1×", frequency: defects.bpfi + fr, role: .sideband),
            ])
        let ball = BearingPattern(
            fault: .ballDefect,
            lines: series("2×BSF", 2 * defects.bsf) { "\(2 * $0)×BSF" } + [
                Line(label: "2×BSF−FTF", frequency: 2 * defects.bsf - defects.ftf, role: .sideband),
                Line(label: "2×BSF+FTF", frequency: 2 * defects.bsf + defects.ftf, role: .sideband),
            ])
        return [outer, inner, ball]
    }
}
