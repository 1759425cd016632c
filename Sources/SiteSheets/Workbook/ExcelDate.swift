import SiteModel

/// Days as spreadsheets store them: a serial number of days since 1899-12-30
/// (the 1900 date system, whose serial 60 is the 29 February 1900 that never was),
/// or since 1904-01-01 in a workbook saved with the 1904 system.
enum ExcelDate {
    static let epoch1900 = Day(year: 1899, month: 12, day: 30)?.ordinal ?? -25569
    static let epoch1904 = Day(year: 1904, month: 1, day: 1)?.ordinal ?? -24107

    static func serial(_ day: Day) -> Int {
        day.ordinal - epoch1900
    }

    /// The day of a serial (its fraction, a time of day, is dropped); nil outside 1900–9999
    /// or on the 1900 system's phantom 29 February.
    static func day(serial: Double, is1904: Bool = false) -> Day? {
        guard serial.isFinite, serial >= 1, serial < 3_000_000 else { return nil }
        var whole = Int(serial.rounded(.down))
        if !is1904 {
            guard whole != 60 else { return nil }
            if whole < 60 { whole += 1 }
        }
        return day(ordinal: whole + (is1904 ? epoch1904 : epoch1900))
    }

    /// Days since 1970-01-01 → the calendar day (SiteModel's `Day(ordinal:)`), nil where
    /// `Day` does not accept the year.
    static func day(ordinal: Int) -> Day? {
        let day = Day(ordinal: ordinal)
        return Day(year: day.year, month: day.month, day: day.day)
    }
}
