import Yams

extension YAMLReader {
    /// Bilingual Markdown (a task's requirements or remarks, a cover letter), with
    /// where each language's text starts in the file, so that a problem cmark-gfm
    /// finds in it (a broken link) is reported at its own line and column.
    mutating func markdown(_ node: Node, _ what: String) -> (text: BilingualText, origins: TextOrigins)? {
        guard let text = text(node, what) else { return nil }
        var origins = TextOrigins()
        switch node {
        case .scalar:
            origins.zh = origin(of: node)
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard case .scalar(let name) = key else { continue }
                if name.string == "zh" { origins.zh = origin(of: value) }
                if name.string == "en" { origins.en = origin(of: value) }
            }
        default:
            break
        }
        return (text, origins)
    }

    /// Where the text `string` reads from a scalar (trimmed) starts, and how its lines map to the file's.
    mutating func origin(of node: Node) -> TextOrigin? {
        guard case .scalar(let scalar) = node, let mark = node.mark else { return nil }
        // What `string` trims from the start: whole lines, then white space on the first line left.
        var trimmedLines = 0, trimmedColumns = 0
        for character in scalar.string.unicodeScalars {
            if character == "\n" {
                trimmedLines += 1
                trimmedColumns = 0
            } else if Self.isWhitespace(character) {
                trimmedColumns += 1
            } else {
                break
            }
        }
        let valueStart = TextOrigin(file: file, line: mark.line, column: mark.column, layout: .start)
        switch scalar.style {
        case .literal, .folded:
            // The text starts on the line after the `|` or `>`, at the block's indentation.
            let first = mark.line + 1 + trimmedLines
            guard let indent = indentation(ofLine: first) else { return valueStart }
            let layout: TextOrigin.Layout = scalar.style == .literal ? .lines(laterColumn: indent + 1) : .start
            return TextOrigin(file: file, line: first, column: indent + 1 + trimmedColumns, layout: layout)
        default:
            // On one line when the rest of the line holds the whole value as written; otherwise
            // its lines were folded into one, and only its start is known.
            let quote = scalar.style == .singleQuoted || scalar.style == .doubleQuoted ? 1 : 0
            guard trimmedLines == 0, !scalar.string.utf8Contains(UInt8(ascii: "\n")), let rest = line(mark.line)?.unicodeScalars.dropFirst(mark.column - 1 + quote),
                  Substring(rest).utf8.starts(with: scalar.string.utf8) else { return valueStart }
            return TextOrigin(file: file, line: mark.line, column: mark.column + quote + trimmedColumns, layout: .lines(laterColumn: 1))
        }
    }

    /// The spaces a line of the source begins with; nil when there is no source or no such line.
    mutating func indentation(ofLine number: Int) -> Int? {
        guard let text = line(number) else { return nil }
        return text.utf8.prefix { $0 == UInt8(ascii: " ") }.count
    }

    /// Line `number` (1-based) of the source.
    mutating func line(_ number: Int) -> Substring? {
        guard let source else { return nil }
        if lineStarts == nil {
            var starts = [0]
            for (offset, byte) in source.utf8.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
            lineStarts = starts
        }
        guard let starts = lineStarts, number >= 1, number <= starts.count else { return nil }
        let utf8 = source.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
        let end = number < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[number] - 1) : utf8.endIndex
        return Substring(utf8[start..<end])
    }
}
