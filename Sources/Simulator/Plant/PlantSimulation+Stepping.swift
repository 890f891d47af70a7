import MillraceCore

extension PlantSimulation {
    /// The equipment faults of a unit at `time`.
    func effects(_ indices: [Int], at time: Timestamp) -> FaultEffects {
        var effects = FaultEffects.none
        for index in indices {
            effects.add(scenarios[index].fault, severity: scenarios[index].severity(at: time))
        }
        return effects
    }

    /// One lock-step of every asset, couplings first.
    mutating func stepAll(seconds dt: Double) {
        let now = time
        let status = layout.calendar.status(at: now)
        // The hall's air (for line motors) and the utility rooms' (warmer, partly outdoor-ventilated).
        let hall = hvacUnits.first?.model.zoneTemperature ?? 22
        let outdoor = hvacUnits.first?.model.outdoorTemperature ?? 14
        let utilityRoom = 0.5 * hall + 0.5 * outdoor + 6

        var producingLines = 0
        for index in fillers.indices {
            if !fillers[index].scenarios.isEmpty {
                fillers[index].model.effects = effects(fillers[index].scenarios, at: now)
            }
            fillers[index].model.step(seconds: dt)
            let filler = fillers[index].model
            if filler.state == .running { producingLines += 1 }
            if !conveyors[index].scenarios.isEmpty {
                conveyors[index].model.effects = effects(conveyors[index].scenarios, at: now)
            }
            conveyors[index].model.command(
                plannedStop: filler.state == .plannedStop, lineDown: filler.state.downReason != nil)
            conveyors[index].model.throughput = filler.throughput
            conveyors[index].model.motor.ambient = hall
            conveyors[index].model.step(seconds: dt)
        }
        let production = fillers.isEmpty ? 0 : Double(producingLines) / Double(fillers.count)

        for index in pumps.indices {
            if !pumps[index].scenarios.isEmpty { pumps[index].model.effects = effects(pumps[index].scenarios, at: now) }
            pumps[index].model.motor.ambient = utilityRoom
            pumps[index].model.step(seconds: dt)
        }
        for index in compressors.indices {
            if !compressors[index].scenarios.isEmpty {
                compressors[index].model.effects = effects(compressors[index].scenarios, at: now)
            }
            compressors[index].model.production = production
            compressors[index].model.motor.ambient = utilityRoom
            compressors[index].model.step(seconds: dt)
        }
        var heatingDemand = 0.0
        for index in hvacUnits.indices {
            if !hvacUnits[index].scenarios.isEmpty {
                hvacUnits[index].model.effects = effects(hvacUnits[index].scenarios, at: now)
            }
            // Occupied during shifts (breaks included) and the hour before the first shift of a working day.
            let preheat = layout.calendar.status(at: now + .seconds(3600)).shift != nil
            hvacUnits[index].model.occupied = status.shift != nil || preheat
            hvacUnits[index].model.producing = production > 0
            hvacUnits[index].model.step(seconds: dt)
            heatingDemand += hvacUnits[index].model.heatingDemand
        }
        for index in boilers.indices {
            if !boilers[index].scenarios.isEmpty {
                boilers[index].model.effects = effects(boilers[index].scenarios, at: now)
            }
            boilers[index].model.producing = status.shift != nil
            boilers[index].model.heatingDemand = heatingDemand / Double(boilers.count)
            boilers[index].model.step(seconds: dt)
        }
        meter.model.power = totalPower(occupied: status.shift != nil)
        meter.model.step(seconds: dt)
    }

    /// Everything behind the main meter, kW.
    func totalPower(occupied: Bool) -> Double {
        var total = occupied ? layout.baseLoadOccupied : layout.baseLoadUnoccupied
        for unit in conveyors { total += unit.model.motor.power }
        for unit in fillers { total += unit.model.power }
        for unit in pumps { total += unit.model.motor.power }
        for unit in compressors { total += unit.model.motor.power }
        for unit in hvacUnits { total += unit.model.power }
        for unit in boilers { total += 0.8 + unit.model.parameters.auxiliaryPower * unit.model.firing }
        return total
    }
}
