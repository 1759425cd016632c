import Foundation

/// What the importer tells the publisher: the lines it could not place,
/// the guesses it made, and what it wrote — each with the source line.
public struct ImportReport: Sendable {
    public struct Entry: Sendable, Hashable {
        public enum Kind: String, Sendable { case skipped, guess, note }
        public var kind: Kind
        /// The source line (1-based), 0 when not tied to one.
        public var line: Int
        public var message: String
    }

    public private(set) var entries: [Entry] = []
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

    /// The report as printed, one entry a line, in source order.
    public var text: String {
        entries.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }.map { entry in
            let place = entry.line > 0 ? self.place(entry.line) + ": " : ""
            return "\(entry.kind.rawValue): \(place)\(entry.message)"
        }.joined(separator: "\n")
    }
}
