/// A small example configuration (`millrace config example`): one motor fed by the in-process simulator.
/// (`millrace run` without a configuration runs the full plant simulator over Modbus instead.)
public enum DemoPlant {
    public static let label = "<built-in demo plant>"

    public static let yaml = """
        # Millrace demo plant: one packaging line whose conveyor is driven by a simulated motor.
        # Copy it with `millrace config example > plant.yaml`, edit, check with `millrace config check plant.yaml`.
        version: 1
        enterprise: Millrace Demo Foods
        sites:
          - id: demo
            name: Demo plant
            timezone: UTC
            areas:
              - id: packaging
                name: Packaging
                lines:
                  - id: line-1
                    name: Line 1
                    assets:
                      - id: conveyor-motor
                        name: Conveyor drive motor
                        type: motor
                        nameplate:
                          manufacturer: Simulated Motors Inc.
                          ratedPower: 7.5 kW
                          ratedSpeed: 1780 rpm
                          ratedCurrent: 14 A
                        tags:
                          - id: line1.conveyor.motor.winding_temp
                            name: Winding temperature
                            connection: sim
                            address: winding_temperature
                            type: float64
                            unit: °C
                            deadband: 0.05
                          - id: line1.conveyor.motor.current
                            name: Motor current
                            connection: sim
                            address: current
                            type: float64
                            unit: A
                          - id: line1.conveyor.motor.vibration_rms
                            name: Vibration velocity RMS
                            connection: sim
                            address: vibration_rms
                            type: float64
                            unit: mm/s
                          - id: line1.conveyor.motor.speed
                            name: Shaft speed
                            connection: sim
                            address: speed
                            type: float64
                            unit: rpm
                          - id: line1.conveyor.motor.running
                            name: Running
                            connection: sim
                            address: running
                            type: bool
        connections:
          - id: sim
            name: Built-in simulator
            type: simulator
            model: motor
            seed: 42
            pollInterval: 1s
        storage:
          directory: data
        http:
          host: 127.0.0.1
          port: 8080

        """
}
