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
        // Lines are read only as far as the closing fence; the body is the rest of the text as written
        // (a plan's body is most of its file: splitting it into lines to join them again cost a tenth
        // of loading a large site).
        var cursor = LineCursor(text)
        var lines: [Substring] = []
        // Leading blank lines before the opening fence are tolerated.
        while let line = cursor.next() {
            lines.append(line)
            if !line.allSatisfy(\.isWhitespace) { break }
        }
        let first = lines.count - 1
        guard first >= 0, !lines[first].allSatisfy(\.isWhitespace) else { return .failure(.missing) }
        if trimmed(lines[first]) != "---" {
            while lines.count <= first + 61, let line = cursor.next() { lines.append(line) }
            guard let close = lostOpeningClose(lines, from: first) else { return .failure(.missing) }
            let yaml = (Array(repeating: Substring(""), count: first) + lines[first..<close]).joined(separator: "\n")
            var split = FrontMatter(yaml: yaml, body: String(cursor.text(after: lines[close])), bodyFirstLine: close + 2)
            split.openingMissingAt = first + 1
            return .success(split)
        }
        var close = first + 1
        var yamlStart: String.Index?, yamlEnd: String.Index?
        while let line = cursor.next() {
            let fence = trimmed(line)
            if fence == "---" || fence == "..." {
                let yaml = yamlStart.map { String(repeating: "\n", count: first + 1) + text[$0..<(yamlEnd ?? $0)] }
                    ?? String(repeating: "\n", count: first)
                return .success(FrontMatter(yaml: yaml, body: String(cursor.text(after: line)), bodyFirstLine: close + 2))
            }
            if yamlStart == nil { yamlStart = line.startIndex }
            yamlEnd = line.endIndex
            close += 1
        }
        return .failure(.unclosed(line: first + 1))
    }

    /// The lines of a text one at a time (split at `\n`, as `split(separator:omittingEmptySubsequences: false)`).
    struct LineCursor {
        let text: String
        private var position: String.Index?

        init(_ text: String) {
            self.text = text
            self.position = text.startIndex
        }

        mutating func next() -> Substring? {
            guard let start = position else { return nil }
            if let end = text.utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
                position = text.utf8.index(after: end)
                return text[start..<end]
            }
            position = nil
            return text[start...]
        }

        /// The text after a line this cursor gave and its line end ("" when it was the last line).
        func text(after line: Substring) -> Substring {
            guard line.endIndex < text.endIndex else { return "" }
            return text[text.utf8.index(after: line.endIndex)...]
        }
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
