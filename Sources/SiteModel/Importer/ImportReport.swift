import Foundation

/// What the importer tells the publisher: the lines it could not place,
/// the guesses it made, and what it wrote — each with the source line.
public struct ImportReport: Sendable {
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable { case skipped, guess, note, error }
        public var kind: Kind
        /// The source line (1-based), 0 when not tied to one.
        public var line: Int
        public var message: String
    }

    public private(set) var entries: [Entry] = []
    /// The positions of the lines that are not the document's text (page numbers, a page's
    /// navigation, a table's header repeated at a page break, a table's total): not lost.
    public private(set) var debrisLines: Set<Int> = []
    /// The header fields, one line each (`文号 doc_number: 普安委〔2022〕6号 (line 3)`), and the count found.
    public var fields: [String] = []
    /// The last line: `import: N tasks, N units, header F/T fields found, N tables, N lines lost`.
    public var summary = ""
    /// Lines of the source that are not in the output: the import failed.
    public var lostCount = 0
    /// What a position is called (`line`, `paragraph`) and, for a PDF, where its pages start.
    public var positionName = "line"
    public var pageStarts: [Int] = []
    public var sourceLines: [Int] = []

    public init() {}

    init(for document: ImportDocument) {
        positionName = document.positionName
        pageStarts = document.pageStarts
        sourceLines = document.sourceLines
    }

    /// `line 12`, `paragraph 30`, `page 3, line 12`.
    public func place(_ position: Int) -> String {
        var document = ImportDocument(format: .text, blocks: [])
        document.positionName = positionName
        document.pageStarts = pageStarts
        document.sourceLines = sourceLines
        return document.place(position)
    }

    mutating func skipped(line: Int, _ message: String) { entries.append(Entry(kind: .skipped, line: line, message: message)) }
    mutating func guess(line: Int, _ message: String) { entries.append(Entry(kind: .guess, line: line, message: message)) }
    mutating func note(line: Int = 0, _ message: String) { entries.append(Entry(kind: .note, line: line, message: message)) }
    mutating func error(line: Int, _ message: String) { entries.append(Entry(kind: .error, line: line, message: message)) }
    /// A line that is not the document's text, left out: reported, and not counted as lost.
    mutating func debris(line: Int, _ message: String) {
        skipped(line: line, message)
        debrisLines.insert(line)
    }

    /// The report as printed: one entry a line in source order, the header fields, the summary.
    public var text: String {
        var lines = entries.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }.map { entry in
            let place = entry.line > 0 ? self.place(entry.line) + ": " : ""
            return "\(entry.kind.rawValue): \(place)\(entry.message)"
        }
        if !fields.isEmpty { lines += ["header fields:"] + fields.map { "  " + $0 } }
        if !summary.isEmpty { lines.append(summary) }
        return lines.joined(separator: "\n")
    }
}
