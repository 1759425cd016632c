import SiteModel

/// The lists inside one cell: names apart by 、，,；;/ or line breaks (and spaces
/// between names of more than one character: `王 珏` is one name, padded).
enum CellLists {
    /// `isOneName`: whether text with spaces in it is one name all the same (a unit the
    /// directory knows, written `区人力资源 保障局`).
    static func names(_ text: String, isOneName: (String) -> Bool = { _ in false }) -> [String] {
        var out: [String] = []
        var piece = ""
        func flush() {
            let trimmed = piece.trimmingWhitespace
            piece = ""
            guard !trimmed.isEmpty else { return }
            let parts = trimmed.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            if parts.count > 1, parts.allSatisfy({ $0.count == 1 }) || isOneName(parts.joined()) {
                out.append(parts.joined())
            } else {
                out += parts
            }
        }
        for character in text {
            if UnitNames.separators.contains(character) || character == "\r" { flush() } else { piece.append(character) }
        }
        flush()
        return out
    }

    /// English names apart by `;`, kept in place (an empty one where a leader has none).
    static func englishNames(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "；" || $0 == "\n" }).map { String($0).trimmingWhitespace }
    }

    /// `2024-12-31 整治…` lines: the date, then what happens (nil when the line gives none).
    static func milestones(_ text: String) -> [(day: Day, what: String?)]? {
        var out: [(Day, String?)] = []
        for line in text.split(separator: "\n") {
            let trimmed = String(line).trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            let prefix = String(trimmed.prefix(10))
            guard let day = Day(iso: prefix) else { return nil }
            var rest = trimmed.dropFirst(10)
            while let first = rest.first, first.isWhitespace || first == "：" || first == ":" { rest = rest.dropFirst() }
            out.append((day, rest.isEmpty ? nil : String(rest)))
        }
        return out
    }
}
