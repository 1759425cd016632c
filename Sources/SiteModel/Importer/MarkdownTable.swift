import Foundation

/// A table of the plan that is not a task list (a list of contacts, a schedule,
/// figures) as a GitHub-flavoured Markdown table, where it stood in the text.
/// Its first row is the header; a merged cell is repeated in every row and
/// column it covers; a cell's paragraphs are apart by a space.
enum MarkdownTable {
    static func markdown(_ table: ImportDocument.Table) -> String {
        let width = max(table.rows.map(\.count).max() ?? 1, 1)
        let rows = table.rows.map { row in
            (0..<width).map { index in index < row.count ? cell(row[index]) : "" }
        }
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            lines.append("| " + row.joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + String(repeating: " --- |", count: width)) }
        }
        return lines.joined(separator: "\n")
    }

    /// A cell's text on one line: lines broken inside a paragraph joined, paragraphs apart by a
    /// space, runs of spaces made one, Markdown and the table's `|` escaped.
    static func cell(_ cell: ImportDocument.Cell) -> String {
        let paragraphs = cell.lines.map { paragraph in
            paragraph.split(separator: AttachmentTable.lineBreak).map { collapse(String($0)) }.joined()
        }
        return OutlineMarkdown.escape(paragraphs.filter { !$0.isEmpty }.joined(separator: " ")).replacingOccurrences(of: "|", with: "\\|")
    }

    static func collapse(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{3000}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }
}
