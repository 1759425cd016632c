import SiteModel

/// A reporting period, a month: `2025-06`, the name of `progress/2025-06.yaml`.
public struct ReportPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    /// Exactly `YYYY-MM` with a month 1–12.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year >= 1900 else { return nil }
        self.year = year
        self.month = month
    }

    public init(_ day: Day) {
        year = day.year
        month = day.month
    }

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }

    /// 2025年6月.
    public var chinese: String { "\(year)年\(month)月" }

    /// June 2025.
    public var english: String {
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        return "\(names[month - 1]) \(year)"
    }

    public var firstDay: Day? { Day(year: year, month: month, day: 1) }
    public var lastDay: Day? { Day(year: year, month: month, day: Day.daysIn(month: month, year: year)) }

    public static func < (lhs: ReportPeriod, rhs: ReportPeriod) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}
