import Analytics

/// The persistence rule between a diagnoser's verdict on one block and an event a person sees: a finding is
/// raised when its fault was found in at least `raiseCount` of the last `windowCount` blocks, and cleared after
/// `clearCount` consecutive blocks without it. At most one finding per asset and fault is open at a time. An open
/// finding's severity follows the fault with the same rule: it is *updated* when the severity that at least
/// `raiseCount` of the last `windowCount` blocks reached differs from the one it shows (one spike never escalates
/// it, a fault that keeps growing does; a shrinking one steps down). A pure state machine: blocks in, actions out.
public struct FindingHysteresis: Sendable {
    /// The rule's numbers.
    public struct Rule: Hashable, Sendable, Codable {
        /// n: blocks with the fault needed, within the last `windowCount`.
        public var raiseCount: Int
        /// m: the window.
        public var windowCount: Int
        /// k: consecutive healthy blocks that clear an open finding.
        public var clearCount: Int

        /// 3 of 5 to raise (one noisy block never does), 10 healthy to clear (a fault that comes and goes with
        /// load is not declared gone too early).
        public init(raiseCount: Int = 3, windowCount: Int = 5, clearCount: Int = 10) {
            self.raiseCount = max(1, raiseCount)
            self.windowCount = max(self.raiseCount, windowCount)
            self.clearCount = max(1, clearCount)
        }
    }

    /// An asset and a fault: one open finding at most per key.
    public struct Key: Hashable, Sendable {
        public var asset: String
        public var fault: DiagnosedFault
        public init(asset: String, fault: DiagnosedFault) {
            self.asset = asset
            self.fault = fault
        }
    }

    /// What to do after a block.
    public enum Action: Hashable, Sendable {
        /// Store a new open finding: the latest block's finding at the settled severity (its confidence and evidence).
        case raise(Finding)
        /// Revise the open finding of the finding's key: its severity settled at a new level; the finding is the
        /// latest block's at that level (its confidence and evidence).
        case update(Finding)
        /// Clear the open finding of this key.
        case clear(Key)
    }

    private struct Track: Sendable {
        /// The severity found in each of the last `windowCount` blocks (`none` when not found).
        var recent: [FindingSeverity] = []
        /// The latest finding of each severity in the window, for an update's evidence.
        var latest: [FindingSeverity: Finding] = [:]
        var isOpen = false
        /// The severity the open finding shows; `none` when unknown (marked open from the store without it).
        var shown = FindingSeverity.none
        var healthyRun = 0

        /// The severity at least `count` of the recent blocks reached, or `none`.
        func settled(count: Int) -> FindingSeverity {
            let sorted = recent.sorted(by: >)
            return sorted.count >= count ? sorted[count - 1] : .none
        }
    }

    public let rule: Rule
    private var tracks: [Key: Track] = [:]

    public init(rule: Rule = Rule()) {
        self.rule = rule
    }

    /// The severity the open finding of `key` shows, or nil when none is open.
    public func shownSeverity(of key: Key) -> FindingSeverity? {
        tracks[key].flatMap { $0.isOpen ? $0.shown : nil }
    }

    /// The keys with an open finding.
    public var openKeys: Set<Key> { Set(tracks.filter { $0.value.isOpen }.keys) }

    /// Marks a finding open that was raised before (for example, read back from the event store at start), so it
    /// is not raised again. `severity` is the one it shows, if known (else the first settled level is adopted
    /// without an update).
    public mutating func markOpen(_ key: Key, severity: FindingSeverity = .none) {
        tracks[key, default: Track()].isOpen = true
        tracks[key, default: Track()].shown = severity
    }

    /// One diagnosed block of `asset`: its findings (possibly none). Findings of other assets are ignored.
    public mutating func blockDiagnosed(asset: String, findings: [Finding]) -> [Action] {
        var strongest: [DiagnosedFault: Finding] = [:]
        for finding in findings where finding.asset == asset {
            if let current = strongest[finding.fault], (current.severity, current.confidence) >= (finding.severity, finding.confidence) {
                continue
            }
            strongest[finding.fault] = finding
        }
        var actions: [Action] = []
        let keys = Set(tracks.keys.filter { $0.asset == asset }).union(strongest.keys.map { Key(asset: asset, fault: $0) })
        for key in keys.sorted(by: { $0.fault.rawValue < $1.fault.rawValue }) {
            var track = tracks[key] ?? Track()
            let found = strongest[key.fault]
            track.recent.append(found?.severity ?? .none)
            if let found { track.latest[found.severity] = found }
            if track.recent.count > rule.windowCount { track.recent.removeFirst(track.recent.count - rule.windowCount) }
            track.latest = track.latest.filter { track.recent.contains($0.key) }
            track.healthyRun = found == nil ? track.healthyRun + 1 : 0
            let settled = track.settled(count: rule.raiseCount)
            if !track.isOpen, found != nil, settled > .none, let finding = track.latest[settled] {
                // Raised at the settled severity, not the block's: one strong block does not set the level.
                track.isOpen = true
                track.shown = settled
                actions.append(.raise(finding))
            } else if track.isOpen, track.healthyRun >= rule.clearCount {
                track.isOpen = false
                track.recent.removeAll()
                track.latest.removeAll()
                actions.append(.clear(key))
            } else if track.isOpen, track.shown == .none, settled > .none {
                track.shown = settled  // Marked open without its severity: adopt the level, nothing to revise.
            } else if track.isOpen, settled > .none, settled != track.shown, let finding = track.latest[settled] {
                track.shown = settled
                actions.append(.update(finding))
            }
            // Forget keys with nothing open and nothing recent, so the table stays as small as the faults seen.
            if !track.isOpen && !track.recent.contains(where: { $0 > .none }) {
                tracks[key] = nil
            } else {
                tracks[key] = track
            }
        }
        return actions
    }
}
