/// The diagnostics of a run, collected so that one run shows them all.
public struct Diagnostics: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        items.append(diagnostic)
    }

    public mutating func append(contentsOf other: Diagnostics) {
        items.append(contentsOf: other.items)
    }

    public mutating func append(contentsOf other: [Diagnostic]) {
        items.append(contentsOf: other)
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var errorCount: Int { items.count { $0.severity == .error } }
    public var warningCount: Int { items.count { $0.severity == .warning } }
    public var isEmpty: Bool { items.isEmpty }

    /// In file order: file, line, column, then code and message, so the output is stable.
    public var sorted: [Diagnostic] {
        Array(Set(items)).sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity < b.severity }
            if a.code != b.code { return a.code < b.code }
            return a.message < b.message
        }
    }
}
