import Analytics
import ArgumentParser
import Foundation
import MillraceConfiguration
import MillraceCore
import Simulator

/// `millrace analyze`: condition-monitoring analyses on files exported from any system.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze", abstract: "Analyse exported measurements offline.",
        subcommands: [Vibration.self, Anomalies.self, RUL.self, ExampleWaveform.self])

    /// `millrace analyze vibration FILE --rate HZ --rpm N [--bearing 6205]`.
    struct Vibration: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Features, ISO 10816 zone, bearing frequencies and a diagnosis with evidence for one acceleration waveform.",
            discussion: """
                FILE is text with one sample per line, or delimited columns (`,` `;` tab or spaces); the last column is
                used unless --column is given; a header line is skipped. Without a baseline, peaks are judged against
                the spectrum's own noise floor.
                """)

        @Argument(help: "The waveform file.") var file: String
        @Option(help: "Sample rate in Hz.") var rate: Double
        @Option(help: "Shaft speed in rpm.") var rpm: Double
        @Option(help: "Bearing designation from the catalogue, e.g. 6205.") var bearing: String?
        @Option(help: "A Millrace configuration whose `bearings:` add to or override the built-in catalogue.") var config: String?
        @Option(help: "Acceleration unit of the samples: g or m/s2.") var unit = "g"
        @Option(help: "The 1-based column holding the samples.") var column: Int?
        @Option(help: "ISO 10816-3 machine group: 1 (large) or 2 (medium, 15–300 kW).") var group = 2
        @Option(help: "Write the envelope spectrum with the defect frequencies marked to this SVG file.") var svg: String?

        func validate() throws {
            guard rate.isFinite, rate > 0 else { throw ValidationError("--rate must be a positive number of Hz") }
            guard rpm.isFinite, rpm > 0 else { throw ValidationError("--rpm must be a positive number") }
            guard unit == "g" || unit == "m/s2" else { throw ValidationError("--unit must be g or m/s2") }
            guard group == 1 || group == 2 else { throw ValidationError("--group must be 1 or 2") }
        }

        func run() throws {
            let catalogue: BearingCatalogue
            do {
                catalogue = try BearingCatalogue.configured(path: config)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            if let bearing, catalogue.entry(for: bearing) == nil {
                printError("error: --bearing: '\(bearing)' is not in the bearing catalogue\(config == nil ? " (add it under bearings: in a configuration given with --config)" : "")")
                throw ExitCode(2)
            }
            let samples: [Double]
            do {
                samples = try WaveformFile.read(path: file, column: column)
            } catch {
                printError("error: \(error)")
                throw ExitCode(2)
            }
            let accelerationUnit: AccelerationUnit = unit == "g" ? .standardGravity : .metresPerSecondSquared
            let context = MachineContext(
                asset: (file as NSString).lastPathComponent, location: "", shaftFrequency: rpm / 60,
                bearing: bearing.flatMap { catalogue.entry(for: $0) },
                severityCriteria: .iso10816Part3(group: group == 1 ? .group1 : .group2, foundation: .rigid))
            do {
                let measurement = try VibrationMeasurement(radial: samples, sampleRate: rate, unit: accelerationUnit)
                let features = measurement.features
                let assessment = try context.severityCriteria.assess(velocityRMS: features.velocityRMS)
                print("\(samples.count) samples at \(rate) Hz (\(String(format: "%.2f", Double(samples.count) / rate)) s), shaft \(rpm) rpm = \(String(format: "%.2f", rpm / 60)) Hz")
                print(String(format: "velocity RMS (10–1000 Hz): %.3f mm/s", features.velocityRMS))
                print(String(format: "acceleration RMS %.4f, peak %.4f %@", features.accelerationRMS, features.accelerationPeak, unit))
                if let crest = features.crestFactor { print(String(format: "crest factor %.2f", crest)) }
                if let kurtosis = features.kurtosis { print(String(format: "kurtosis %.2f (3 for Gaussian noise)", kurtosis)) }
                print("ISO 10816: \(assessment.explanation)")
                var frequencies: BearingDefectFrequencies?
                if let entry = context.bearing {
                    let defect = try entry.geometry.defectFrequencies(rpm: rpm)
                    frequencies = defect
                    print(String(format: "bearing %@: BPFO %.2f Hz, BPFI %.2f Hz, BSF %.2f Hz, FTF %.2f Hz", entry.designation, defect.bpfo, defect.bpfi, defect.bsf, defect.ftf))
                }
                // Without a baseline every running machine shows a 1× peak above the noise floor: shaft findings are
                // only reported when the overall level has left ISO zones A and B, so a healthy machine stays quiet.
                var findings: [Finding] = []
                if context.bearing != nil { findings += try BearingDiagnoser().diagnose(measurement, context: context) }
                if assessment.zone == .c || assessment.zone == .d {
                    findings += try ShaftFaultDiagnoser().diagnose(measurement, context: context)
                }
                if findings.isEmpty {
                    print("diagnosis: no fault pattern stands out of the noise floor")
                } else {
                    for finding in findings { print("finding: " + finding.explanation) }
                }
                if let svg {
                    try SpectrumPlot.svg(measurement.envelope, title: "Envelope spectrum — \(context.asset)", markers: frequencies)
                        .write(toFile: svg, atomically: true, encoding: .utf8)
                    print("envelope spectrum written to \(svg)")
                }
            } catch let error as AnalyticsError {
                printError("error: \(error)")
                throw ExitCode(2)
            }
        }
    }

    /// `millrace analyze example-waveform`: a simulated waveform to try the analysis on.
    struct ExampleWaveform: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "example-waveform",
            abstract: "Write a simulated acceleration waveform (in g) of a machine with a 6205 bearing, healthy or with a fault.")

        @Option(help: "none, outer_race, inner_race, ball, imbalance, misalignment, looseness, lubrication or cavitation.") var fault = "none"
        @Option(help: "Fault severity from 0 to 1.") var severity = 0.5
        @Option(help: "Shaft speed in rpm.") var rpm = 1797.0
        @Option(help: "Sample rate in Hz.") var rate = 25_600.0
        @Option(help: "Number of samples.") var samples = 65_536
        @Option(help: "Random seed.") var seed: UInt64 = 1
        @Option(help: "The output file (one sample per line).") var output: String

        func run() throws {
            var source = VibrationSource(shaftFrequency: rpm / 60)
            let severity = min(1, max(0, self.severity))
            switch fault {
            case "none": break
            case "outer_race": source.outerRace = severity
            case "inner_race": source.innerRace = severity
            case "ball": source.ball = severity
            case "imbalance": source.imbalance = severity
            case "misalignment": source.misalignment = severity
            case "looseness": source.looseness = severity
            case "lubrication": source.lubrication = severity
            case "cavitation": source.cavitation = severity
            default: throw ValidationError("--fault: '\(fault)' is not one of none, outer_race, inner_race, ball, imbalance, misalignment, looseness, lubrication, cavitation")
            }
            let block = VibrationSynthesizer(sampleRate: rate, sampleCount: max(1024, samples))
                .block(of: source, start: Timestamp(seconds: 1_767_225_600), seed: seed)
            var text = "acceleration_g\n"
            text.reserveCapacity(block.samples.count * 12)
            for value in block.samples { text += String(format: "%.6f\n", value) }
            try text.write(toFile: output, atomically: true, encoding: .utf8)
            print("wrote \(block.samples.count) samples at \(rate) Hz to \(output)")
        }
    }
}

