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

    public init() {}

    mutating func skipped(line: Int, _ message: String) { entries.append(Entry(kind: .skipped, line: line, message: message)) }
    mutating func guess(line: Int, _ message: String) { entries.append(Entry(kind: .guess, line: line, message: message)) }
    mutating func note(line: Int = 0, _ message: String) { entries.append(Entry(kind: .note, line: line, message: message)) }

    /// The report as printed, one entry a line, in source order.
    public var text: String {
        entries.sorted { ($0.line, $0.kind.rawValue) < ($1.line, $1.kind.rawValue) }.map { entry in
            let place = entry.line > 0 ? "line \(entry.line): " : ""
            return "\(entry.kind.rawValue): \(place)\(entry.message)"
        }.joined(separator: "\n")
    }
}
