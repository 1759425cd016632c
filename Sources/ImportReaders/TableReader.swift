import CLibXML2
import SiteModel

/// A web page's `<table>` as a document's table: its rows (through `<thead>`,
/// `<tbody>`, `<tfoot>`), each cell's lines (`<p>`, `<br>`, `<li>` apart), and
/// a cell merged over rows or columns (`rowspan`, `colspan`) copied into every
/// place it covers. Nil for a table that lays out the page rather than holding
/// data: one column, a table inside a cell, a cell holding an article.
enum TableReader {
    static func read(_ table: xmlNodePtr) -> ImportDocument.Table? {
        var rows: [xmlNodePtr] = []
        func collectRows(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let next = child {
                if next.pointee.type == XML_ELEMENT_NODE {
                    switch PageWalker.name(next) {
                    case "tr": rows.append(next)
                    case "thead", "tbody", "tfoot": collectRows(next)
                    default: break
                    }
                }
                child = next.pointee.next
            }
        }
        collectRows(table)
        var grid: [[ImportDocument.Cell?]] = []
        for (rowIndex, row) in rows.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            var column = 0
            var child = row.pointee.children
            while let cell = child {
                child = cell.pointee.next
                guard cell.pointee.type == XML_ELEMENT_NODE, ["td", "th"].contains(PageWalker.name(cell)), !PageWalker.isHidden(cell) else { continue }
                if contains(cell, "table") { return nil }
                let lines = self.lines(cell)
                if lines.joined().count > 3000 { return nil }
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let across = min(max(Int(PageWalker.attribute(cell, "colspan") ?? "") ?? 1, 1), 50)
                let down = min(max(Int(PageWalker.attribute(cell, "rowspan") ?? "") ?? 1, 1), 200)
                let line = Int(xmlGetLineNo(cell))
                for r in rowIndex..<(rowIndex + down) {
                    while grid.count <= r { grid.append([]) }
                    for c in column..<(column + across) {
                        while grid[r].count <= c { grid[r].append(nil) }
                        grid[r][c] = ImportDocument.Cell(lines, line: line, isCopy: r != rowIndex || c != column)
                    }
                }
                column += across
            }
        }
        let filled = grid.map { row in row.map { $0 ?? ImportDocument.Cell([], line: 0) } }.filter { row in row.contains { !$0.isEmpty } }
        guard let width = filled.map(\.count).max(), width >= 2, !filled.isEmpty else { return nil }
        return ImportDocument.Table(rows: filled, line: Int(xmlGetLineNo(table)))
    }

    static func contains(_ node: xmlNodePtr, _ element: String) -> Bool {
        var child = node.pointee.children
        while let next = child {
            if next.pointee.type == XML_ELEMENT_NODE, PageWalker.name(next) == element || contains(next, element) { return true }
            child = next.pointee.next
        }
        return false
    }

    /// A cell's lines: its paragraphs, list items and `<br>`-broken lines, white space made one space.
    static func lines(_ cell: xmlNodePtr) -> [String] {
        var lines: [String] = []
        var current = ""
        func flush() {
            let text = current.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
                .replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { lines.append(text) }
            current = ""
        }
        func walk(_ node: xmlNodePtr) {
            var child = node.pointee.children
            while let next = child {
                child = next.pointee.next
                switch next.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = next.pointee.content { current += String(cString: content) }
                case XML_ELEMENT_NODE:
                    let name = PageWalker.name(next)
                    guard !PageWalker.skipped.contains(name), !PageWalker.isHidden(next) else { continue }
                    if name == "br" { flush(); continue }
                    let isBlock = PageWalker.blocks.contains(name)
                    if isBlock { flush() }
                    walk(next)
                    if isBlock { flush() }
                default: continue
                }
            }
        }
        walk(cell)
        flush()
        return lines
    }
}
