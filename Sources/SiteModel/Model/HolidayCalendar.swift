/// China's public holidays and adjusted working days (调休), which the State Council
/// announces year by year (国务院办公厅关于某年部分节假日安排的通知), read from the
/// content's `holidays.yaml`. A working day is Monday to Friday unless it is a holiday,
/// or a Saturday or Sunday the announcement makes a working day.
public struct HolidayCalendar: Sendable, Hashable {
    /// The years the file covers: a day in another year is counted by weekdays alone, and said so.
    public var years: Set<Int> = []
    /// Days off (放假), including the weekend days inside a holiday.
    public var holidays: Set<Day> = []
    /// Weekend days worked (调休上班).
    public var workdays: Set<Day> = []

    public init() {}

    public func covers(_ year: Int) -> Bool { years.contains(year) }

    /// Monday = 1 … Sunday = 7 (1970-01-01 was a Thursday).
    public static func weekday(_ day: Day) -> Int {
        let remainder = (day.ordinal + 3) % 7
        return (remainder < 0 ? remainder + 7 : remainder) + 1
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        if workdays.contains(day) { return true }
        if holidays.contains(day) { return false }
        return Self.weekday(day) <= 5
    }

    /// Working days after `start` up to and including `end` (0 when `end` is not after `start`):
    /// the 20 working days of 政府信息公开条例 Article 26 count from the day after the document's date.
    public func workingDays(after start: Day, through end: Day) -> Int {
        guard start < end else { return 0 }
        var count = 0
        for ordinal in (start.ordinal + 1)...end.ordinal where isWorkingDay(Day(ordinal: ordinal)) { count += 1 }
        return count
    }
}

extension Day {
    /// The day `ordinal` days after 1970-01-01 (the inverse of `ordinal`).
    public init(ordinal: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// The day `days` later (or earlier, when negative).
    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
}
