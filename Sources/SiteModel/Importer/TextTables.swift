import Foundation

/// Finds the tables in a text as it was pasted or printed: cells apart by tabs
/// (or, in a table copied out of a PDF, by runs of two or more spaces), a
/// header row (序号 …, or two column names the importer knows), the header
/// repeated at page breaks, sub-heading rows (`一、…（小计 4 项）`), and cells
/// that go on over the next line. A table ends where a line is none of these:
/// a chapter heading, a paragraph, the title of the next table — the text after
/// a table is text again.
enum TextTables {
    typealias RawLine = (number: Int, text: String)

    /// The blocks of a run of lines: each run of table lines one table, every other line as it was.
    static func blocks(_ source: [ImportDocument.Line], report: inout ImportReport) -> [ImportDocument.Block] {
        let lines = source.map { (number: $0.line, text: $0.text) }
        var blocks: [ImportDocument.Block] = []
        var index = 0
        while index < lines.count {
            if startsTable(lines, at: index), let (table, end) = table(lines, from: index, report: &report) {
                blocks.append(.table(table))
                index = end
                continue
            }
            blocks.append(.text(source[index]))
            index += 1
        }
        return blocks
    }

    /// A header row, or the first of two lines that both have cells apart by tabs (not a metadata box).
    static func startsTable(_ lines: [RawLine], at index: Int) -> Bool {
        let raw = lines[index].text
        if AttachmentTable.isHeaderRow(raw) { return true }
        guard isTabRow(raw) else { return false }
        let next = lines[(index + 1)...].first { !ImportText.clean($0.text).isEmpty }
        return next.map { isTabRow($0.text) } ?? false
    }

    /// A line of two or more cells apart by tabs that is not a metadata box's line.
    static func isTabRow(_ raw: String) -> Bool {
        raw.contains("\t") && AttachmentTable.cells(raw).filter { !$0.isEmpty }.count >= 2 && HeaderMetadata.pairs(in: raw).isEmpty
    }

