import CLibXML2
import Foundation
import SiteModel

/// A saved web page (a government portal's disclosure page) read with
/// libxml2's HTML parser into an `ImportDocument`: the document's part of the
/// page — from its metadata box or title to the end of the article — as lines
/// (one per paragraph, heading, list item, `<br>`-broken line), tables as tables
/// (merged cells spread over the rows and columns they cover), and the links to
/// attached files. The page's navigation, header and footer are left out.
public enum HTMLReader {
    public static func read(_ data: Data) throws(DocumentReader.Failure) -> ImportDocument {
        let encoding = declaresCharset(data) ? nil : (String(validating: data, as: UTF8.self) != nil ? "UTF-8" : "GB18030")
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
        let parsed: htmlDocPtr? = data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0, buffer.count < Int(Int32.max) else { return nil }
            return htmlReadMemory(base.assumingMemoryBound(to: CChar.self), Int32(buffer.count), "page.html", encoding, options)
        }
        guard let doc = parsed else { throw .unreadable("libxml2 could not read it as HTML") }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { throw .unreadable("the page has no content") }
        var walker = PageWalker()
        walker.walk(root)
        return walker.document()
    }

    /// `<meta charset="gb2312">` or `content="text/html; charset=GBK"` in the page's first 4 KB:
    /// libxml2 decodes it so. Without one, UTF-8 if the bytes are UTF-8, else GB18030.
    static func declaresCharset(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        return head.contains("charset=") || head.contains("charset =") || head.contains("encoding=")
    }
}

/// One pass over the page's DOM: every block of text in reading order, with its element's
/// place in the tree, so that the document's part of the page can be cut out afterwards.
struct PageWalker {
    /// A block of the page: a line of text or a table, with its position in reading order.
    struct Piece {
        var block: ImportDocument.Block
        var sourceLine: Int
        /// The characters of text not inside a link (menus are links; a document's text is not).
        var plainCount: Int
        /// The chain of ancestors (their identities), to find the article's element.
        var ancestors: [Int]
        var isHeading: Bool
        var isBox: Bool
    }

    var pieces: [Piece] = []
    var links: [(title: String, href: String, line: Int)] = []
    private var current = ""
    private var currentPlain = 0
    private var currentLine = 0
    private var currentHeading = false
    private var stack: [Int] = []
    private var linkDepth = 0

