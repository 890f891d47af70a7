extension VibrationSource {
    /// Copies the mechanical fault severities.
    mutating func apply(_ effects: FaultEffects) {
        imbalance = effects.imbalance
        misalignment = effects.misalignment
        looseness = effects.looseness
        lubrication = effects.lubrication
        outerRace = effects.outerRace
        innerRace = effects.innerRace
        ball = effects.ball
    }
}
