import Foundation

/// A published document as its reader found it, whatever the format: lines of
/// text (a printed line, or a whole paragraph when the format knows them),
/// tables (rows of cells, merged cells already spread over the rows they
/// cover), and the label–value pairs of a website's metadata box. The importer
/// works on this alone, so every format gets every rule.
public struct ImportDocument: Sendable, Equatable {
    public enum Format: String, Sendable { case text, html, docx, pdf }

    /// A line of text with the place it comes from.
    public struct Line: Sendable, Equatable {
        public enum Role: Sendable, Equatable {
            /// A printed line: it may go on over the next one (text, PDF).
            case line
            /// A whole paragraph (HTML, Word).
            case paragraph
            /// A heading as the format marks it (h1–h6, a Word heading style).
            case heading
        }
        /// The text as written (tabs kept: a table pasted as text has them).
        public var text: String
        /// The source position: a line of the file (text, PDF), a paragraph (Word) or the place
        /// in reading order (HTML, see `sourceLines`). Unique and increasing through the document.
        public var line: Int
        public var role: Role

        public init(_ text: String, line: Int, role: Role = .line) {
            self.text = text
            self.line = line
            self.role = role
        }
    }

    /// A table cell: its lines (paragraphs, or lines broken inside the cell) and where it starts.
    public struct Cell: Sendable, Equatable {
        public var lines: [String]
        public var line: Int
        /// A copy of a cell merged over several rows or columns (the text is the merged cell's).
        public var isCopy: Bool

        public init(_ lines: [String], line: Int, isCopy: Bool = false) {
            self.lines = lines
            self.line = line
            self.isCopy = isCopy
        }

        public var text: String { lines.joined(separator: "\n") }
        public var isEmpty: Bool { lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }
    }

    /// A table: its rows in order, the first being its header when it has one.
    public struct Table: Sendable, Equatable {
        public var rows: [[Cell]]
        public var line: Int

        public init(rows: [[Cell]], line: Int) {
            self.rows = rows
            self.line = line
        }
    }

    /// One label–value pair of a metadata box (`发布机构 | 某某街道办事处`).
    public struct Pair: Sendable, Equatable {
        public var label: String
        public var value: String
        public var line: Int

        public init(label: String, value: String, line: Int) {
            self.label = label
            self.value = value
            self.line = line
        }
    }

    public enum Block: Sendable, Equatable {
        case text(Line)
        case table(Table)
        case metadata([Pair])

        public var line: Int {
            switch self {
            case .text(let line): line.line
            case .table(let table): table.line
            case .metadata(let pairs): pairs.first?.line ?? 0
            }
        }
    }

    /// A link to a file published with the document (HTML: `<a href="….pdf">`).
    public struct Link: Sendable, Equatable {
        public var title: String
        public var href: String
        public var line: Int

        public init(title: String, href: String, line: Int) {
            self.title = title
            self.href = href
            self.line = line
        }
    }

    public var format: Format
    public var blocks: [Block]
    public var links: [Link] = []
    /// What the reader left out and why (a page's navigation, a Word page header), for the report.
    public var leftOut: [(line: Int, reason: String)] = []
    /// What a position is called in the report: `line` (text, HTML, PDF) or `paragraph` (Word).
    public var positionName = "line"
    /// PDF: the position each page starts at, so a place reads `page 3, line 12`.
    public var pageStarts: [Int] = []
    /// HTML: the file's line of each position (positions are 1, 2, 3 … in reading order, as
    /// several blocks may stand on one line of the file); empty when positions are lines.
    public var sourceLines: [Int] = []

    public init(format: Format, blocks: [Block]) {
        self.format = format
        self.blocks = blocks
    }

    public static func == (lhs: ImportDocument, rhs: ImportDocument) -> Bool {
        lhs.format == rhs.format && lhs.blocks == rhs.blocks && lhs.links == rhs.links
    }

    /// `line 12`, `paragraph 30`, `page 3, line 12`.
    public func place(_ position: Int) -> String {
        if let page = pageStarts.lastIndex(where: { $0 <= position }) {
            return "page \(page + 1), line \(position - pageStarts[page] + 1)"
        }
        if position >= 1, position <= sourceLines.count { return "\(positionName) \(sourceLines[position - 1])" }
        return "\(positionName) \(position)"
    }
}

/// The importer's line rules a reader may use while it lays out its document (a PDF's tables and
/// page numbers): the same rules, so that every format is read alike.
extension ImportDocument {
    /// A task table's header row: `序号 | 重点任务 | 责任单位 …`, or short cells naming a task column and who does it.
    public static func isTableHeader(_ cells: [String]) -> Bool {
        let filled = cells.filter { !$0.allSatisfy(\.isWhitespace) }
        guard filled.count >= 2 else { return false }
        if let first = filled.first, AttachmentTable.rowNumberHeader(first) { return filled.dropFirst().compactMap(AttachmentTable.column(for:)).count >= 2 }
        return AttachmentTable.isHeader(filled)
    }

    /// A page number on its own line (`- 3 -`, `第 2 页 共 5 页`).
    public static func isPageDebris(_ line: String) -> Bool { ImportText.isPageDebris(ImportText.clean(line), loneNumbers: true) }

    /// `12`, `12.`, `12、`: a table row's number.
    public static func rowNumber(_ cell: String) -> Int? { AttachmentTable.rowNumber(cell) }
}

extension ImportDocument {
    /// `一、…` or `（一）…`: a chapter's or section's heading line.
    public static func isNumberedHeading(_ line: String) -> Bool {
        let kind = ImportText.kind(ImportText.clean(line))
        return kind == .chapter || kind == .section
    }
}

extension ImportDocument {
    /// A line that reads as a plan's title (`某镇2025年安全生产工作要点`, `关于…的意见`).
    public static func isPlanTitle(_ line: String) -> Bool { PlanHeader.isTitle(ImportText.clean(line)) }
}
