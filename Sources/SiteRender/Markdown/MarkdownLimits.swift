import SiteModel

/// Limits on a Markdown text, checked in one scan of its bytes before cmark-gfm
/// sees it, that bound the library's time and memory on any input.
///
/// cmark-gfm 0.29 (Debian 12's) makes a node for nearly every markup
/// character — about 800 bytes each once parsed and rendered — and a node
/// per nesting level of lists and quotes: a 20 MB text of `[a` or of nested
/// `- ` markers needed gigabytes. Its table extension takes time quadratic in
/// the cells of one row. A real plan is 20–50 KB with a few dozen markup
/// characters, lists three deep and tables of a dozen columns; every limit
/// here is a hundred times or more above that. A text over a limit is an
/// error at the line where the limit is passed, and is not rendered.
enum MarkdownLimits {
    /// Lists and block quotes nested deeper than this at the start of a line.
    static let maximumNesting = 32
    /// Inline markup characters in one text: `*` `_` `~` `` ` `` `[` `]` `<` `>` `!` `&` `\`.
    static let maximumMarkupCharacters = 50_000
    /// `|` on one line (cells of a table row).
    static let maximumPipesPerLine = 256
    /// `|` in one text (cells of all its tables).
    static let maximumPipes = 100_000
    /// Lines in one text.
    static let maximumLines = 100_000
    /// Characters at which cmark-gfm ends a text node to try a rule that may not apply: `w`, `:`
    /// and `.` (where a `www.` or `http:` autolink could start or end) and quotes. Each makes a
    /// node of its own — 19 MB of `w` took 3.3 GB, of `.` 3.4 GB. In prose they are a few in a
    /// hundred characters.
    static let maximumTextSplits = 1_000_000
    /// Autolink starts (`@`, `www.`, `://`) times the bytes of the paragraph they are in, summed
    /// over the text: the autolink extension copies the rest of a paragraph's text at each address
    /// or link it finds, and keeps the copies until the text is rendered — a megabyte of `a@a.`
    /// ran for minutes, a thousand addresses in a 6 MB paragraph took 5 GB, a hundred paragraphs
    /// of 900 addresses in 13 KB took 1.4 GB. The sum is about the bytes copied; a plan's
    /// paragraphs are a few kilobytes with a few addresses in them (a sum of tens of kilobytes).
    static let maximumAutolinkWork = 50_000_000

    struct Exceeded: Equatable {
        enum Limit: Equatable { case nesting, markup, pipesPerLine, pipes, lines, autolinks, splits }
        var limit: Limit
        /// 1-based, in the text.
        var line: Int
    }

