import Analytics
import MillraceCore

/// Anomaly detection and the motor thermal diagnoser on live tags, per asset: rows assembled from the live
/// samples (`LiveRowAssembler`), a training window from the monitor's start (`trainingWindow`, rows after it
/// are never trained on), then every row scored by an `AnomalyMonitor` and turned into events by
/// `AnomalyEpisodes`, and every `thermalEvery` rows the `MotorThermalDiagnoser` against a thermal model fitted
/// on the same training rows, through a `FindingHysteresis`. A value type without I/O; `LiveAnomalyService`
/// feeds it the live bus and stores what it decides.
public struct LiveAnomalyMonitor: Sendable {
    public struct Configuration: Hashable, Sendable {
        /// Rows from the start within this window train the models (the user's choice; ADR 0020).
        public var trainingWindow: Duration
        /// At least this many rows are needed to train; training waits for them if the window held fewer.
        public var minimumTrainingRows: Int
        public var rowInterval: Duration
        public var staleAfter: Duration
        public var anomaly: AssetAnomalyConfiguration
        public var episodes: AnomalyEpisodes.Rule
        /// Rows between two runs of the thermal diagnoser, and how much history each run sees.
        public var thermalEvery: Int
        public var thermalHistory: Duration
        public var thermalHysteresis: FindingHysteresis.Rule

        /// 24 h of training (a day covers the demand cycle of a utility pump), 10 s rows, the thermal diagnoser
        /// every 10 minutes on the last 4 h (the model needs ≥ 3 time constants to settle).
        public init(
            trainingWindow: Duration = .seconds(24 * 3600), minimumTrainingRows: Int = 360, rowInterval: Duration = .seconds(10),
            staleAfter: Duration = .seconds(300), anomaly: AssetAnomalyConfiguration = AssetAnomalyConfiguration(),
            episodes: AnomalyEpisodes.Rule = .init(), thermalEvery: Int = 60, thermalHistory: Duration = .seconds(4 * 3600),
            thermalHysteresis: FindingHysteresis.Rule = .init()
        ) {
            self.trainingWindow = trainingWindow
            self.minimumTrainingRows = max(10, minimumTrainingRows)
            self.rowInterval = rowInterval
            self.staleAfter = staleAfter
            self.anomaly = anomaly
            self.episodes = episodes
            self.thermalEvery = max(1, thermalEvery)
            self.thermalHistory = thermalHistory
            self.thermalHysteresis = thermalHysteresis
        }
    }

    /// What the rows of one `ingest` produced.
    public struct Outcome: Sendable {
        public var anomalies: [AnomalyEpisodes.Action] = []
        public var findings: [FindingHysteresis.Action] = []
        /// Things worth a log line: a model trained, a training that failed and why.
        public var notes: [(asset: AssetPath, message: String)] = []
    }

    private struct AssetState: Sendable {
        var profile: LiveAnomalyProfile
        var assembler: LiveRowAssembler
        var training: [LiveRowAssembler.Row] = []
        var monitor: AnomalyMonitor?
        var thermalModel: MotorThermalModel?
        var thermalSamples: [MotorThermalSample] = []
        var rowsSinceThermal = 0
        var failed = false
    }

    public let configuration: Configuration
    public let start: Timestamp
    private var assets: [AssetPath: AssetState]
    private var assetOfTag: [TagID: [AssetPath]] = [:]
    public private(set) var episodes: AnomalyEpisodes
    public private(set) var hysteresis: FindingHysteresis

    public init(profiles: [AssetPath: LiveAnomalyProfile], start: Timestamp, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        self.start = start
        var assets: [AssetPath: AssetState] = [:]
        for (asset, profile) in profiles {
            var profile = profile
            // Model columns must be distinct and numeric; the thermal tags are read from the same rows.
            var seen = Set<TagID>()
            profile.tags = profile.tags.filter { seen.insert($0).inserted }
            if let thermal = profile.thermal, !(seen.contains(thermal.current) && seen.contains(thermal.windingTemperature)) {
                profile.tags += [thermal.current, thermal.windingTemperature].filter { !seen.contains($0) }
            }
            assets[asset] = AssetState(
                profile: profile,
                assembler: LiveRowAssembler(tags: profile.tags, interval: configuration.rowInterval, staleAfter: configuration.staleAfter))
            for tag in profile.tags { assetOfTag[tag, default: []].append(asset) }
        }
        self.assets = assets
        episodes = AnomalyEpisodes(rule: configuration.episodes)
        hysteresis = FindingHysteresis(rule: configuration.thermalHysteresis)
    }

    /// The tags to subscribe to.
    public var tags: Set<TagID> { Set(assetOfTag.keys) }

    /// Whether the asset's anomaly model is trained.
    public func isTrained(_ asset: AssetPath) -> Bool { assets[asset]?.monitor != nil }

    /// The end of the training window.
    public var trainingEnd: Timestamp { start + configuration.trainingWindow }

    /// Marks an anomaly event open that the store holds, so a restart does not raise it again.
    public mutating func markAnomalyOpen(_ asset: AssetPath, severity: FindingSeverity) {
        episodes.markOpen(asset, severity: severity)
    }