    /// The table whose header is at `start`, and the index of the first line after it.
    static func table(_ lines: [RawLine], from start: Int, report: inout ImportReport) -> (ImportDocument.Table, Int)? {
        let headerRaw = lines[start].text
        let header = AttachmentTable.cells(headerRaw)
        let tabbed = headerRaw.contains("\t")
        let numbered = header.first.map { AttachmentTable.rowNumberHeader($0) } ?? false
        let width = header.count
        var rows: [[ImportDocument.Cell]] = [header.map { ImportDocument.Cell(paragraphs($0), line: lines[start].number) }]
        var index = start + 1
        /// The next line with text after `i`.
        func nextText(after i: Int) -> RawLine? { lines[(i + 1)...].first { !ImportText.clean($0.text).isEmpty } }
        func isRow(_ raw: String) -> Bool {
            let cells = AttachmentTable.cells(raw)
            if numbered { return cells.count > 1 && AttachmentTable.rowNumber(cells[0]) != nil }
            return tabbed ? raw.contains("\t") && cells.filter { !$0.isEmpty }.count >= 2 : cells.count >= 2
        }
        while index < lines.count {
            let (number, raw) = lines[index]
            let clean = ImportText.clean(raw)
            if clean.isEmpty { index += 1; continue }
            if ImportText.isPageDebris(clean, loneNumbers: false) {
                report.debris(line: number, "page-break debris: \(clean)")
                index += 1
                continue
            }
            let cells = AttachmentTable.cells(raw)
            let filled = cells.filter { !$0.isEmpty }
            if AttachmentTable.isHeaderRow(raw) || (index > start && filled.count >= 2 && sameHeader(cells, header)) {
                // The header again at a page break: the same table goes on. Another header: another table.
                guard sameHeader(cells, header) else { break }
                report.debris(line: number, "the table's header again (a page break)")
                index += 1
                continue
            }
            if isRow(raw) {
                var row = cells
                // Space-set cells lose the empty ones: a deadline in the last cell belongs in the 完成时限 column.
                if !raw.contains("\t"), row.count < width, AttachmentTable.column(for: header[width - 1]) == .due, let last = row.last,
                   ImportDates.deadline(last, year: nil) != nil || ["全年", "长期", "持续", "年底"].contains(where: { last.contains($0) }) {
                    row.insert(contentsOf: Array(repeating: "", count: width - row.count), at: row.count - 1)
                }
                rows.append(row.map { ImportDocument.Cell(paragraphs($0), line: number) })
                index += 1
                continue
            }
            let onlyOne = filled.count == 1
            let firstText = ImportText.clean(filled.first ?? "")
            let nextIsHeader = nextText(after: index).map { AttachmentTable.isHeaderRow($0.text) || sameHeader(AttachmentTable.cells($0.text), header) } ?? false
            let nextIsRow = nextIsHeader || (nextText(after: index).map { isRow($0.text) } ?? false)
            // A sub-heading row (`一、…（小计 4 项）`), or a total: one cell across the table. A heading
            // followed by the header again is the text's next chapter, above a table of its own.
            if onlyOne, [.chapter, .section].contains(ImportText.kind(firstText)),
               (nextIsRow && !nextIsHeader) || raw.hasSuffix("\t") || AttachmentTable.subheading(firstText) != firstText {
                rows.append([ImportDocument.Cell([firstText], line: number)])
                index += 1
                continue
            }
            if onlyOne, AttachmentTable.isTotal(firstText) {
                rows.append([ImportDocument.Cell([firstText], line: number)])
                index += 1
                continue
            }
            // Between two tables: 附件2 and the next table's title are text.
            let next = nextText(after: index)
            if onlyOne, let next, AttachmentTable.isHeaderRow(next.text), !sameHeader(AttachmentTable.cells(next.text), header) { break }
            if onlyOne, firstText.hasPrefix("附件"), firstText.count <= 5 { break }
            if onlyOne, PlanImporter.isTableTitle(firstText), next.map({ AttachmentTable.isHeaderRow($0.text) }) ?? true { break }
            // A cell that goes on over this line (not a sub-heading's or a total's).
            guard rows.count > 1, rows[rows.count - 1].count > 1, var last = rows.popLast() else { break }
            while last.count < width, last.count > 2, last.last?.isEmpty == true { last.removeLast() }
            let lastCells = last.map { $0.lines.joined(separator: "\n") }
            // A heading or a numbered line after a complete row is the text again; a piece of text goes on
            // in the last cell when more rows follow, or when it does not read as a paragraph of its own.
            let complete = last.count >= width
            let isText = [.text, .units].contains(ImportText.kind(firstText))
            guard AttachmentTable.continues(lastCells, with: cells, columns: width),
                  !complete || (isText && ((nextIsRow && !nextIsHeader) || !endsTable(firstText, after: lastCells, onlyOne: onlyOne))) else {
                rows.append(last)
                break
            }
            if last.count >= width, let filledIndex = last.lastIndex(where: { !$0.isEmpty }) {
                append(firstText, to: &last[filledIndex])
            } else {
                append(cells[0], to: &last[last.count - 1])
                last += cells.dropFirst().map { ImportDocument.Cell(paragraphs($0), line: number) }
            }
            let row = last.first.flatMap { AttachmentTable.rowNumber(AttachmentTable.text($0)) }.map { "row \($0)" } ?? "the table row above"
            rows.append(last)
            report.guess(line: number, "joined to \(row), continued from the line above: \(firstText.prefix(20))…")
            index += 1
        }
        guard rows.count >= 2 else { return nil }
        return (ImportDocument.Table(rows: rows, line: lines[start].number), index)
    }

    /// A line after a complete row that is not the rest of its last cell: a heading, a numbered
    /// task, or a paragraph of its own after a cell that ended its sentence.
    static func endsTable(_ text: String, after row: [String], onlyOne: Bool) -> Bool {
        guard onlyOne else { return false }
        if ImportText.kind(text) != .text { return true }
        let lastCell = row.last { !$0.isEmpty } ?? ""
        return text.count > 30 && ImportText.endsSentence(lastCell)
    }

    static func sameHeader(_ cells: [String], _ header: [String]) -> Bool {
        cells.map { $0.filter { !$0.isWhitespace } } == header.map { $0.filter { !$0.isWhitespace } }
    }

    /// A cell written `<p>1. …</p> <p>2. …</p>`: its paragraphs.
    /// (`AttachmentTable.cells` made each `<p>` a line feed.)
    static func paragraphs(_ cell: String) -> [String] {
        guard cell.contains("\n") else { return cell.isEmpty ? [] : [cell] }
        return cell.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A line that goes on in a cell: after its last paragraph, on a new line of it.
    static func append(_ text: String, to cell: inout ImportDocument.Cell) {
        if cell.lines.isEmpty { cell.lines = [text]; return }
        cell.lines[cell.lines.count - 1] += String(AttachmentTable.lineBreak) + text
    }
}