/// Reads a waveform from text: one number per line, or delimited columns.
enum WaveformFile {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    static func read(path: String, column: Int?) throws -> [Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(description: "\(path): the file does not exist or cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ReadError(description: "\(path): the file is not UTF-8 text")
        }
        var samples: [Double] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" || $0 == " " })
            let index = column.map { $0 - 1 } ?? fields.count - 1
            guard index >= 0, index < fields.count else {
                throw ReadError(description: "\(path):\(lineNumber): no column \(index + 1) (the line has \(fields.count))")
            }
            guard let value = Double(fields[index]) else {
                if samples.isEmpty && lineNumber == 1 { continue }  // A header.
                throw ReadError(description: "\(path):\(lineNumber): '\(fields[index].prefix(40))' is not a number")
            }
            guard value.isFinite else {
                throw ReadError(description: "\(path):\(lineNumber): the sample is \(value); expected a finite number")
            }
            samples.append(value)
        }
        guard samples.count >= 1024 else {
            throw ReadError(description: "\(path): \(samples.count) samples; a vibration analysis needs at least 1024")
        }
        return samples
    }
}

/// A small SVG chart of a spectrum, with defect frequencies marked.
enum SpectrumPlot {
    static func svg(_ spectrum: AmplitudeSpectrum, title: String, markers: BearingDefectFrequencies?) -> String {
        let maxFrequency = min(spectrum.frequency(ofBin: spectrum.amplitudes.count - 1), max(500, (markers?.bpfi ?? 100) * 4))
        let bins = spectrum.amplitudes.indices.filter { spectrum.frequency(ofBin: $0) <= maxFrequency }
        let peak = max(bins.map { spectrum.amplitudes[$0] }.max() ?? 1, 1e-12)
        let (width, height, left, bottom) = (900.0, 360.0, 50.0, 320.0)
        func x(_ f: Double) -> Double { left + f / maxFrequency * (width - left - 10) }
        func y(_ a: Double) -> Double { bottom - a / peak * (bottom - 30) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">\n"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n<text x=\"\(left)\" y=\"18\" font-size=\"14\">\(title.replacingOccurrences(of: "<", with: "&lt;"))</text>\n"
        svg += "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1\" points=\""
        svg += bins.map { String(format: "%.1f,%.1f", x(spectrum.frequency(ofBin: $0)), y(spectrum.amplitudes[$0])) }.joined(separator: " ")
        svg += "\"/>\n<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"black\"/>\n"
        for tick in stride(from: 0.0, through: maxFrequency, by: maxFrequency / 10) {
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%.0f</text>\n", x(tick), bottom + 16, tick)
        }
        svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">Hz</text>\n", width / 2, bottom + 34)
        if let markers {
            for (name, frequency, colour) in [("BPFO", markers.bpfo, "#cf222e"), ("BPFI", markers.bpfi, "#8250df"), ("BSF", markers.bsf, "#bf8700"), ("FTF", markers.ftf, "#1a7f37")] {
                for harmonic in 1...3 where frequency * Double(harmonic) <= maxFrequency {
                    let position = x(frequency * Double(harmonic))
                    svg += String(format: "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%@\" stroke-dasharray=\"4 3\"/>\n", position, position, bottom, colour)
                    svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" fill=\"%@\">%@%@</text>\n", position + 2, 30 + Double(harmonic) * 12, colour, harmonic == 1 ? "" : "\(harmonic)×", name)
                }
            }
        }
        return svg + "</svg>\n"
    }
}

extension BearingCatalogue {
    /// The built-in catalogue with the `bearings:` of the configuration at `path` over it (the built-in one alone
    /// without a path).
    static func configured(path: String?) throws -> BearingCatalogue {
        guard let path else { return .builtIn }
        let configuration = try ConfigurationLoader.load(path: path)
        let entries = try configuration.bearings.map { bearing in
            BearingCatalogueEntry(
                designation: bearing.designation,
                geometry: try BearingGeometry(
                    rollingElementCount: bearing.rollingElements, rollingElementDiameter: bearing.ballDiameter,
                    pitchDiameter: bearing.pitchDiameter, contactAngle: bearing.contactAngle),
                source: bearing.source ?? "configuration \(path)")
        }
        return BearingCatalogue.builtIn.overriding(with: entries)
    }
}
