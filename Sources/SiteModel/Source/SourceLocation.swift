/// A place in a content file: the path relative to the content root, and a
/// 1-based line and column (columns count Unicode scalars, as Yams' `Mark` does).
///
/// A place in a spreadsheet is a cell: `sheet` names the sheet (empty for a CSV
/// file, which has one), `line` is the row and `column` the column (A = 1), and it
/// prints as `吕巷镇安办.xlsx!进展填报!I7` (a CSV file: `表.csv!I7`).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// The sheet of a spreadsheet cell; nil for a text file.
    public var sheet: String?

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A spreadsheet cell: row and column are 1-based (A = 1).
    public static func cell(file: String, sheet: String, row: Int, column: Int) -> SourceLocation {
        var location = SourceLocation(file: file, line: row, column: column)
        location.sheet = sheet
        return location
    }

    public var description: String { described(as: file) }

    /// The location with `path` printed for its file (the printer puts files under the content folder).
    public func described(as path: String) -> String {
        guard let sheet else { return "\(path):\(line):\(column)" }
        let cell = Self.columnName(column) + String(line)
        return sheet.isEmpty ? "\(path)!\(cell)" : "\(path)!\(sheet)!\(cell)"
    }

    /// 1 → A, 26 → Z, 27 → AA.
    public static func columnName(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [Character] = []
        while n > 0 {
            let remainder = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + remainder))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}

/// A value together with the place it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
