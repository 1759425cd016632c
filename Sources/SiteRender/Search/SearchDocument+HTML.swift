extension SearchDocument {
    /// Elements that end a block of text (a query never matches across two blocks).
    private static let blockTags: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "dialog", "div",
        "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    ]
    /// Elements whose content is not text a reader sees on the page.
    private static let skippedTags: Set<String> = ["script", "style", "svg", "template", "noscript", "textarea", "select"]
    private static let voidTags: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    /// The visible text of the `<main>` element of a page that gen-site rendered
    /// (well-formed HTML: our templates and cmark-gfm's output); nil without one.
    init?(html: [UInt8]) {
        guard let start = Self.find(Array("<main".utf8), in: html, from: 0) else { return nil }
        var reader = Reader(html: html, index: start)
        blocks = reader.read()
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        find(needle, in: haystack[...], from: from)
    }

    private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from: Int) -> Int? {
        guard needle.count <= haystack.endIndex - from else { return nil }
        var i = from
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == needle[0] {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return i }
            }
            i += 1
        }
        return nil
    }

    private struct Reader {
        let html: [UInt8]
        var index: Int
        var blocks: [Block] = []
        var current: [UInt8] = []
        var field: Field = .body
        var pendingSpace = false

        init(html: [UInt8], index: Int) {
            self.html = html
            self.index = index
        }

        mutating func read() -> [Block] {
            var skipping: (tag: String, depth: Int)?
            var mainDepth = 0
            while index < html.count {
                if html[index] != UInt8(ascii: "<") {
                    let end = html[index...].firstIndex(of: UInt8(ascii: "<")) ?? html.count
                    if skipping == nil { appendText(html[index..<end]) }
                    index = end
                    continue
                }
                if html[index...].starts(with: "<!--".utf8) {
                    index = SearchDocument.find(Array("-->".utf8), in: html, from: index + 4).map { $0 + 3 } ?? html.count
                    continue
                }
                guard let tag = readTag() else { index += 1; continue }
                if var skip = skipping {
                    if tag.name == skip.tag && !tag.selfClosing {
                        skip.depth += tag.isClose ? -1 : 1
                    }
                    skipping = skip.depth == 0 ? nil : skip
                    continue
                }
                if tag.name == "main" {
                    mainDepth += tag.isClose ? -1 : 1
                    if mainDepth == 0 { break }
                }
                if !tag.isClose && !tag.selfClosing && !SearchDocument.voidTags.contains(tag.name)
                    && (SearchDocument.skippedTags.contains(tag.name) || tag.ignored) {
                    endBlock()
                    skipping = (tag.name, 1)
                    continue
                }
                if SearchDocument.blockTags.contains(tag.name) { endBlock() }
                switch tag.name {
                case "h1": field = tag.isClose ? .body : .title
                case "h2", "h3", "h4", "h5", "h6": field = tag.isClose ? .body : .heading
                default: break
                }
            }
            endBlock()
            return blocks
        }

        static let ignoreMarker = Array("data-search-ignore".utf8)

        struct Tag {
            var name: String
            var isClose: Bool
            var selfClosing: Bool
            var ignored: Bool
        }

        /// Reads the tag at `index` (which is on `<`) and moves past it; nil when it is not a tag.
        mutating func readTag() -> Tag? {
            var i = index + 1
            let isClose = i < html.count && html[i] == UInt8(ascii: "/")
            if isClose { i += 1 }
            let nameStart = i
            while i < html.count, isNameByte(html[i]) { i += 1 }
            guard i > nameStart else { return nil }
            // Names are short: the string is stored inline (no allocation). Ours are lowercase already.
            let bytes = html[nameStart..<i]
            let name = bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
                ? String(decoding: bytes, as: UTF8.self).lowercased() : String(decoding: bytes, as: UTF8.self)
            // Attributes, quotes respected, up to the closing '>'.
            let attributesStart = i
            var quote: UInt8?
            while i < html.count {
                let byte = html[i]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                i += 1
            }
            let attributes = html[attributesStart..<min(i, html.count)]
            let selfClosing = attributes.last == UInt8(ascii: "/")
            index = min(i + 1, html.count)
            let ignored = !isClose && attributes.count > 18
                && SearchDocument.find(Reader.ignoreMarker, in: attributes, from: attributes.startIndex) != nil
            return Tag(name: name, isClose: isClose, selfClosing: selfClosing, ignored: ignored)
        }

        func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
        }

        /// Appends text, entities decoded, runs of white space made one space.
        mutating func appendText(_ bytes: ArraySlice<UInt8>) {
            var i = bytes.startIndex
            while i < bytes.endIndex {
                let byte = bytes[i]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    pendingSpace = true
                    i += 1
                    continue
                }
                if pendingSpace {
                    if !current.isEmpty { current.append(0x20) }
                    pendingSpace = false
                }
                if byte == UInt8(ascii: "&"), let (decoded, length) = decodeEntity(bytes[i...]) {
                    current.append(contentsOf: decoded)
                    i += length
                    continue
                }
                current.append(byte)
                i += 1
            }
        }

        /// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&nbsp;`, `&#N;`, `&#xN;`: the UTF-8 bytes and the entity's length.
        func decodeEntity(_ bytes: ArraySlice<UInt8>) -> ([UInt8], Int)? {
            guard let semicolon = bytes.prefix(12).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let name = String(decoding: bytes[(bytes.startIndex + 1)..<semicolon], as: UTF8.self)
            let length = semicolon - bytes.startIndex + 1
            let scalar: Unicode.Scalar?
            switch name {
            case "amp": scalar = "&"
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            case "nbsp": scalar = "\u{A0}"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init)
                } else {
                    scalar = nil
                }
            }
            guard let scalar else { return nil }
            return (Array(String(Character(scalar)).utf8), length)
        }

        mutating func endBlock() {
            pendingSpace = false
            guard !current.isEmpty else { return }
            while current.last == 0x20 { current.removeLast() }
            blocks.append(Block(field: field, text: String(decoding: current, as: UTF8.self)))
            current.removeAll(keepingCapacity: true)
        }
    }
}