    static let skipped: Set<String> = ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "select",
                                       "option", "button", "input", "textarea", "head", "map", "audio", "video"]
    static let blocks: Set<String> = ["p", "div", "section", "article", "main", "header", "footer", "nav", "aside", "ul", "ol", "li", "dl", "dt",
                                      "dd", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "center", "form", "fieldset",
                                      "figure", "figcaption", "hr", "body", "html", "caption", "legend", "details", "summary", "tr", "td", "th",
                                      "table", "tbody", "thead", "tfoot"]
    static let documentFiles = ["pdf", "doc", "docx", "wps", "xls", "xlsx", "et", "ppt", "pptx", "zip", "rar", "7z", "ofd", "txt", "rtf"]

    mutating func walk(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let next = child {
            visit(next)
            child = next.pointee.next
        }
    }

    mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            append(String(cString: content), line: Int(xmlGetLineNo(node)))
        case XML_ELEMENT_NODE:
            let name = Self.name(node)
            guard !Self.skipped.contains(name), !Self.isHidden(node) else { return }
            if name == "br" { flush(); return }
            if name == "table", let table = TableReader.read(node) {
                flush()
                let line = Int(xmlGetLineNo(node))
                let plain = table.rows.reduce(0) { $0 + $1.filter { !$0.isCopy }.reduce(0) { $0 + $1.lines.joined().count } }
                pieces.append(Piece(block: .table(table), sourceLine: line, plainCount: plain,
                                    ancestors: stack, isHeading: false, isBox: ImportDocument.isMetadataBox(table)))
                return
            }
            let isBlock = Self.blocks.contains(name)
            if isBlock { flush() }
            if name == "a", let href = Self.attribute(node, "href"), Self.isDocumentFile(href) {
                links.append((Self.text(node), href, Int(xmlGetLineNo(node))))
            }
            stack.append(Int(bitPattern: node))
            if name == "a" { linkDepth += 1 }
            if ["h1", "h2", "h3", "h4", "h5", "h6"].contains(name) { currentHeading = true }
            walk(node)
            if name == "a" { linkDepth -= 1 }
            if isBlock { flush() }
            stack.removeLast()
        default:
            return
        }
    }

    mutating func append(_ text: String, line: Int) {
        // HTML white space (not U+3000, which a document writes on purpose) is one space.
        var collapsed = ""
        var space = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{0C}" {
                space = true
                continue
            }
            if space, !collapsed.isEmpty || !current.isEmpty { collapsed.append(" ") }
            space = false
            collapsed.unicodeScalars.append(scalar == "\u{00A0}" ? " " : scalar)
        }
        if space, !collapsed.isEmpty { collapsed.append(" ") }
        guard !collapsed.isEmpty else { return }
        if current.isEmpty { currentLine = line }
        current += collapsed
        if linkDepth == 0 { currentPlain += collapsed.filter { !$0.isWhitespace }.count }
    }

    mutating func flush() {
        let text = current.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            let isBox = ImportDocument.isMetadataLine(text)
            pieces.append(Piece(block: .text(ImportDocument.Line(text, line: currentLine, role: currentHeading ? .heading : .paragraph)),
                                sourceLine: currentLine, plainCount: currentPlain, ancestors: stack, isHeading: currentHeading, isBox: isBox))
        }
        current = ""
        currentPlain = 0
        currentHeading = false
    }

    /// The document's part of the page: from its metadata box (or the heading above the article) to
    /// the end of the article — the element holding most of the page's text that is not links.
    mutating func document() -> ImportDocument {
        flush()
        var document = ImportDocument(format: .html, blocks: [])
        guard !pieces.isEmpty else { return document }
        let range = articleRange()
        var kept: [ImportDocument.Block] = []
        var sourceLines: [Int] = []
        var outside = 0
        for (index, piece) in pieces.enumerated() {
            guard range.contains(index) else { outside += 1; continue }
            let position = kept.count + 1
            sourceLines.append(piece.sourceLine)
            switch piece.block {
            case .text(var line):
                line.line = position
                kept.append(.text(line))
            case .table(var table):
                table.line = position
                table.rows = table.rows.map { $0.map { var cell = $0; cell.line = position; return cell } }
                kept.append(.table(table))
            case .metadata: kept.append(piece.block)
            }
        }
        document.blocks = kept
        document.sourceLines = sourceLines
        document.links = links.map { ImportDocument.Link(title: $0.title, href: $0.href, line: 0) }
        if outside > 0 {
            document.leftOut.append((0, "the web page around the document (its navigation, header and footer): \(outside) blocks left out"))
        }
        return document
    }

    /// The pieces that are the document: the article's, and before them its title and metadata box.
    func articleRange() -> ClosedRange<Int> {
        // What the article is made of: sentences (a page's menus, boxes and footers end none), else any text.
        func weight(_ piece: Piece) -> Int {
            guard case .text(let line) = piece.block else { return piece.plainCount }
            return line.text.contains("。") || line.text.contains("；") || line.text.contains("：") && line.text.count > 40 ? piece.plainCount : 0
        }
        let sentences = pieces.reduce(0) { $0 + weight($1) }
        let total = sentences > 0 ? sentences : pieces.reduce(0) { $0 + $1.plainCount }
        // The deepest element holding 80% of it is the article.
        var byElement: [Int: (count: Int, first: Int, last: Int, depth: Int)] = [:]
        for (index, piece) in pieces.enumerated() {
            for (depth, element) in piece.ancestors.enumerated() {
                var entry = byElement[element] ?? (0, index, index, depth)
                entry.count += sentences > 0 ? weight(piece) : piece.plainCount
                entry.last = index
                byElement[element] = entry
            }
        }
        let article = byElement.values.filter { Double($0.count) >= 0.8 * Double(total) }.max { ($0.depth, -$0.first) < ($1.depth, -$1.first) }
        guard let article else { return 0...(pieces.count - 1) }
        var start = article.first
        // Upward from the article: its heading and the metadata box, over the page's tools between them.
        var index = start - 1
        while index >= 0, article.first - index <= 12 {
            var isTitle = false
            if case .text(let line) = pieces[index].block { isTitle = ImportDocument.isPlanTitle(line.text) || ImportDocument.isMetadataLine(line.text) }
            if pieces[index].isHeading || pieces[index].isBox || isTitle {
                start = index
            }
            index -= 1
        }
        return start...article.last
    }

    static func name(_ node: xmlNodePtr) -> String {
        guard let name = node.pointee.name else { return "" }
        return String(cString: name).lowercased()
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, String(cString: attributeName).lowercased() == name {
                guard let value = current.pointee.children, let content = value.pointee.content else { return "" }
                return String(cString: content)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// `style="display:none"`, `hidden`: not shown, not read.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if attribute(node, "hidden") != nil { return true }
        guard let style = attribute(node, "style")?.lowercased().filter({ !$0.isWhitespace }) else { return false }
        return style.contains("display:none") || style.contains("visibility:hidden")
    }

    static func isDocumentFile(_ href: String) -> Bool {
        let path = href.split(separator: "?").first.map(String.init)?.split(separator: "#").first.map(String.init) ?? href
        guard let dot = path.lastIndex(of: ".") else { return false }
        return documentFiles.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The text of an element and its descendants, white space made one space.
    static func text(_ node: xmlNodePtr) -> String {
        var out = ""
        func collect(_ node: xmlNodePtr) {
            if node.pointee.type == XML_TEXT_NODE, let content = node.pointee.content { out += String(cString: content) }
            var child = node.pointee.children
            while let next = child {
                if next.pointee.type != XML_ELEMENT_NODE || !skipped.contains(name(next)) { collect(next) }
                child = next.pointee.next
            }
        }
        collect(node)
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
