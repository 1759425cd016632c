import Foundation

/// The importer's own proof that nothing was lost: after writing, every line of
/// the source (and every piece of every table cell) must be found in what it
/// wrote — plan.md (front matter and text), tasks.yaml or the units — unless the
/// report already names the line (page-break debris, a page's navigation, a
/// header line read into a value). Text is compared by its letters and digits
/// only, so the Markdown, the YAML and the joins the importer makes do not count;
/// a line is looked for after the one before it first, so the text keeps its order.
enum LostLines {
    /// A source line (or table cell) that is not in the output.
    struct Lost: Equatable {
        var line: Int
        var text: String
    }

    /// What a line is compared by: its CJK characters and digits (no spaces, punctuation, Markdown
    /// or YAML), without 等 (dropped after a unit's name) and without the letters a converter left.
    static func normalise(_ text: String) -> String {
        var out = ""
        for c in text where ImportText.isCJK(c) || (c.isNumber && c.isASCII) {
            if c != "等" { out.append(c) }
        }
        return out
    }

    /// The lines of `items` and `tables` missing from `output`; `accounted` are the positions the
    /// report names already.
    static func find(lines: [(number: Int, text: String)], tables: [ImportDocument.Table], accounted: Set<Int>,
                     output: [String]) -> [Lost] {
        let corpus = output.map { normalise(withoutAnchors($0)) }.joined(separator: "\u{1}")
        var lost: [Lost] = []
        var cursor = corpus.startIndex
        for (number, text) in lines where !accounted.contains(number) {
            let key = normalise(text)
            guard !key.isEmpty else { continue }
            if let found = corpus.range(of: key, range: cursor..<corpus.endIndex) {
                cursor = found.upperBound
                continue
            }
            // A character repeated across a page break was dropped (牢固树立 / 立安全…).
            if key.count > 2, let found = corpus.range(of: String(key.dropFirst()), range: cursor..<corpus.endIndex)
                ?? corpus.range(of: String(key.dropFirst(2)), range: cursor..<corpus.endIndex) {
                cursor = found.upperBound
                continue
            }
            // Elsewhere: the front matter (a header line), tasks.yaml (a table's title).
            if corpus.contains(key) || (key.count > 2 && corpus.contains(String(key.dropFirst()))) { continue }
            lost.append(Lost(line: number, text: text))
        }
        for table in tables {
            for row in table.rows {
                for cell in row where !cell.isCopy && !accounted.contains(cell.line) {
                    for piece in pieces(cell) where !corpus.contains(piece) {
                        lost.append(Lost(line: cell.line, text: piece))
                    }
                }
            }
        }
        return lost
    }

    /// Markdown's heading anchors (`{#section-12}`) left out: their digits are not the text's.
    static func withoutAnchors(_ text: String) -> String {
        guard text.contains("{#") else { return text }
        var out = ""
        var rest = Substring(text)
        while let open = rest.range(of: "{#") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { rest = rest[open.lowerBound...]; break }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// A cell's words as they are compared: apart by spaces and line breaks (units, names); a cell's
    /// pieces of one character (a padded name's halves) are not compared alone.
    static func pieces(_ cell: ImportDocument.Cell) -> [String] {
        let text = cell.lines.joined(separator: "\n")
        var out: [String] = []
        for word in text.split(whereSeparator: { $0.isWhitespace || $0 == AttachmentTable.lineBreak || "、，,;；/／".contains($0) }) {
            var key = normalise(String(word))
            if let subtotal = key.range(of: "小计") { key = String(key[..<subtotal.lowerBound]) }
            if key.count >= 2 { out.append(key) }
        }
        return out
    }
}