    /// The first limit the text passes, with the line where it does.
    static func check(_ text: String) -> Exceeded? {
        var text = text
        return text.withUTF8 { bytes -> Exceeded? in
            var markup = 0, pipes = 0, splits = 0, line = 1
            // The paragraph the line is in: its bytes and its autolink starts; the work of the
            // paragraphs before it.
            var paragraphBytes = 0, autolinks = 0, earlierWork = 0
            var index = 0
            let count = bytes.count
            while index < count {
                // The container markers at the start of the line: `>`, `-` `+` `*` and `1.` `1)` list items,
                // each followed by a space; four columns of indentation count as one level.
                var nesting = 0, spaces = 0
                var cursor = index
                scan: while cursor < count {
                    switch bytes[cursor] {
                    case 0x20: spaces += 1; cursor += 1
                    case 0x09: spaces += 4; cursor += 1
                    case UInt8(ascii: ">"): nesting += 1; cursor += 1
                    case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
                        guard cursor + 1 < count, bytes[cursor + 1] == 0x20 || bytes[cursor + 1] == 0x09 else { break scan }
                        nesting += 1; cursor += 1
                    case UInt8(ascii: "0")...UInt8(ascii: "9"):
                        var digit = cursor
                        while digit < count, digit - cursor < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[digit]) { digit += 1 }
                        guard digit + 1 < count, bytes[digit] == UInt8(ascii: ".") || bytes[digit] == UInt8(ascii: ")"),
                              bytes[digit + 1] == 0x20 || bytes[digit + 1] == 0x09 else { break scan }
                        nesting += 1; cursor = digit + 1
                    default: break scan
                    }
                    if nesting + spaces / 4 > maximumNesting { return Exceeded(limit: .nesting, line: line) }
                }
                // A list item, a quote or a table row starts a text node of its own in cmark.
                if nesting > 0 || (cursor < count && bytes[cursor] == UInt8(ascii: "|")) {
                    earlierWork += autolinks * paragraphBytes
                    paragraphBytes = 0
                    autolinks = 0
                }
                // The rest of the line.
                let lineStart = index
                var linePipes = 0
                while index < count, bytes[index] != 0x0A {
                    switch bytes[index] {
                    case UInt8(ascii: "|"):
                        linePipes += 1
                        pipes += 1
                        if linePipes > maximumPipesPerLine { return Exceeded(limit: .pipesPerLine, line: line) }
                        if pipes > maximumPipes { return Exceeded(limit: .pipes, line: line) }
                    case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`"), UInt8(ascii: "["),
                         UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"), UInt8(ascii: "\\"):
                        markup += 1
                        if markup > maximumMarkupCharacters { return Exceeded(limit: .markup, line: line) }
                    case UInt8(ascii: "@"):
                        autolinks += 1
                    case UInt8(ascii: "w"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "."):
                        splits += 1
                        if splits > maximumTextSplits { return Exceeded(limit: .splits, line: line) }
                    case UInt8(ascii: "."):
                        if index >= 3, bytes[index - 1] == UInt8(ascii: "w"), bytes[index - 2] == UInt8(ascii: "w"),
                           bytes[index - 3] == UInt8(ascii: "w") { autolinks += 1 }
                    case UInt8(ascii: ":"):
                        if index + 2 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") { autolinks += 1 }
                        splits += 1
                        if splits > maximumTextSplits { return Exceeded(limit: .splits, line: line) }
                    default: break
                    }
                    index += 1
                }
                // A blank line ends the paragraph.
                let lineBytes = index - lineStart
                if bytes[lineStart..<index].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    earlierWork += autolinks * paragraphBytes
                    paragraphBytes = 0
                    autolinks = 0
                } else {
                    paragraphBytes += lineBytes + 1
                    if autolinks > 0, earlierWork + autolinks * paragraphBytes > maximumAutolinkWork {
                        return Exceeded(limit: .autolinks, line: line)
                    }
                }
                index += 1
                line += 1
                if line > maximumLines && index < count { return Exceeded(limit: .lines, line: line) }
            }
            return nil
        }
    }

    /// The diagnostic for a text over a limit.
    static func diagnostic(_ exceeded: Exceeded, file: String, firstLine: Int) -> Diagnostic {
        let at = SourceLocation(file: file, line: exceeded.line + firstLine - 1, column: 1)
        switch exceeded.limit {
        case .nesting:
            return .error(.markdownTooDeep, at: at, "列表或引用嵌套过深 (lists or quotes nested more than \(maximumNesting) deep)",
                          hint: "a plan's lists are a few levels deep; check the markers at the start of this line")
        case .markup:
            return .error(.markdownTooComplex, at: at,
                          "标记符号过多 (more than \(maximumMarkupCharacters) markup characters * _ ~ ` [ ] < > ! & \\ in one text)",
                          hint: "split the text, or publish the material as an attachment")
        case .pipesPerLine:
            return .error(.tableTooLarge, at: at, "表格行的单元格过多 (more than \(maximumPipesPerLine) | on one line)",
                          hint: "a table row has a cell per |; split the table or publish it as an attachment")
        case .pipes:
            return .error(.tableTooLarge, at: at, "表格单元格过多 (more than \(maximumPipes) | in one text)",
                          hint: "split the tables over several pages, or publish them as attachments")
        case .splits:
            return .error(.markdownTooComplex, at: at,
                          "文本过于复杂 (more than \(maximumTextSplits) of w, :, ., \" and ' in one text, each a node of its own in the Markdown library)",
                          hint: "split the text, or publish the material as an attachment")
        case .autolinks:
            return .error(.markdownTooComplex, at: at,
                          "链接或邮箱过多 (too many addresses and links for the length of their paragraphs: @, www. and :// times their paragraph's bytes, summed, over \(maximumAutolinkWork))",
                          hint: "break long paragraphs with blank lines, or publish a long list of addresses as an attachment")
        case .lines:
            return .error(.markdownTooLong, at: at, "文本行数过多 (more than \(maximumLines) lines in one text)",
                          hint: "split the text, or publish the material as an attachment")
        }
    }
}
