/// How tall a row must be for its wrapped text to show: spreadsheet programs do not
/// all fit rows to their text when they open a file, so the writer says.
enum RowHeight {
    /// Points for `cells` (text, column width in characters), at 11 pt; at least one line.
    static func fitting(_ cells: [(String, Double)]) -> Double {
        let lines = cells.map { text, width in lineCount(text, width: width) }.max() ?? 1
        return min(409, Double(max(lines, 1)) * 14.5 + 3)
    }

    /// Lines the text wraps to in a column `width` characters wide (a Chinese character takes two).
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(width - 1, 1)
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var units = 0.0
            for scalar in line.unicodeScalars {
                units += scalar.value >= 0x1100 ? 2 : 1
            }
            lines += max(1, Int((units / usable).rounded(.up)))
        }
        return lines
    }
}
