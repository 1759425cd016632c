import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SiteModel

/// word/document.xml's body as blocks: each paragraph a line (numbered as Word
/// shows it), each table a table. Positions count the paragraphs in reading order.
final class WordBodyParser: NSObject, XMLParserDelegate {
    private(set) var blocks: [ImportDocument.Block] = []
    private var numbering: WordNumbering
    private let styles: WordStyles

    /// A paragraph being read; a text box inside one reads its own paragraphs meanwhile.
    private struct Paragraph {
        var text = ""
        var style: String?
        var numId: String?
        var level: Int?
        var isHeading = false
        var breaks: [String] = []
    }

    private struct Cell {
        var lines: [String] = []
        var span = 1
        /// `restart` begins a cell merged down the rows; `continue` is covered by the one above.
        var merge: String?
        var position = 0
    }

    private struct Table {
        var rows: [[Cell]] = []
        var row: [Cell]?
        var cell: Cell?
    }

    private var paragraphs: [Paragraph] = []
    private var tables: [Table] = []
    private var position = 0
    /// Depth counters of what is not read: a drawing's fallback copy, deleted text, field codes.
    private var skipDepth = 0
    private var inText = false
    private var inParagraphProperties = false
    private var runHidden = false

    init(numbering: WordNumbering, styles: WordStyles) {
        self.numbering = numbering
        self.styles = styles
    }

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let name = localName(elementName)
        if skipDepth > 0 || ["Fallback", "del", "delText", "instrText", "moveFrom"].contains(name) {
            skipDepth += 1
            return
        }
        switch name {
        case "p": paragraphs.append(Paragraph())
        case "pPr": inParagraphProperties = true
        case "pStyle" where inParagraphProperties: paragraphs.mutateLast { $0.style = attribute(attributes, "val") }
        case "numId" where inParagraphProperties: paragraphs.mutateLast { $0.numId = attribute(attributes, "val") }
        case "ilvl" where inParagraphProperties: paragraphs.mutateLast { $0.level = attribute(attributes, "val").flatMap(Int.init) }
        case "outlineLvl" where inParagraphProperties:
            if let level = attribute(attributes, "val").flatMap(Int.init), level < 9 { paragraphs.mutateLast { $0.isHeading = true } }
        case "r": runHidden = false
        case "vanish" where !inParagraphProperties: runHidden = !["0", "false", "off"].contains(attribute(attributes, "val") ?? "")
        case "t": inText = true
        case "tab" where !inParagraphProperties: append("\t")
        case "noBreakHyphen": append("-")
        case "br", "cr":
            guard !inParagraphProperties, !paragraphs.isEmpty else { return }
            paragraphs.mutateLast { $0.breaks.append($0.text); $0.text = "" }
        case "tbl": tables.append(Table())
        case "tr": tables.mutateLast { $0.row = [] }
        case "tc": tables.mutateLast { $0.cell = Cell() }
        case "gridSpan": tables.mutateLast { $0.cell?.span = max(1, min(attribute(attributes, "val").flatMap(Int.init) ?? 1, 64)) }
        case "vMerge": tables.mutateLast { $0.cell?.merge = attribute(attributes, "val") ?? "continue" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = localName(elementName)
        if skipDepth > 0 {
            skipDepth -= 1
            return
        }
        switch name {
        case "t": inText = false
        case "pPr": inParagraphProperties = false
        case "p": endParagraph()
        case "tc":
            tables.mutateLast { table in
                if let cell = table.cell { table.row?.append(cell) }
                table.cell = nil
            }
        case "tr":
            tables.mutateLast { table in
                if let row = table.row { table.rows.append(row) }
                table.row = nil
            }
        case "tbl": endTable()
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, skipDepth == 0, !runHidden { append(string) }
    }

    private func append(_ text: String) {
        guard skipDepth == 0, !paragraphs.isEmpty else { return }
        paragraphs.mutateLast { $0.text += text }
    }

    private func endParagraph() {
        guard var paragraph = paragraphs.popLast() else { return }
        let style = styles.style(paragraph.style)
        if let numId = paragraph.numId ?? style?.numId, let label = numbering.next(numId: numId, level: paragraph.level ?? style?.level ?? 0) {
            if let first = paragraph.breaks.first { paragraph.breaks[0] = label + first } else { paragraph.text = label + paragraph.text }
        }
        let isHeading = paragraph.isHeading || style?.isHeading == true
        let lines = (paragraph.breaks + [paragraph.text]).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return }
        if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            tables.mutateLast { table in
                if table.cell?.lines.isEmpty == true { self.position += 1; table.cell?.position = self.position }
                table.cell?.lines += lines
            }
            return
        }
        for (index, line) in lines.enumerated() {
            position += 1
            // A line broken inside a paragraph (Shift+Enter) may go on; a paragraph is whole.
            let role: ImportDocument.Line.Role = isHeading ? .heading : (index < lines.count - 1 ? .line : .paragraph)
            blocks.append(.text(ImportDocument.Line(line, line: position, role: role)))
        }
    }

    /// The table as rows of cells: a cell spanning columns copied into each, one merged down the rows
    /// copied into each row it covers; a table inside a cell is that cell's lines.
    private func endTable() {
        guard let table = tables.popLast() else { return }
        var grid: [[ImportDocument.Cell]] = []
        for row in table.rows {
            var cells: [ImportDocument.Cell] = []
            for cell in row {
                let column = cells.count
                var content = ImportDocument.Cell(cell.lines, line: cell.position)
                if cell.merge == "continue", let above = grid.last, column < above.count {
                    content = ImportDocument.Cell(above[column].lines, line: above[column].line, isCopy: true)
                }
                cells.append(content)
                for _ in 1..<max(cell.span, 1) { cells.append(ImportDocument.Cell(content.lines, line: content.line, isCopy: true)) }
            }
            grid.append(cells)
        }
        let lines = grid.flatMap { $0.filter { !$0.isCopy }.flatMap(\.lines) }
        if !tables.isEmpty, tables[tables.count - 1].cell != nil {
            tables.mutateLast { $0.cell?.lines += lines }
            return
        }
        guard !lines.isEmpty else { return }
        let first = grid.lazy.flatMap { $0 }.first { $0.line > 0 }?.line ?? position
        blocks.append(.table(ImportDocument.Table(rows: grid.filter { $0.contains { !$0.isEmpty } }, line: first)))
    }
}

extension Array {
    mutating func mutateLast(_ change: (inout Element) -> Void) {
        guard !isEmpty else { return }
        change(&self[count - 1])
    }
}
