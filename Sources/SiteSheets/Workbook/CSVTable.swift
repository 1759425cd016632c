import Foundation
import SiteModel

/// CSV in and out, for offices without a spreadsheet program. Read: UTF-8 (a BOM
/// is fine) or GB18030 (what Excel saves in a Chinese locale), through the content
/// reader's decoding and CSV reader. Written: UTF-8 with a BOM and CRLF line ends,
/// which Excel and WPS open with the Chinese intact.
public enum CSVTable {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case notText
        case encoding(line: Int, column: Int)
        case syntax(line: Int, column: Int, message: String)

        public var description: String {
            switch self {
            case .notText: "not a text file"
            case .encoding(let line, let column): "line \(line), column \(column): neither UTF-8 nor GB18030"
            case .syntax(let line, let column, let message): "line \(line), column \(column): \(message)"
            }
        }
    }

    /// The one sheet of a CSV file: record N is row N, field N column N.
    public static func read(_ data: Data, file: String) throws(Failure) -> (table: SheetTable, encoding: TextEncoding) {
        let decoded: TextDecoding.Result
        switch TextDecoding.decode(data) {
        case .success(let result): decoded = result
        case .failure(.binary): throw .notText
        case .failure(.invalidEncoding(let line, let column)): throw .encoding(line: line, column: column)
        }
        let (records, failure) = CSVReader.parse(decoded.text)
        if let failure { throw .syntax(line: failure.line, column: failure.column, message: failure.message) }
        var table = SheetTable(file: file, name: "")
        // Blank lines are rows in a spreadsheet program too (the reader skips them): rows keep the
        // numbers a spreadsheet shows; a quoted line break stays inside its row.
        var row = 0
        var nextLine = 1
        for record in records {
            row += 1 + max(0, record.line - nextLine)
            nextLine = record.line + 1 + record.fields.reduce(0) { $0 + $1.count { $0 == "\n" } }
            for (index, field) in record.fields.enumerated() where !field.isEmpty {
                table.set(.text(field), row: row, column: index + 1)
            }
        }
        return (table, decoded.encoding)
    }

    /// The sheet's cells as CSV: dates `YYYY-MM-DD`, numbers without `.0`.
    public static func write(_ sheet: Worksheet) -> Data {
        var out = "\u{FEFF}"
        for row in sheet.rows {
            out += row.map { field($0.value) }.joined(separator: ",") + "\r\n"
        }
        return Data(out.utf8)
    }

    static func field(_ value: SheetCell.Value) -> String {
        let text: String
        switch value {
        case .empty: return ""
        case .text(let string): text = string.replacingOccurrences(of: "\n", with: "\r\n")
        case .number(let number): return XLSXWriter.number(number)
        case .date(let day): return day.description
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
