import Foundation
import CCmarkGFM
import SiteModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A heading of a rendered text, for the table of contents.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var anchor: String
}

/// Markdown rendered to HTML, with its headings, the links and images it
/// holds (where each is written, for the link check) and any problems found.
public struct RenderedMarkdown: Sendable {
    public var html: TrustedHTML
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
    /// Every link and image left in the HTML, in document order.
    public var links: [LinkSource] = []
}

/// Markdown to HTML through cmark-gfm: GFM tables, autolinks, strikethrough,
/// footnotes and the tag filter; raw HTML is not passed through (no
/// `CMARK_OPT_UNSAFE`), and cmark drops `javascript:`-style link targets.
/// Headings get stable ids. All of the unsafe pointer work with cmark lives in
/// this file.
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "autolink", "strikethrough", "tagfilter"]

    /// Ids the page templates use, which headings must not take.
    public var reservedAnchors: Set<String>

    public init(reservedAnchors: Set<String> = []) {
        self.reservedAnchors = reservedAnchors
    }

    /// Renders a file's body. Positions in diagnostics and links are file positions.
    public func render(_ source: MarkdownSource, footnotes: FootnoteNames = FootnoteNames()) -> RenderedMarkdown {
        render(source.text, origin: source.origin, footnotes: footnotes)
    }

    public func render(_ text: String, file: String, firstLine: Int) -> RenderedMarkdown {
        render(text, origin: TextOrigin(file: file, line: firstLine))
    }

    /// Renders `text`, which starts in its file at `origin` (a body, or a Markdown value of YAML:
    /// a task's requirements, a cover letter).
    public func render(_ text: String, origin: TextOrigin, footnotes: FootnoteNames = FootnoteNames()) -> RenderedMarkdown {
        let file = origin.file
        let firstLine = origin.line
        // Over a limit that bounds cmark-gfm's time and memory: an error, and nothing rendered.
        if let exceeded = MarkdownLimits.check(text) {
            var diagnostic = MarkdownLimits.diagnostic(exceeded, file: file, firstLine: firstLine)
            diagnostic.location = origin.location(line: exceeded.line, column: 1)
            return RenderedMarkdown(html: TrustedHTML(""), headings: [], diagnostics: [diagnostic])
        }
        cmarkRegistration.touch()
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES
        guard let parser = cmark_parser_new(options) else {
            return RenderedMarkdown(html: TrustedHTML(text: text), headings: [], diagnostics: [])
        }
        defer { cmark_parser_free(parser) }
        let columns = TextColumns(text)
        // cmark-gfm pads every row of a table to the header's width: a few kilobytes of `|`
        // can make minutes of work and a page of a hundred megabytes. Such a text is an
        // error, and is rendered without tables.
        var tooLarge: [Diagnostic] = []
        if let table = Self.oversizedTable(in: text) {
            tooLarge.append(.error(.tableTooLarge, at: origin.location(line: table.line, column: 1),
                                   "表格过大 (a table too large to publish): \(table.columns) 列 × \(table.rows) 行 (columns × rows)",
                                   hint: "at most \(Self.maximumTableCells) cells; split the table or publish it as an attachment"))
        }
        for name in Self.extensionNames where !(name == "table" && !tooLarge.isEmpty) {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var text = text
        // References to characters no page may hold, replaced in the text nodes after parsing.
        let references = CharacterReferences.find(in: text)
        var referencesShown = 0
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        // cmark-gfm 0.29 keeps the inline parser's special characters in a
        // process-wide table that every parser's finish adds its extensions'
        // characters to and removes them from again (`~` for strikethrough,
        // `:` and `w` for autolinks). Two parsers finishing at once race on it
        // and lose those extensions, so inline parsing is serialised; block
        // parsing (feed) and rendering stay parallel.
        cmarkFinishLock.lock()
        let finished = cmark_parser_finish(parser)
        cmarkFinishLock.unlock()
        guard let document = finished else {
            return RenderedMarkdown(html: TrustedHTML(text: text), headings: [], diagnostics: [])
        }
        defer { cmark_node_free(document) }

        var diagnostics = tooLarge
        var headings: [Heading] = []
        var anchors = HeadingAnchors(reserved: reservedAnchors)
        var headingNodes: [OpaquePointer] = []
        var externalImages: [OpaquePointer] = []
        var links: [LinkSource] = []
        var hasFootnotes = false
        func location(of node: OpaquePointer) -> SourceLocation {
            let line = Int(cmark_node_get_start_line(node))
            return origin.location(line: line, column: columns.scalarColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node))))
        }

        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING {
                    headingNodes.append(node)
                } else if type == CMARK_NODE_IMAGE {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if Self.leavesSite(url) {
                        externalImages.append(node)
                    } else {
                        links.append(LinkSource(url: footnotes.rename(url), kind: .image, location: location(of: node)))
                    }
                } else if type == CMARK_NODE_LINK {
                    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    if let dropped = Self.droppedLink(url, at: location(of: node)) {
                        diagnostics.append(dropped)
                    } else {
                        links.append(LinkSource(url: footnotes.rename(url), kind: .link, location: location(of: node)))
                    }
                } else if type == CMARK_NODE_FOOTNOTE_DEFINITION {
                    hasFootnotes = true
                } else if type == CMARK_NODE_TEXT, !references.isEmpty,
                          let literal = cmark_node_get_literal(node).map({ String(cString: $0) }),
                          let (replaced, count) = CharacterReferences.replacingForbidden(in: literal) {
                    cmark_node_set_literal(node, replaced)
                    referencesShown += count
                }
            }
        }

        diagnostics += references.prefix(referencesShown).map { reference -> Diagnostic in
            let hex = String(reference.value, radix: 16, uppercase: true)
            return .error(.invalidCharacter, at: origin.location(line: reference.line, column: reference.column),
                          "不允许的字符 U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) (a character reference to a control character or noncharacter, which no page or feed may hold)",
                          hint: "delete the &#…; reference; it is shown as \u{FFFD}")
        }

        for node in headingNodes {
            var title = Self.plainText(of: node)
            var wanted: String?
            if let last = cmark_node_last_child(node), cmark_node_get_type(last) == CMARK_NODE_TEXT,
               let literal = cmark_node_get_literal(last).map({ String(cString: $0) }),
               let explicit = HeadingAnchors.explicitAnchor(in: literal) {
                cmark_node_set_literal(last, explicit.text)
                title = Self.plainText(of: node)
                wanted = explicit.anchor
            }
            let anchor = anchors.anchor(preferring: wanted ?? HeadingAnchors.slug(title))
            if let wanted, anchor != wanted {
                diagnostics.append(.warning(.duplicateAnchor, at: location(of: node),
                                            "标题锚点重复 (duplicate heading anchor) #\(wanted)",
                                            hint: "it was renamed #\(anchor); give each heading its own {#id}"))
            }
            headings.append(Heading(level: Int(cmark_node_get_heading_level(node)), text: title, anchor: anchor))
        }

        for node in externalImages {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            diagnostics.append(.warning(.externalImage, at: location(of: node),
                                        "外部图片已移除 (an image from outside the site was removed): \(url)",
                                        hint: "put the image in the content folder; pages load nothing from other sites"))
        }
        // Innermost first: an image in another's description (`![a ![b](x)](y)`) is in the list
        // after it, and freeing the outer one first would free the inner one under our feet.
        for node in externalImages.reversed() {
            let alt = Self.plainText(of: node)
            if let replacement = cmark_node_new(CMARK_NODE_TEXT) {
                cmark_node_set_literal(replacement, alt)
                cmark_node_insert_before(node, replacement)
            }
            cmark_node_unlink(node)
            cmark_node_free(node)
        }

        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: TrustedHTML(text: text), headings: headings, diagnostics: diagnostics)
        }
        defer { free(rendered) }
        var html = Self.addHeadingIDs(String(cString: rendered), anchors: headings.map(\.anchor))
        if hasFootnotes { html = footnotes.apply(to: html) }
        return RenderedMarkdown(html: TrustedHTML(html), headings: headings, diagnostics: diagnostics, links: links)
    }

    /// The most cells (columns × rows, as cmark pads them) a table may have.
    static let maximumTableCells = 100_000

    /// The first table whose delimiter row (`| --- | :-: |`) times the lines
    /// that follow it, up to a blank line, is over `maximumTableCells`: one scan
    /// of the bytes, before cmark sees them. Lines are 1-based in `text`.
    static func oversizedTable(in text: String) -> (line: Int, columns: Int, rows: Int)? {
        var text = text
        return text.withUTF8 { bytes -> (line: Int, columns: Int, rows: Int)? in
            var line = 1, start = 0
            var table: (line: Int, columns: Int, rows: Int)?
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                let row = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let blank = row.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
                if var current = table {
                    if blank || end == bytes.count {
                        if !blank { current.rows += 1 }
                        if current.columns * current.rows > maximumTableCells { return current }
                        table = nil
                    } else {
                        current.rows += 1
                        table = current
                    }
                } else if let columns = delimiterColumns(row), columns > 1 {
                    table = (line - 1, columns, 1)
                }
                line += 1
                start = end + 1
            }
            return nil
        }
    }

    /// The number of columns of a GFM delimiter row, or nil when the line is not one.
    static func delimiterColumns(_ row: UnsafeBufferPointer<UInt8>) -> Int? {
        // A table in a quote or a list item: its rows start with the container's markers.
        var start = 0
        while start < row.count {
            let byte = row[start]
            if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ">") {
                start += 1
            } else if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-"),
                      start + 1 < row.count, row[start + 1] == 0x20 || row[start + 1] == 0x09 {
                start += 2
            } else if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                var digit = start
                while digit < row.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(row[digit]) { digit += 1 }
                guard digit + 1 < row.count, row[digit] == UInt8(ascii: ".") || row[digit] == UInt8(ascii: ")"),
                      row[digit + 1] == 0x20 || row[digit + 1] == 0x09 else { return nil }
                start = digit + 2
            } else {
                break
            }
        }
        var columns = 0, dashes = false, pipes = 0
        for byte in UnsafeBufferPointer(rebasing: row[start...]) {
            switch byte {
            case UInt8(ascii: "|"):
                pipes += 1
                if dashes { columns += 1; dashes = false }
            case UInt8(ascii: "-"): dashes = true
            case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: continue
            default: return nil
            }
        }
        if dashes { columns += 1 }
        return pipes > 0 ? columns : nil
    }

    /// A link cmark-gfm writes with an empty target (it drops `javascript:`, `vbscript:`, `file:`
    /// and `data:` other than images): said, not dropped in silence.
    static func droppedLink(_ url: String, at location: SourceLocation) -> Diagnostic? {
        let lower = url.drop { $0 == " " }.lowercased()
        if lower.hasPrefix("file:") {
            return .error(.linkOutsideSite, at: location,
                          "链接指向作者电脑上的文件 (the link points at a file on the author's computer): \(url)",
                          hint: "readers cannot open a file: link; publish the file as one of the plan's attachments and link to it there")
        }
        for scheme in ["javascript:", "vbscript:", "data:"] where lower.hasPrefix(scheme) {
            return .warning(.unsafeLink, at: location, "不安全的链接已移除 (a \(scheme) link was removed; the text stays): \(url)",
                            hint: "pages run no script from content; link to a page or a file instead")
        }
        return nil
    }

    /// True for URLs that would make the page load something from another site.
    static func leavesSite(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.contains("://") || lower.hasPrefix("//") || lower.hasPrefix("data:")
    }

    /// The text of a node's inline content, soft breaks as spaces.
    static func plainText(of node: OpaquePointer) -> String {
        var out = ""
        guard let iterator = cmark_iter_new(node) else { return out }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { out += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                out += " "
            }
        }
        return out
    }

    /// cmark writes headings as a bare `<hN>`; raw HTML is filtered, so every
    /// such tag in its output is a heading, in document order.
    static func addHeadingIDs(_ html: String, anchors: [String]) -> String {
        guard !anchors.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + anchors.count * 24)
        var copied = 0, index = 0, position = 0
        // `<hN>`: `<`, `h`, a digit 1–6, `>`.
        while index < anchors.count, position + 3 < bytes.count {
            guard bytes[position] == UInt8(ascii: "<"), bytes[position + 1] == UInt8(ascii: "h"),
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[position + 2]), bytes[position + 3] == UInt8(ascii: ">") else {
                position += 1
                continue
            }
            out.append(contentsOf: bytes[copied..<position])
            out.append(contentsOf: "<h".utf8)
            out.append(bytes[position + 2])
            out.append(contentsOf: " id=\"\(escapeHTML(anchors[index]))\">".utf8)
            position += 4
            copied = position
            index += 1
        }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }
}

/// Registers cmark-gfm's extensions once per process, before any lookup.
private final class CmarkRegistration: Sendable {
    init() { cmark_gfm_core_extensions_ensure_registered() }
    func touch() {}
}

private let cmarkRegistration = CmarkRegistration()

/// See `render`: cmark_parser_finish is not safe to run on two threads at once. A lock, not a
/// Mutex: it guards cmark-gfm's own global state, not a Swift value, and the parser it is held
/// around (an OpaquePointer) cannot be sent into a Mutex's closure.
private let cmarkFinishLock = NSLock()
