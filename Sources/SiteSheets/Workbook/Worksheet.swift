import SiteModel

/// A sheet to write: cells by row, column widths, merged ranges, drop-down lists
/// and protection. Rows and columns are 1-based, as a spreadsheet numbers them.
public struct Worksheet: Sendable {
    /// Shown on the sheet's tab; at most 31 characters, none of `[]:*?/\`.
    public var name: String
    /// Rows from row 1; a row is its cells from column A.
    public var rows: [[SheetCell]] = []
    public var columns: [Int: ColumnFormat] = [:]
    /// Row heights in points, for rows that need more than one line.
    public var rowHeights: [Int: Double] = [:]
    public var merges: [CellRange] = []
    public var validations: [DataValidation] = []
    /// Locked cells cannot be changed (no password: it guards against slips, not people).
    public var isProtected = false
    /// Rows kept in view when scrolling, and repeated on every printed page.
    public var headerRows = 0
    /// The columns printed (all when nil): the office's own columns of a list, not the ones for the site.
    public var printColumns: ClosedRange<Int>?
    /// The cell selected when the sheet opens.
    public var activeCell: CellAddress?

    public init(name: String) {
        self.name = name
    }

    public mutating func append(_ row: [SheetCell]) {
        rows.append(row)
    }

    /// The row number the next `append` writes.
    public var nextRow: Int { rows.count + 1 }

    public var columnCount: Int { rows.map(\.count).max() ?? 0 }
}

public struct ColumnFormat: Sendable, Hashable {
    /// In characters of the default font.
    public var width: Double
    public var isHidden: Bool

    public init(width: Double, isHidden: Bool = false) {
        self.width = width
        self.isHidden = isHidden
    }
}

/// One cell to write: a value and how it looks.
public struct SheetCell: Sendable, Hashable {
    public enum Value: Sendable, Hashable {
        case empty
        case text(String)
        case number(Double)
        /// Written as a date serial with the `yyyy-mm-dd` format, so it sorts and validates as a date.
        case date(Day)
    }

    public var value: Value
    public var style: CellStyle

    public init(_ value: Value, _ style: CellStyle = .plain) {
        self.value = value
        self.style = style
    }

    public static func text(_ text: String, _ style: CellStyle = .plain) -> SheetCell {
        SheetCell(text.isEmpty ? .empty : .text(text), style)
    }

    public static func empty(_ style: CellStyle = .plain) -> SheetCell { SheetCell(.empty, style) }
}

/// The looks a workbook offers; each is one entry of styles.xml's cellXfs, in this order.
public enum CellStyle: Int, Sendable, Hashable, CaseIterable {
    case plain
    case title
    case label
    case header
    /// Locked text in a bordered table cell.
    case text
    case date
    case number
    /// Cells to fill in: unlocked, tinted.
    case inputText
    case inputNumber
    case inputDate
    /// A chapter row of a responsibility list.
    case group
    /// Running text (the instructions).
    case paragraph
    /// A hidden key: small grey text.
    case key

    public var isUnlocked: Bool { self == .inputText || self == .inputNumber || self == .inputDate }
}

/// `A1:K1`.
public struct CellRange: Sendable, Hashable {
    public var first: CellAddress
    public var last: CellAddress

    public init(_ first: CellAddress, _ last: CellAddress) {
        self.first = first
        self.last = last
    }

    public func contains(row: Int, column: Int) -> Bool {
        (first.row...last.row).contains(row) && (first.column...last.column).contains(column)
    }

    public var reference: String { first == last ? first.reference : "\(first.reference):\(last.reference)" }
}

/// A cell's address: row and column, 1-based.
public struct CellAddress: Sendable, Hashable, Comparable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `D7`.
    public var reference: String { SourceLocation.columnName(column) + String(row) }

    /// `D7`, `$D$7` or `d7` → row 7, column 4; nil for anything else.
    public init?(reference: String) {
        var column = 0, row = 0, seenDigit = false
        for scalar in reference.unicodeScalars where scalar != "$" {
            switch scalar {
            case "A"..."Z", "a"..."z":
                guard !seenDigit, column < 1_000_000 else { return nil }
                column = column * 26 + Int(scalar.value | 0x20) - 96
            case "0"..."9":
                seenDigit = true
                guard row < 100_000_000 else { return nil }
                row = row * 10 + Int(scalar.value) - 48
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A drop-down list or a number or date range that a cell accepts.
public struct DataValidation: Sendable, Hashable {
    public enum Rule: Sendable, Hashable {
        /// One of these words (a drop-down list).
        case list([String])
        /// A whole number in the range.
        case whole(ClosedRange<Int>)
        /// A day on or after this one.
        case date(onOrAfter: Day)
    }

    public var rule: Rule
    public var range: CellRange
    /// Shown when a cell is selected (at most 32 and 255 characters).
    public var promptTitle: String
    public var prompt: String
    /// Shown when a value is refused (at most 32 and 225 characters).
    public var errorTitle: String
    public var error: String

    public init(_ rule: Rule, range: CellRange, promptTitle: String, prompt: String, errorTitle: String, error: String) {
        self.rule = rule
        self.range = range
        self.promptTitle = promptTitle
        self.prompt = prompt
        self.errorTitle = errorTitle
        self.error = error
    }
}
