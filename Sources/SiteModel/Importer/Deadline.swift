/// A 完成时限 cell read as a day, by the text importer's rules (`2025年6月底前` →
/// 2025-06-30, `2025年底前` → 2025-12-31, a month without a year in `year`); nil
/// for `全年`, `长期坚持` and other text that is not one day. For the spreadsheet importer.
public enum Deadline {
    public static func day(_ text: String, year: Int?) -> Day? {
        ImportDates.deadline(text, year: year)
    }
}
