/// A linear scan of YAML text before it is parsed, for what would make the parser
/// itself a danger: anchors and aliases (`&name`, `*name`) and nesting deeper than
/// `YAMLDocument.maximumDepth`.
///
/// Content has no need of anchors, and they are what an attack is made of: an
/// alias standing for a list of aliases grows exponentially when expanded
/// ("billion laughs"), and an alias used as a mapping key is hashed, expanded,
/// at every insertion while the parser composes — exponential time before any
/// limit on the composed tree could be checked. So every anchor and alias is
/// refused here, before Yams sees the text.
///
/// The scan knows as much YAML as it needs to tell an anchor from text: a `&`
/// or `*` counts only where a node starts (after `- `, `: `, `? `, `[`, `{`,
/// `,`, or at the start of a line's content), never inside quotes, comments or
/// block scalars (`|`, `>`), whose lines may well begin with a Markdown `*`.
struct YAMLPrecheck {
    enum Problem: Equatable {
        case anchor(line: Int, column: Int)
        case alias(line: Int, column: Int)
        case tooDeep(line: Int, column: Int)
    }

    static func scan(_ text: String) -> Problem? {
        var text = text
        return text.withUTF8 { scan(bytes: $0) }
    }

    static func scan(bytes: UnsafeBufferPointer<UInt8>) -> Problem? {
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
        let count = bytes.count
        var index = 0
        var line = 1
        var lineStart = 0
        var flowDepth = 0
        var inDouble = false, inSingle = false
        /// Lines more indented than this belong to a block scalar.
        var blockParent: Int? = nil

        /// The column (in characters) of byte `at` on the current line.
        func column(_ at: Int) -> Int {
            var column = 1
            var i = lineStart
            while i < at {
                if bytes[i] & 0xC0 != 0x80 { column += 1 }
                i += 1
            }
            return column
        }
        func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == newline }
        func blank(after i: Int) -> Bool { i + 1 >= count || isBlank(bytes[i + 1]) }

        while index < count {
            // A new line: its indentation, and whether a block scalar goes on.
            lineStart = index
            var indent = 0
            while index < count, bytes[index] == space { indent += 1; index += 1 }
            if indent > YAMLDocument.maximumDepth * 8 { return .tooDeep(line: line, column: indent) }
            let lineIsBlank = index >= count || bytes[index] == newline
                || (bytes[index] == tab && { var j = index; while j < count, bytes[j] == space || bytes[j] == tab { j += 1 }; return j >= count || bytes[j] == newline }())
            if let parent = blockParent {
                if lineIsBlank || indent > parent {
                    while index < count, bytes[index] != newline { index += 1 }
                    index += 1; line += 1
                    continue
                }
                blockParent = nil
            }
            var nodeStart = !inDouble && !inSingle
            // Where the node that a block scalar on this line would belong to starts, in bytes from the
            // line's start (what precedes it is spaces, `-` and `?`: bytes are columns there).
            var keyColumn = indent
            var entries = 0             // `- ` and `? ` on this line: each nests a node

            var tokenStart = index
            while index < count, bytes[index] != newline {
                let byte = bytes[index]
                if inDouble {
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { inDouble = false }
                    index += 1
                    continue
                }
                if inSingle {
                    if byte == UInt8(ascii: "'") {
                        if index + 1 < count, bytes[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        inSingle = false
                    }
                    index += 1
                    continue
                }
                if byte == space || byte == tab { index += 1; continue }
                if byte == UInt8(ascii: "#"), index == lineStart || isBlank(bytes[index - 1]) {
                    while index < count, bytes[index] != newline { index += 1 }
                    break
                }
                if nodeStart {
                    tokenStart = index
                    switch byte {
                    case UInt8(ascii: "&"), UInt8(ascii: "*"):
                        if !blank(after: index) {
                            return byte == UInt8(ascii: "&") ? .anchor(line: line, column: column(index))
                                                             : .alias(line: line, column: column(index))
                        }
                    case UInt8(ascii: "!"):
                        // A tag (`!!map`, `!local`): the node's properties go on after it.
                        while index < count, !isBlank(bytes[index]), bytes[index] != newline,
                              flowDepth == 0 || ![UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index]) { index += 1 }
                        continue
                    case UInt8(ascii: "\""): inDouble = true; nodeStart = false; index += 1; continue
                    case UInt8(ascii: "'"): inSingle = true; nodeStart = false; index += 1; continue
                    case UInt8(ascii: "-"), UInt8(ascii: "?"):
                        if blank(after: index) {   // a sequence entry or an explicit key: a node follows
                            keyColumn = index - lineStart
                            entries += 1
                            if entries > YAMLDocument.maximumDepth { return .tooDeep(line: line, column: column(index)) }
                            index += 1
                            continue
                        }
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        if flowDepth == 0 {
                            // A block scalar: the rest of this line is its header; lines more indented
                            // than the node it is the value of are its text.
                            blockParent = keyColumn
                            while index < count, bytes[index] != newline { index += 1 }
                            continue
                        }
                    default: break
                    }
                }
                switch byte {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1
                    if flowDepth > YAMLDocument.maximumDepth { return .tooDeep(line: line, column: column(index)) }
                    nodeStart = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1)
                    nodeStart = false
                case UInt8(ascii: ","):
                    nodeStart = flowDepth > 0
                case UInt8(ascii: ":") where blank(after: index) || (flowDepth > 0 && index + 1 < count
                                                                      && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(bytes[index + 1]))
                                              // JSON style: a quoted key's value may follow its `:` at once (`{"k":*a}`).
                                              || (flowDepth > 0 && index > lineStart && (bytes[index - 1] == UInt8(ascii: "\"") || bytes[index - 1] == UInt8(ascii: "'"))):
                    // A mapping value follows; its node is the key that started this token.
                    if flowDepth == 0 { keyColumn = tokenStart - lineStart }
                    nodeStart = true
                default:
                    nodeStart = false
                }
                index += 1
            }
            index += 1
            line += 1
        }
        return nil
    }
}
