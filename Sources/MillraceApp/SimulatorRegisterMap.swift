import MillraceConfiguration
import MillraceCore
import ModbusCore
import ModbusNIO
import Simulator

/// Where each simulated signal lives in the Modbus device, in a stable order (by asset, then signal name).
public struct SimulatorRegisterMap: Sendable {
    public struct Point: Sendable {
        var signal: PlantSignal
        var address: ModbusAddress
        var type: TagDataType
    }

    public private(set) var points: [Point] = []
    public private(set) var registerCount = 0
    public private(set) var coilCount = 0

    public init(signals: [PlantSignal]) {
        for signal in signals.sorted(by: { ($0.asset, $0.name) < ($1.asset, $1.name) }) {
            switch signal.value {
            case .double:
                guard let address = try? ModbusAddress(table: .holdingRegister, address: UInt16(clamping: registerCount)) else { continue }
                points.append(Point(signal: signal, address: address, type: .float32))
                registerCount += 2
            case .integer:
                guard let address = try? ModbusAddress(table: .holdingRegister, address: UInt16(clamping: registerCount)) else { continue }
                points.append(Point(signal: signal, address: address, type: .int64))
                registerCount += 4
            case .bool:
                guard let address = try? ModbusAddress(table: .coil, address: UInt16(clamping: coilCount)) else { continue }
                points.append(Point(signal: signal, address: address, type: .bool))
                coilCount += 1
            case .string:
                continue  // Text states are also served as codes (`state_code`).
            }
        }
    }

    public func write(_ signals: [PlantSignal], into registers: ModbusRegisterMap) {
        var values: [String: DataValue] = [:]
        for signal in signals { values["\(signal.asset)/\(signal.name)"] = signal.value }
        for point in points {
            guard let value = values["\(point.signal.asset)/\(point.signal.name)"] else { continue }
            switch (value, point.type) {
            case (.double(let number), .float32):
                let bits = Float(number).bitPattern
                registers.setHoldingRegisters(address: point.address.address, values: [UInt16(bits >> 16), UInt16(bits & 0xFFFF)])
            case (.integer(let number), .int64):
                let bits = UInt64(bitPattern: number)
                registers.setHoldingRegisters(
                    address: point.address.address,
                    values: [UInt16(bits >> 48 & 0xFFFF), UInt16(bits >> 32 & 0xFFFF), UInt16(bits >> 16 & 0xFFFF), UInt16(bits & 0xFFFF)])
            case (.bool(let on), .bool):
                registers.setCoils(address: point.address.address, values: [on])
            default:
                continue
            }
        }
    }

    /// A configuration that reads every point through one Modbus TCP connection.
    public func configuration(host: String, port: Int) -> MillraceConfiguration {
        var sites: [String: [String: (lines: [String: [AssetConfiguration]], assets: [AssetConfiguration])]] = [:]
        let byAsset = Dictionary(grouping: points, by: \.signal.asset)
        for (path, points) in byAsset {
            let segments = path.segments
            guard segments.count >= 3 else { continue }
            let tags = points.map { point in
                TagConfiguration(
                    id: TagID(unchecked: (segments + [point.signal.name]).joined(separator: ".")),
                    name: point.signal.name.replacingOccurrences(of: "_", with: " ").capitalizedFirst,
                    connection: "plant-sim", address: point.address.description, type: point.type,
                    unit: Self.unit(for: point.signal.name))
            }
            let asset = AssetConfiguration(id: segments.last!, name: segments.last!, type: Self.assetType(segments.last!), tags: tags)
            var site = sites[segments[0], default: [:]]
            var area = site[segments[1], default: ([:], [])]
            if segments.count == 3 {
                area.assets.append(asset)
            } else {
                area.lines[segments[2], default: []].append(asset)
            }
            site[segments[1]] = area
            sites[segments[0]] = site
        }
        let siteConfigurations = sites.sorted { $0.key < $1.key }.map { siteID, areas in
            SiteConfiguration(
                id: siteID, name: "Simulated plant",
                areas: areas.sorted { $0.key < $1.key }.map { areaID, area in
                    AreaConfiguration(
                        id: areaID, name: areaID,
                        lines: area.lines.sorted { $0.key < $1.key }.map { LineConfiguration(id: $0.key, name: $0.key, assets: $0.value.sorted { $0.id < $1.id }) },
                        assets: area.assets.sorted { $0.id < $1.id })
                })
        }
        return MillraceConfiguration(
            enterprise: "Millrace Demo Foods", sites: siteConfigurations,
            connections: [
                ConnectionConfiguration(
                    id: "plant-sim", name: "Simulated plant (Modbus TCP)", type: .modbusTCP, host: host, port: port, unitId: 1,
                    pipelineWindow: 4, maxGap: 10)
            ])
    }

    static func unit(for name: String) -> EngineeringUnit {
        let table: [(String, String)] = [
            ("temperature", "°C"), ("pressure", "bar"), ("flow", "m³/h"), ("belt_speed", "m/s"), ("speed", "rpm"), ("power_factor", ""),
            ("power", "kW"), ("energy", "kWh"), ("demand", "kW"), ("current", "A"), ("voltage", "V"),
            ("velocity", "mm/s"), ("npsh", "m"), ("duty", "%"),
        ]
        return EngineeringUnit(table.first { name.contains($0.0) }?.1 ?? "")
    }

    static func assetType(_ id: String) -> AssetType {
        for type in AssetType.allCases where id.contains(type.rawValue) { return type }
        if id.contains("meter") { return .meter }
        if id.contains("ahu") || id.contains("air-handling") { return .hvac }
        return .other
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
