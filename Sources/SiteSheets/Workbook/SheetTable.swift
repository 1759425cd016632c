import SiteModel

/// A sheet as read from a workbook or a CSV file: its cells by row and column
/// (1-based), its merged ranges and hidden columns, and where it came from, so
/// that every value read can be reported at its cell.
public struct SheetTable: Sendable {
    /// The file as given on the command line.
    public var file: String
    /// The sheet's name; empty for a CSV file.
    public var name: String
    public private(set) var cells: [Int: [Int: CellValue]] = [:]
    public var merges: [CellRange] = []
    public var hiddenColumns: Set<Int> = []

    public init(file: String, name: String) {
        self.file = file
        self.name = name
    }

    public mutating func set(_ value: CellValue, row: Int, column: Int) {
        if case .text(let text) = value, text.isEmpty {
            cells[row]?[column] = nil
            return
        }
        cells[row, default: [:]][column] = value
    }

    /// Rows that hold a value, in order.
    public var rowNumbers: [Int] { cells.keys.sorted() }

    public var lastRow: Int { cells.keys.max() ?? 0 }

    public var lastColumn: Int {
        max(cells.values.compactMap { $0.keys.max() }.max() ?? 0, merges.map(\.last.column).max() ?? 0)
    }

    /// The cell's own value.
    public func value(row: Int, column: Int) -> CellValue? {
        cells[row]?[column]
    }

    /// The value shown in the cell: a cell inside a merged range shows the range's first cell.
    public func shown(row: Int, column: Int) -> CellValue? {
        if let own = cells[row]?[column] { return own }
        guard let range = merge(row: row, column: column) else { return nil }
        return cells[range.first.row]?[range.first.column]
    }

    public func merge(row: Int, column: Int) -> CellRange? {
        merges.first { $0.contains(row: row, column: column) }
    }

    /// The shown value as text, trimmed; nil when empty.
    public func text(row: Int, column: Int) -> String? {
        guard let text = shown(row: row, column: column)?.text.trimmingWhitespace, !text.isEmpty else { return nil }
        return text
    }

    public func location(row: Int, column: Int) -> SourceLocation {
        .cell(file: file, sheet: name, row: row, column: column)
    }
}

/// A value as a spreadsheet holds it.
public enum CellValue: Sendable, Hashable {
    case text(String)
    case number(Double, NumberKind)
    case bool(Bool)
    /// `#N/A`, `#REF!`…
    case error(String)

    /// How a number is formatted: a date, a percentage or a plain number.
    public enum NumberKind: Sendable, Hashable {
        case plain
        case date(is1904: Bool)
        case percent
    }

    /// The value as text: numbers without a trailing `.0`, dates as `YYYY-MM-DD`.
    public var text: String {
        switch self {
        case .text(let text): return text
        case .number(let value, let kind):
            if case .date(let is1904) = kind, let day = ExcelDate.day(serial: value, is1904: is1904) { return day.description }
            if kind == .percent { return XLSXWriter.number(value * 100) + "%" }
            return XLSXWriter.number(value)
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .error(let code): return code
        }
    }
}

extension String {
    /// Without spaces, tabs, line breaks and full-width spaces at either end.
    var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
