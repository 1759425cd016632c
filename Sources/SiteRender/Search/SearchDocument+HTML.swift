extension SearchDocument {
    /// What an element is to search.
    enum TagKind {
        /// Ends a block of text (a query never matches across two blocks).
        case block
        /// Its content is not text a reader sees on the page.
        case skipped
        /// Has no content and no end tag.
        case void
        /// `<br>`, `<hr>`: no content, and the end of a block.
        case lineBreak
        case title, heading, main, inline
    }

    /// The kind of an element by its name's first eight bytes, lowercase, little-endian
    /// (`0x766964` is "div"), and its length: a switch over integers, no string made.
    static func kind(packed name: UInt64, length: Int) -> TagKind {
        if length > 8 {
            // blockquote, figcaption; any other long name is inline.
            return length == 10 && (name == 0x6F75_716B_636F_6C62 || name == 0x6974_7061_6367_6966) ? .block : .inline
        }
        switch name {
        case 0x3168: return .title
        case 0x3268, 0x3368, 0x3468, 0x3568, 0x3668: return .heading
        case 0x6E69_616D: return .main
        // address article aside button caption dd details dialog div dl dt fieldset figure footer form header
        // legend li nav ol option p pre section summary table tbody td tfoot th thead tr ul
        case 0x73_7365_7264_6461, 0x65_6C63_6974_7261, 0x65_6469_7361, 0x6E6F_7474_7562, 0x6E_6F69_7470_6163, 0x6464,
             0x73_6C69_6174_6564, 0x676F_6C61_6964, 0x76_6964, 0x6C64, 0x7464, 0x7465_7364_6C65_6966, 0x6572_7567_6966,
             0x7265_746F_6F66, 0x6D72_6F66, 0x7265_6461_6568, 0x646E_6567_656C, 0x696C, 0x76_616E, 0x6C6F,
             0x6E6F_6974_706F, 0x70, 0x65_7270, 0x6E_6F69_7463_6573, 0x79_7261_6D6D_7573, 0x65_6C62_6174, 0x79_646F_6274,
             0x6474, 0x74_6F6F_6674, 0x6874, 0x64_6165_6874, 0x7274, 0x6C75:
            return .block
        // br hr: no content, and the end of a block
        case 0x7262, 0x7268: return .lineBreak
        // script style svg template noscript textarea select
        case 0x7470_6972_6373, 0x65_6C79_7473, 0x67_7673, 0x6574_616C_706D_6574, 0x7470_6972_6373_6F6E,
             0x6165_7261_7478_6574, 0x7463_656C_6573:
            return .skipped
        // area base col embed img input link meta source track wbr
        case 0x6165_7261, 0x6573_6162, 0x6C_6F63, 0x64_6562_6D65, 0x67_6D69, 0x7475_706E_69, 0x6B6E_696C, 0x6174_656D,
             0x6563_7275_6F73, 0x6B_6361_7274, 0x72_6277:
            return .void
        default: return .inline
        }
    }

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
            var skipping: (tag: UInt64, length: Int, depth: Int)?
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
                    if tag.name == skip.tag && tag.length == skip.length && !tag.selfClosing {
                        skip.depth += tag.isClose ? -1 : 1
                    }
                    skipping = skip.depth == 0 ? nil : skip
                    continue
                }
                let kind = SearchDocument.kind(packed: tag.name, length: tag.length)
                if kind == .main {
                    mainDepth += tag.isClose ? -1 : 1
                    if mainDepth == 0 { break }
                }
                if !tag.isClose && !tag.selfClosing && kind != .void && kind != .lineBreak && (kind == .skipped || tag.ignored) {
                    endBlock()
                    skipping = (tag.name, tag.length, 1)
                    continue
                }
                switch kind {
                case .title:
                    endBlock()
                    field = tag.isClose ? .body : .title
                case .heading:
                    endBlock()
                    field = tag.isClose ? .body : .heading
                case .block, .main, .lineBreak:
                    endBlock()
                default:
                    break
                }
            }
            endBlock()
            return blocks
        }

        static let ignoreMarker = Array("data-search-ignore".utf8)

        struct Tag {
            /// The name's first eight bytes, lowercase (see `kind(packed:length:)`).
            var name: UInt64
            var length: Int
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
            var name: UInt64 = 0
            for (shift, byte) in html[nameStart..<min(i, nameStart + 8)].enumerated() {
                name |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte) << (8 * shift)
            }
            let length = i - nameStart
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
            return Tag(name: name, length: length, isClose: isClose, selfClosing: selfClosing, ignored: ignored)
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
