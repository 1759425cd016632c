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
    static func joined(_ a: String, _ b: String) -> String {
        guard let last = a.last, let first = b.first else { return a + b }
        return last.isASCII && last.isLetter && first.isASCII && first.isLetter ? a + " " + b : a + b
    }

    // MARK: Tables

    /// A piece of a line: its text and the column it starts in.
    struct Segment {
        var text: String
        var start: Int
        var end: Int
    }

    /// The pieces of a line apart by runs of two or more spaces.
    static func segments(_ raw: String) -> [Segment] {
        var out: [Segment] = []
        var current = ""
        var start = 0
        var column = 0
        var spaces = 0
        for c in raw {
            let width = c.isASCII ? 1 : (isWide(c) ? 2 : 1)
            if c == " " || c == "\u{3000}" {
                spaces += width
            } else {
                if spaces >= 2 || current.isEmpty {
                    if !current.isEmpty { out.append(Segment(text: current, start: start, end: column - spaces)) }
                    current = ""
                    start = column
                } else if spaces > 0 {
                    current += " "
                }
                spaces = 0
                current.append(c)
            }
            column += width
        }
        if !current.isEmpty { out.append(Segment(text: current, start: start, end: column - spaces)) }
        return out
    }

    /// A table whose header is at `index`: the table, the index after it, and the lines it left out.
    static func table(_ lines: [PageLine], at index: Int) -> (ImportDocument.Table, Int, [(line: Int, reason: String)])? {
        let header = segments(lines[index].raw)
        guard header.count >= 3, ImportDocument.isTableHeader(header.map(\.text)) else { return nil }
        let starts = header.map(\.start)
        var headers = header.map { [$0.text] }
        let numbered = ImportDocument.rowNumber(header[0].text) == nil && ["序号", "编号"].contains(header[0].text.filter { !$0.isWhitespace })
        func column(_ segment: Segment) -> Int {
            starts.lastIndex { $0 <= segment.start + 2 } ?? 0
        }
        var rows: [[ImportDocument.Cell]] = []
        var row: [[String]]?
        var rowLine = 0
        var left: [(line: Int, reason: String)] = []
        func closeRow() {
            if let cells = row { rows.append(cells.map { ImportDocument.Cell($0.filter { !$0.isEmpty }, line: rowLine) }) }
            row = nil
        }
        var position = index + 1
        // A header cell wrapped over a second line (`牵头区` / `领导`) before the first row.
        while position < lines.count, !lines[position].text.isEmpty {
            let pieces = segments(lines[position].raw)
            guard !pieces.isEmpty, pieces.count < header.count, ImportDocument.rowNumber(pieces[0].text) == nil,
                  !pieces.contains(where: { ImportDocument.isNumberedHeading($0.text) }),
                  pieces.allSatisfy({ $0.text.count <= 6 && starts.contains(column($0)) && abs(starts[column($0)] - $0.start) <= 4 }) else { break }
            for piece in pieces { headers[column(piece)].append(piece.text) }
            position += 1
        }
        let headerTexts = headers.map { $0.joined() }
        var blankRun = 0
        while position < lines.count {
            let line = lines[position]
            if line.text.isEmpty { blankRun += 1; position += 1; if blankRun > 3 && row == nil { break }; continue }
            blankRun = 0
            let pieces = segments(line.raw)
            if ImportDocument.isPageDebris(line.text) {
                left.append((line.number, "page-break debris: \(line.text)"))
                position += 1
                continue
            }
            // The header again on the next page.
            if pieces.map(\.text).joined() == header.map(\.text).joined() {
                left.append((line.number, "the table's header again (a page break)"))
                position += 1
                continue
            }
            let first = pieces.first.map(column) ?? 0
            let startsRow = numbered ? (first == 0 && ImportDocument.rowNumber(pieces[0].text) != nil)
                : (first == 0 && pieces.count >= 2)
            // One piece alone: a sub-heading row (`一、…（小计 4 项）`) when rows follow it, else a heading or a
            // line across the columns — the text after the table; else a cell's text wrapped onto this line.
            if let only = pieces.first, pieces.count == 1, !startsRow {
                let heading = ImportDocument.isNumberedHeading(only.text)
                if heading, nextStartsRow(lines, after: position, numbered: numbered, starts: starts) {
                    closeRow()
                    rows.append([ImportDocument.Cell([only.text], line: line.number)])
                    position += 1
                    continue
                }
                if heading || only.end > (starts.count > 2 ? starts[2] : Int.max) || row == nil { break }
            }
            if startsRow {
                closeRow()
                row = Array(repeating: [], count: starts.count)
                rowLine = line.number
            }
            guard var cells = row else { break }
            for piece in pieces {
                let at = column(piece)
                if let last = cells[at].last { cells[at][cells[at].count - 1] = joined(last, piece.text) } else { cells[at] = [piece.text] }
            }
            row = cells
            position += 1
        }
        closeRow()
        guard !rows.isEmpty else { return nil }
        let headerRow = headerTexts.map { ImportDocument.Cell([$0], line: lines[index].number) }
        return (ImportDocument.Table(rows: [headerRow] + rows, line: lines[index].number), position, left)
    }

    static func nextStartsRow(_ lines: [PageLine], after index: Int, numbered: Bool, starts: [Int]) -> Bool {
        guard let next = lines[(index + 1)...].first(where: { !$0.text.isEmpty }) else { return false }
        let pieces = segments(next.raw)
        guard let first = pieces.first else { return false }
        return numbered ? ImportDocument.rowNumber(first.text) != nil : pieces.count >= 2
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
