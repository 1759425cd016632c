/// A Markdown file split into its YAML front matter and its body. The YAML
/// text keeps the file's line numbers: it starts with an empty line standing
/// for the opening `---`, so Yams' marks are file lines.
public struct FrontMatter: Sendable {
    public var yaml: String
    public var body: String
    /// The file line of the body's first line.
    public var bodyFirstLine: Int

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
        guard first < lines.count, trimmed(lines[first]) == "---" else { return .failure(.missing) }
        guard let close = lines[(first + 1)...].firstIndex(where: { trimmed($0) == "---" || trimmed($0) == "..." }) else {
            return .failure(.unclosed(line: first + 1))
        }
        let yamlLines = Array(repeating: Substring(""), count: first + 1) + lines[(first + 1)..<close]
        let yaml = yamlLines.joined(separator: "\n")
        lines = Array(lines[(close + 1)...])
        return .success(FrontMatter(yaml: yaml, body: lines.joined(separator: "\n"), bodyFirstLine: close + 2))
    }

    private static func trimmed(_ line: Substring) -> Substring {
        var line = line
        while let last = line.last, last == " " || last == "\t" { line = line.dropLast() }
        return line
    }
}