    /// Marks a finding open that the store holds.
    public mutating func markFindingOpen(asset: AssetPath, fault: DiagnosedFault, severity: FindingSeverity) {
        hysteresis.markOpen(.init(asset: asset.description, fault: fault), severity: severity)
    }

    /// Takes live samples; returns what the rows they completed decided.
    public mutating func ingest(_ samples: [TaggedSample]) -> Outcome {
        var byAsset: [AssetPath: [TaggedSample]] = [:]
        for sample in samples {
            for asset in assetOfTag[sample.tag] ?? [] { byAsset[asset, default: []].append(sample) }
        }
        var outcome = Outcome()
        for (asset, samples) in byAsset.sorted(by: { $0.key < $1.key }) {
            guard var state = assets[asset] else { continue }
            for row in state.assembler.ingest(samples) {
                process(row, of: asset, state: &state, outcome: &outcome)
            }
            assets[asset] = state
        }
        return outcome
    }

    private mutating func process(_ row: LiveRowAssembler.Row, of asset: AssetPath, state: inout AssetState, outcome: inout Outcome) {
        guard row.time > start else { return }
        appendThermal(row, state: &state)
        guard !state.failed else { return }
        guard let monitor = state.monitor else {
            if row.time <= trainingEnd || state.training.count < configuration.minimumTrainingRows {
                state.training.append(row)
                return
            }
            train(asset, state: &state, outcome: &outcome)
            return
        }
        var scoring = monitor
        do throws(AnalyticsError) {
            let anomalies = try scoring.update(at: row.time, values: row.values)
            outcome.anomalies += episodes.rowScored(asset: asset, anomalies: anomalies, inAnomaly: scoring.isInAnomaly)
        } catch {
            outcome.notes.append((asset, "row at \(row.time) not scored: \(error)"))
        }
        state.monitor = scoring
        if state.thermalModel != nil {
            state.rowsSinceThermal += 1
            if state.rowsSinceThermal >= configuration.thermalEvery {
                state.rowsSinceThermal = 0
                outcome.findings += diagnoseThermal(asset, state: state, outcome: &outcome)
            }
        }
    }

    private mutating func train(_ asset: AssetPath, state: inout AssetState, outcome: inout Outcome) {
        let columns = state.profile.tags.map(LiveAnomalyProfile.columnName)
        var anomalyConfiguration = configuration.anomaly
        anomalyConfiguration.modeTag = state.profile.modeTag.map(LiveAnomalyProfile.columnName)
        do throws(AnalyticsError) {
            let window = try MultivariateWindow(tags: columns, times: state.training.map(\.time), rows: state.training.map(\.values))
            let model = try AssetAnomalyModel.train(on: window, configuration: anomalyConfiguration)
            state.monitor = try AnomalyMonitor(model: model)
            outcome.notes.append((asset, "anomaly model trained on \(state.training.count) rows to \(model.trainingEnd): \(model.pca.summary)"))
        } catch {
            state.failed = true
            outcome.notes.append((asset, "anomaly model not trained (\(error)); this asset is not monitored for anomalies until a restart"))
        }
        if let thermal = state.profile.thermal {
            let samples = state.thermalSamples.filter { $0.time <= seconds(trainingEnd) }
            do throws(AnalyticsError) {
                state.thermalModel = try MotorThermalModel.fit(on: samples, ratedCurrent: thermal.ratedCurrent)
            } catch {
                outcome.notes.append((asset, "motor thermal model not fitted (\(error))"))
            }
        }
        state.training = []
    }

    private func seconds(_ time: Timestamp) -> Double { (time - start).secondsDouble }

    private func appendThermal(_ row: LiveRowAssembler.Row, state: inout AssetState) {
        guard let thermal = state.profile.thermal, let currentIndex = state.profile.tags.firstIndex(of: thermal.current),
            let windingIndex = state.profile.tags.firstIndex(of: thermal.windingTemperature)
        else { return }
        state.thermalSamples.append(
            MotorThermalSample(time: seconds(row.time), current: row.values[currentIndex], windingTemperature: row.values[windingIndex]))
        // Before the model is fitted the whole training window is kept; afterwards only the judged history.
        if state.thermalModel != nil {
            let oldest = seconds(row.time) - configuration.thermalHistory.secondsDouble
            if let first = state.thermalSamples.firstIndex(where: { $0.time >= oldest }), first > 0 {
                state.thermalSamples.removeFirst(first)
            }
        }
    }

    private mutating func diagnoseThermal(_ asset: AssetPath, state: AssetState, outcome: inout Outcome) -> [FindingHysteresis.Action] {
        guard let model = state.thermalModel else { return [] }
        let context = MachineContext(asset: asset.description, location: "motor", shaftFrequency: 0)
        do throws(AnalyticsError) {
            let findings = try MotorThermalDiagnoser().diagnose(state.thermalSamples, model: model, context: context)
            return hysteresis.blockDiagnosed(asset: asset.description, findings: findings)
        } catch {
            outcome.notes.append((asset, "thermal diagnosis skipped: \(error)"))
            return []
        }
    }
}
