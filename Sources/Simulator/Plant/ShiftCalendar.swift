import MillraceCore

/// When a line is planned to produce: shifts, planned breaks and working days, in UTC.
///
/// The calendar is what separates planned stops (not counted against availability in OEE) from unplanned
/// downtime (counted). The default is three 8-hour shifts from 06:00, with a 10-minute break after two hours,
/// a 30-minute meal break after four and another 10-minute break after six, Monday to Saturday.
public struct ShiftCalendar: Hashable, Sendable {
    /// A planned break inside every shift.
    public struct PlannedBreak: Hashable, Sendable {
        /// From the start of the shift.
        public var offset: Duration
        public var duration: Duration
        public init(offset: Duration, duration: Duration) {
            self.offset = offset
            self.duration = duration
        }
    }

    /// Where a time falls in the calendar.
    public struct Status: Hashable, Sendable {
        /// 1-based shift number of the day, or nil when no shift is planned (off days).
        public var shift: Int?
        /// Whether production is planned to stop (break, or no shift).
        public var isPlannedStop: Bool

        public init(shift: Int?, isPlannedStop: Bool) {
            self.shift = shift
            self.isPlannedStop = isPlannedStop
        }
    }

    /// Start of the first shift, after midnight UTC.
    public var firstShiftStart: Duration
    public var shiftLength: Duration
    public var shiftsPerDay: Int
    public var breaks: [PlannedBreak]
    /// ISO weekdays (1 = Monday … 7 = Sunday) on which the day's shifts run.
    public var workingWeekdays: Set<Int>

    public init(
        firstShiftStart: Duration = .seconds(6 * 3600), shiftLength: Duration = .seconds(8 * 3600),
        shiftsPerDay: Int = 3,
        breaks: [PlannedBreak] = [
            PlannedBreak(offset: .seconds(2 * 3600), duration: .seconds(600)),
            PlannedBreak(offset: .seconds(4 * 3600), duration: .seconds(1800)),
            PlannedBreak(offset: .seconds(6 * 3600), duration: .seconds(600)),
        ],
        workingWeekdays: Set<Int> = [1, 2, 3, 4, 5, 6]
    ) {
        self.firstShiftStart = firstShiftStart
        self.shiftLength = shiftLength
        self.shiftsPerDay = shiftsPerDay
        self.breaks = breaks
        self.workingWeekdays = workingWeekdays
    }

    /// Production runs around the clock, every day, without breaks.
    public static let continuous = ShiftCalendar(breaks: [], workingWeekdays: [1, 2, 3, 4, 5, 6, 7])

    /// The shift and planned state at `time`. A night shift that runs past midnight belongs to the day it
    /// started on.
    public func status(at time: Timestamp) -> Status {
        let day: Int64 = 86_400_000_000
        let sinceFirst = time.microseconds - firstShiftStart.microseconds
        let productionDay = sinceFirst >= 0 ? sinceFirst / day : (sinceFirst - day + 1) / day
        let intoDay = sinceFirst - productionDay * day
        // 1970-01-01 was a Thursday (ISO weekday 4).
        let weekday = Int(((productionDay + 3) % 7 + 7) % 7) + 1
        let length = max(1, shiftLength.microseconds)
        let index = intoDay / length
        guard workingWeekdays.contains(weekday), index < Int64(shiftsPerDay) else {
            return Status(shift: nil, isPlannedStop: true)
        }
        let intoShift = intoDay - index * length
        let onBreak = breaks.contains {
            intoShift >= $0.offset.microseconds && intoShift < $0.offset.microseconds + $0.duration.microseconds
        }
        return Status(shift: Int(index) + 1, isPlannedStop: onBreak)
    }
}
