import Foundation
import SiteModel

/// The text `pdftotext -layout` gives, read as the page laid it out. The lines
/// printed from one paragraph are put together again by their geometry: a line
/// that fills the text's width goes on in the next one when that one starts at
/// the margin (a new paragraph is indented, a centred or right-aligned line
/// stands alone) — whatever the punctuation at the break, which a paragraph's
/// line may end on. A table is read by its columns: the header's cells give
/// where each column starts, each piece of a line goes in the column it starts
/// in, and a numbered line starts a row; a cell's text wrapped over several
/// lines stays in its cell. Page numbers inside a table and the header repeated
/// on the next page are left out (reported).
enum PDFLayout {
    /// A line of the page: its number in pdftotext's output, its text (without the indentation),
    /// where it starts and ends in columns (a Chinese character is two).
    struct PageLine {
        var number: Int
        var text: String
        var indent: Int
        var width: Int
        var raw: String
    }

    static func document(_ layout: String) -> ImportDocument {
        var lines: [PageLine] = []
        var pageStarts: [Int] = []
        for (index, var raw) in layout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
            if raw.hasPrefix("\u{0C}") || index == 0 {
                raw = String(raw.drop { $0 == "\u{0C}" })
                if index + 1 < layout.count || !raw.isEmpty { pageStarts.append(index + 1) }
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            lines.append(PageLine(number: index + 1, text: text, indent: columns(String(raw.prefix { $0 == " " })), width: columns(raw), raw: raw))
        }
        // A last page that is only the form feed at the end of the output is not a page.
        while let last = pageStarts.last, last > 1, lines[(last - 1)...].allSatisfy({ $0.text.isEmpty }) { pageStarts.removeLast() }
        let text = lines.filter { $0.text.count >= 10 }
        let margin = mostCommon(text.map(\.indent)) ?? 0
        let full = percentile(text.map(\.width), 0.9) ?? 0

        var document = ImportDocument(format: .pdf, blocks: [])
        var paragraph: (text: String, line: Int)?
        var previous: PageLine?
        func flush() {
            if let done = paragraph { document.blocks.append(.text(ImportDocument.Line(done.text, line: done.line))) }
            paragraph = nil
        }
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.text.isEmpty {
                index += 1
                continue
            }
            if let (table, end, left) = table(lines, at: index) {
                flush()
                document.blocks.append(.table(table))
                document.leftOut += left
                previous = nil
                index = end
                continue
            }
            // Page numbers between the lines: reported, and the paragraph goes on over them.
            if ImportDocument.isPageDebris(line.text) {
                document.leftOut.append((line.number, "page-break debris: \(line.text)"))
                index += 1
                continue
            }
            let standalone = line.indent > margin + 6
            let indented = line.indent > margin + 1
            if let last = previous, let open = paragraph, !standalone, !indented, last.width >= full - 4 {
                paragraph = (joined(open.text, line.text), open.line)
            } else {
                flush()
                paragraph = (line.text, line.number)
            }
            if standalone { flush() }
            previous = standalone ? nil : line
            index += 1
        }
        flush()
        document.pageStarts = pageStarts
        return document
    }

    /// Two printed lines of one paragraph as one text: Chinese goes on without a space, words with one.
    /// `space`: words of one line, apart by a space as printed (`2025 年 3 月`).
    static func joined(_ a: String, _ b: String, space: Bool = false) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        if space { return a + " " + b }
        return last.isASCII && last.isLetter && first.isASCII && first.isLetter ? a + " " + b : a + b
    }

    // MARK: Tables

    /// A piece of a line: its text and the character it starts at. pdftotext pads each word with
    /// spaces to its place on the page: the characters before a word give its place.
    struct Segment {
        var text: String
        var start: Int
        var end: Int
    }

    /// The pieces of a line apart by runs of two or more spaces (`wordsOnly`: by any space).
    static func segments(_ raw: String, wordsOnly: Bool = false) -> [Segment] {
        var out: [Segment] = []
        var current = ""
        var start = 0
        var spaces = 0
        for (column, c) in raw.enumerated() {
            if c == " " || c == "\u{3000}" {
                spaces += 1
                continue
            }
            if spaces >= 2 || (wordsOnly && spaces >= 1) || current.isEmpty {
                if !current.isEmpty { out.append(Segment(text: current, start: start, end: column - spaces)) }
                current = ""
                start = column
            } else if spaces > 0 {
                current += " "
            }
            spaces = 0
            current.append(c)
        }
        if !current.isEmpty { out.append(Segment(text: current, start: start, end: raw.count - spaces)) }
        return out
    }

    /// A table whose header is at `index`: the table, the index after it, and the lines it left out.
    /// Rows are the runs of lines between blank lines (a cell centred on its row prints its number
    /// on the row's middle line), or start at a numbered line where no blank line parts them; each
    /// word goes in the column whose header starts nearest to it; a cell's lines stay apart (U+2028)
    /// so that two units on two lines stay two.
    static func table(_ lines: [PageLine], at index: Int) -> (ImportDocument.Table, Int, [(line: Int, reason: String)])? {
        let header = segments(lines[index].raw)
        guard header.count >= 3, ImportDocument.isTableHeader(header.map(\.text)) else { return nil }
        let starts = header.map(\.start)
        var headers = header.map { [$0.text] }
        let numbered = ["序号", "编号"].contains(header[0].text.filter { !$0.isWhitespace })
        func column(_ start: Int) -> Int {
            // Nearest header start; a word between two (a centred header) goes right.
            var best = 0
            for (at, headerStart) in starts.enumerated() where abs(headerStart - start) <= abs(starts[best] - start) { best = at }
            return best
        }
        var position = index + 1
        // A header cell wrapped over a second line (`牵头区` / `领导`) before the first row.
        while position < lines.count, !lines[position].text.isEmpty {
            let pieces = segments(lines[position].raw)
            guard !pieces.isEmpty, pieces.count < header.count, ImportDocument.rowNumber(pieces[0].text) == nil,
                  !pieces.contains(where: { ImportDocument.isNumberedHeading($0.text) }),
                  pieces.allSatisfy({ $0.text.count <= 6 && abs(starts[column($0.start)] - $0.start) <= 4 }) else { break }
            for piece in pieces { headers[column(piece.start)].append(piece.text) }
            position += 1
        }
        // The table's lines, up to the text after it; page numbers and the header again left out.
        var left: [(line: Int, reason: String)] = []
        var body: [PageLine?] = []  // nil: a blank line
        while position < lines.count {
            let line = lines[position]
            if line.text.isEmpty { body.append(nil); position += 1; continue }
            if ImportDocument.isPageDebris(line.text) {
                left.append((line.number, "page-break debris: \(line.text)"))
                position += 1
                continue
            }
            let pieces = segments(line.raw)
            if pieces.map(\.text).joined() == header.map(\.text).joined() {
                left.append((line.number, "the table's header again (a page break)"))
                body.append(nil)
                position += 1
                continue
            }
            // One piece alone: a heading, or a line across the columns, is the text after the table —
            // unless rows follow a numbered heading (a sub-heading row).
            if let only = pieces.first, pieces.count == 1, ImportDocument.rowNumber(only.text) == nil {
                let heading = ImportDocument.isNumberedHeading(only.text)
                let across = only.end > (starts.count > 2 ? starts[2] + 4 : Int.max) && only.start <= starts[0] + 2
                if across || (heading && !nextIsRow(lines, after: position, numbered: numbered)) { break }
            }
            body.append(line)
            position += 1
        }
        while let last = body.last, last == nil { body.removeLast() }
        // Rows: runs between blank lines, split again at numbered lines when a run holds several.
        var runs: [[PageLine]] = [[]]
        for line in body {
            if let line { runs[runs.count - 1].append(line) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        var rows: [[ImportDocument.Cell]] = []
        for run in runs where !run.isEmpty {
            var run = run
            // A sub-heading on the run's first line is a row of its own.
            while let first = run.first, run.count > 1, segments(first.raw).count == 1, ImportDocument.isNumberedHeading(first.text) {
                rows.append([ImportDocument.Cell([first.text], line: first.number)])
                run.removeFirst()
            }
            let starters = run.indices.filter { startsRow(run[$0], numbered: numbered, column: column) }
            var pieces: [[PageLine]] = []
            if starters.count <= 1 { pieces = [run] } else {
                for (n, start) in starters.enumerated() {
                    let from = n == 0 ? 0 : start
                    let to = n + 1 < starters.count ? starters[n + 1] : run.count
                    pieces.append(Array(run[from..<to]))
                }
            }
            for rowLines in pieces {
                if rowLines.count == 1, ImportDocument.isNumberedHeading(rowLines[0].text) {
                    rows.append([ImportDocument.Cell([rowLines[0].text], line: rowLines[0].number)])
                    continue
                }
                var cells = Array(repeating: [String](), count: starts.count)
                for rowLine in rowLines {
                    // Pieces apart by two spaces are in different cells: one that falls in the column of the
                    // piece before it (pdftotext shifts a line's pieces after wide characters) is in the next.
                    var onLine = Array(repeating: "", count: starts.count)
                    var last = -1
                    for piece in cellPieces(rowLine.raw) {
                        var at = column(piece.start)
                        if at <= last, piece.gap >= 2 || piece.cjkBreak { at = min(last + 1, starts.count - 1) }
                        onLine[at] = joined(onLine[at], piece.text, space: true)
                        last = at
                    }
                    for at in onLine.indices where !onLine[at].isEmpty { cells[at].append(onLine[at]) }
                }
                let line = rowLines.first?.number ?? 0
                rows.append(cells.map { ImportDocument.Cell($0.isEmpty ? [] : [$0.joined(separator: "\u{2028}")], line: line) })
            }
        }
        guard !rows.isEmpty else { return nil }
        let headerRow = headers.map { ImportDocument.Cell([$0.joined()], line: lines[index].number) }
        return (ImportDocument.Table(rows: [headerRow] + rows, line: lines[index].number), position, left)
    }

    /// A line's words for its cells, with the space before each and whether it stands between two
    /// Chinese words (`市场监管所 月底前`: two cells; `2025 年 4 月`, `完成 120 户`: one).
    static func cellPieces(_ raw: String) -> [(text: String, start: Int, gap: Int, cjkBreak: Bool)] {
        var out: [(text: String, start: Int, gap: Int, cjkBreak: Bool)] = []
        for word in segments(raw, wordsOnly: true) {
            guard let previous = out.last else { out.append((word.text, word.start, 99, false)); continue }
            let gap = word.start - (previous.start + previous.text.count)
            let cjk = previous.text.last.map(isWide) == true && word.text.first.map(isWide) == true
                && !"（）《》、，".contains(previous.text.last ?? " ")
            out.append((word.text, word.start, gap, gap == 1 && cjk))
        }
        return out
    }

    /// A row's first line: its number in the first column (a numbered table), else words in the
    /// first column and another.
    static func startsRow(_ line: PageLine, numbered: Bool, column: (Int) -> Int) -> Bool {
        let words = segments(line.raw)
        guard let first = words.first, column(first.start) == 0 else { return false }
        return numbered ? ImportDocument.rowNumber(first.text.split(separator: " ").first.map(String.init) ?? "") != nil : words.count >= 2
    }

    /// Whether the lines after `index` (up to the next blank line after some text) hold a row: a
    /// numbered line (a centred cell's number may be on the row's middle line), or two pieces.
    static func nextIsRow(_ lines: [PageLine], after index: Int, numbered: Bool) -> Bool {
        var seen = false
        for next in lines[(index + 1)...] {
            if next.text.isEmpty { if seen { break } else { continue } }
            seen = true
            let pieces = segments(next.raw)
            guard let first = pieces.first else { continue }
            if ImportDocument.isNumberedHeading(first.text) { return false }
            if numbered ? (pieces.count >= 2 && ImportDocument.rowNumber(first.text) != nil) : pieces.count >= 2 { return true }
        }
        return false
    }

    // MARK: Measures

    static func isWide(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first?.value else { return false }
        return (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar) || (0x20000...0x3FFFD).contains(scalar) || (0x2010...0x201F).contains(scalar)
            || (0x3000...0x303F).contains(scalar)
    }

    /// The columns a text takes: a Chinese character two, others one.
    static func columns(_ text: String) -> Int {
        text.reduce(0) { $0 + (isWide($1) ? 2 : 1) }
    }

    static func mostCommon(_ values: [Int]) -> Int? {
        var counts: [Int: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }?.key
    }

    static func percentile(_ values: [Int], _ p: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
    }
}
