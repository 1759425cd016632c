/// A Markdown file split into its YAML front matter and its body. The YAML
/// text keeps the file's line numbers: it starts with an empty line standing
/// for the opening `---`, so Yams' marks are file lines.
public struct FrontMatter: Sendable {
    public var yaml: String
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int
    /// The file line where front matter that lost its opening `---` starts (`title: …` on the
    /// first line, then `---`): read as front matter all the same, and warned about.
    public var openingMissingAt: Int?

    public enum Failure: Error, Sendable, Equatable {
        /// The file does not start with `---`.
        case missing
        /// No closing `---` line; `line` is the opening line.
        case unclosed(line: Int)
    }

    public static func split(_ text: String) -> Result<FrontMatter, Failure> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Leading blank lines before the opening fence are tolerated.
        var first = 0
        while first < lines.count, lines[first].allSatisfy(\.isWhitespace), first < lines.count - 1 {
            first += 1
        }
        guard first < lines.count else { return .failure(.missing) }
        if trimmed(lines[first]) != "---" {
            guard let close = lostOpeningClose(lines, from: first) else { return .failure(.missing) }
            let yaml = (Array(repeating: Substring(""), count: first) + lines[first..<close]).joined(separator: "\n")
            var split = FrontMatter(yaml: yaml, body: lines[(close + 1)...].joined(separator: "\n"), bodyFirstLine: close + 2)
            split.openingMissingAt = first + 1
            return .success(split)
        }
        guard let close = lines[(first + 1)...].firstIndex(where: { trimmed($0) == "---" || trimmed($0) == "..." }) else {
            return .failure(.unclosed(line: first + 1))
        }
        let yamlLines = Array(repeating: Substring(""), count: first + 1) + lines[(first + 1)..<close]
        let yaml = yamlLines.joined(separator: "\n")
        lines = Array(lines[(close + 1)...])
        return .success(FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), bodyFirstLine: close + 2))
    }

    /// Whether text starts as front matter without its opening `---` would: a `key:` line, then
    /// only `key:` lines, indented lines, list items, comments and blank lines up to a `---`
    /// line (within 60 lines). The index of that line.
    static func lostOpeningClose(_ lines: [Substring], from first: Int) -> Int? {
        guard isKeyLine(lines[first]) else { return nil }
        var index = first + 1
        while index < lines.count, index <= first + 60 {
            let line = lines[index]
            if trimmed(line) == "---" { return index }
            let plain = line.allSatisfy { $0 == " " || $0 == "\t" } || line.first == " " || line.first == "\t"
                || line.hasPrefix("- ") || line.hasPrefix("#") || isKeyLine(line)
            guard plain else { return nil }
            index += 1
        }
        return nil
    }

    /// `title: …`, `draft: true`, `cover_letter:`: a YAML key of lowercase letters, digits, `_` and `-`.
    static func isKeyLine(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else { return false }
        let key = line[..<colon]
        // Lowercase, as every key of the content format: `Note: …` starting a text is prose.
        guard let head = key.unicodeScalars.first, ("a"..."z").contains(head) || head == "_" else { return false }
        guard key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else { return false }
        let after = line[line.index(after: colon)...]
        return after.isEmpty || after.first == " "
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }
}
