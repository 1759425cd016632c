import Foundation
import Testing
@testable import SiteRender
import SiteModel
import TestSupport

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer(reservedAnchors: ["tasks"])

    func html(_ markdown: String) -> String {
        renderer.render(markdown, file: "plan.md", firstLine: 1).html.html
    }

    @Test func explicitAnchorsAreUsedAndStripped() {
        let result = renderer.render("## 一、提高政治站位 {#part-1}\n\n### （一）压实责任 {#section-1}\n", file: "p.md", firstLine: 1)
        #expect(result.html.html == "<h2 id=\"part-1\">一、提高政治站位</h2>\n<h3 id=\"section-1\">（一）压实责任</h3>\n")
        #expect(result.headings.map(\.anchor) == ["part-1", "section-1"])
        #expect(result.headings.map(\.text) == ["一、提高政治站位", "（一）压实责任"])
    }

    @Test func derivedAnchorsAreStableAndUnique() {
        let result = renderer.render("## Fire Safety!\n\n## Fire safety\n\n## 燃气、安全\n\n## Tasks\n", file: "p.md", firstLine: 1)
        #expect(result.headings.map(\.anchor) == ["fire-safety", "fire-safety-2", "燃气-安全", "tasks-2"])
    }

    /// Thousands of equal headings (a pasted list of `## 附件`) each get their own anchor, in order,
    /// mixed with explicit ids that take a suffix a derived anchor would have taken.
    @Test func manyEqualHeadingsGetUniqueAnchorsInOrder() {
        let text = String(repeating: "## h\n\n", count: 5) + "## x {#h-7}\n\n" + String(repeating: "## h\n\n", count: 20_000)
        let anchors = renderer.render(text, file: "p.md", firstLine: 1).headings.map(\.anchor)
        #expect(anchors.count == 20_006)
        #expect(Set(anchors).count == anchors.count)
        #expect(Array(anchors.prefix(9)) == ["h", "h-2", "h-3", "h-4", "h-5", "h-7", "h-6", "h-8", "h-9"])
        #expect(anchors.last == "h-20006")
    }

    /// cmark-gfm pads every table row to the header's width: a table of more than 100,000 cells
    /// is an error at its header line, and the text is rendered without tables (quickly).
    @Test func tablesTooLargeAreRefused() {
        let wide = String(repeating: "|a", count: 3_000) + "|\n" + String(repeating: "|-", count: 3_000) + "|\n" + String(repeating: "x\n", count: 3_000)
        let result = renderer.render("前言\n\n" + wide, file: "n.md", firstLine: 4)
        let diagnostic = result.diagnostics.first { $0.code == "table-too-large" }
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.location.line == 6)
        #expect(result.html.html.utf8.count < 100_000)
        #expect(!result.html.html.contains("<table"))

        let ordinary = "| 序号 | 任务 |\n| --- | --- |\n" + String(repeating: "| 1 | 检查 |\n", count: 2_000)
        let fine = renderer.render(ordinary, file: "n.md", firstLine: 1)
        #expect(fine.diagnostics.isEmpty)
        #expect(fine.html.html.contains("<table>"))
    }

    @Test func rawHTMLIsFiltered() {
        let out = html("Hello <script>alert(1)</script> <b onclick=\"x()\">bold</b>\n\n<div>block</div>\n")
        #expect(!out.contains("<script"))
        #expect(!out.contains("onclick"))
        #expect(!out.contains("<div>"))
        #expect(out.contains("raw HTML omitted"))
    }

    @Test func dangerousLinksAreDropped() {
        let out = html("[click](javascript:alert(1)) [ok](https://example.org/) [v](vbscript:x) [d](data:text/html,x)\n")
        #expect(!out.lowercased().contains("javascript:"))
        #expect(!out.lowercased().contains("vbscript:"))
        #expect(!out.lowercased().contains("data:text/html"))
        #expect(out.contains("href=\"https://example.org/\""))
        // Removed, and said: never dropped in silence.
        let rendered = renderer.render("[click](javascript:alert(1)) [v](vbscript:x) [d](data:text/html,x) [f](file:///C:/a.docx)\n",
                                       file: "n.md", firstLine: 3)
        #expect(rendered.diagnostics.map(\.code) == ["unsafe-link", "unsafe-link", "unsafe-link", "link-outside-site"])
        #expect(rendered.diagnostics.map(\.location.column) == [1, 30, 46, 68])
        #expect(rendered.links.isEmpty)
    }

    @Test func externalImagesBecomeTheirText() {
        let result = renderer.render("Intro\n\n![消防通道](https://tracker.example.com/x.png)\n", file: "plans/a/plan.md", firstLine: 10)
        #expect(!result.html.html.contains("<img"))
        #expect(result.html.html.contains("消防通道"))
        let d = try? #require(result.diagnostics.first)
        #expect(d?.code == "external-image")
        #expect(d?.location == SourceLocation(file: "plans/a/plan.md", line: 12, column: 1))
    }

    /// An outside image in another's description (found by `make fuzz`: the outer one was freed
    /// with the inner one in it, and the inner one was read after). Both become their text.
    @Test func nestedExternalImagesBecomeTheirText() {
        let result = renderer.render("![外 ![内](https://a.example/i.png) 图](https://b.example/o.png) and ![x ![y](data:/)](data:/)\n",
                                     file: "n.md", firstLine: 1)
        #expect(!result.html.html.contains("<img"))
        #expect(result.html.html.contains("外 内 图"))
        #expect(result.diagnostics.map(\.code) == ["external-image", "external-image", "external-image", "external-image"])
        #expect(result.diagnostics.map(\.location.column) == [1, 5, 67, 71])
    }

    /// A numeric reference to a control character or noncharacter is an error at it and shows
    /// as U+FFFD; other references are decoded as before.
    @Test func referencesToForbiddenCharactersAreErrors() {
        let result = renderer.render("a &#1; b &#x1b; c\n\n&#xFDD0;&#11; &#65;&#x1F600; `&#1;`\n", file: "n.md", firstLine: 3)
        #expect(result.diagnostics.map(\.code) == ["invalid-character", "invalid-character", "invalid-character", "invalid-character"])
        #expect(result.diagnostics.map(\.location.line) == [3, 3, 5, 5])
        #expect(result.diagnostics.map(\.location.column) == [3, 10, 1, 9])
        let html = result.html.html
        #expect(!html.unicodeScalars.contains { TextDecoding.isForbidden($0.value) && $0 != "\n" }, "\(html)")
        #expect(html.contains("a \u{FFFD} b \u{FFFD} c") && html.contains("A😀") && html.contains("<code>&amp;#1;</code>"), "\(html)")
    }

    @Test func gfmExtensions() {
        let out = html("| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ https://example.org\n")
        #expect(out.contains("<table>"))
        #expect(out.contains("<del>old</del>"))
        #expect(out.contains("<a href=\"https://example.org\">"))
    }

    @Test func numberedTasksKeepTheirNumbers() {
        #expect(html("7. 第七项\n\n8. 第八项\n").hasPrefix("<ol start=\"7\">"))
    }

    @Test func quotesInAnchorsAreEscaped() {
        let out = html("## a\"b<c\n")
        #expect(!out.contains("id=\"a\"b"))
    }
}

/// cmark-gfm's inline parser shares a table of special characters between
/// parsers; rendering from many threads at once must still find every
/// strikethrough and autolink (it did not before the finish lock).
@Suite struct MarkdownConcurrencyTests {
    @Test func extensionsSurviveParallelRendering() {
        let renderer = MarkdownRenderer(reservedAnchors: [])
        let count = 400
        let results = (0..<count).concurrentMap { index -> Bool in
            let html = renderer.render("~~old \(index)~~ see https://example.org/\(index) and www.example.com", file: "", firstLine: 1).html.html
            return html.contains("<del>old \(index)</del>") && html.contains("<a href=\"https://example.org/\(index)\">")
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of \(count) renders lost an extension")
    }
}

/// Where each link and image is written, for the link check; footnotes.
@Suite struct MarkdownLinkTests {
    let renderer = MarkdownRenderer(reservedAnchors: [])

    @Test func linksKeepTheirLineAndColumnInScalars() {
        let text = MarkedText("""
        前言1️⃣[第一章](#part-1)。

        - 列表项 2️⃣![图](a.png)
          续行，中文3️⃣[附件](attachments/原文.pdf)

        | 表 | 链接 |
        | --- | --- |
        | 一 | 4️⃣[任务](tasks/3/) |
        """)
        let rendered = renderer.render(text.text, file: "plans/p/plan.md", firstLine: 20)
        let expected: [(String, String, LinkSource.Kind)] = [("1️⃣", "#part-1", .link), ("2️⃣", "a.png", .image),
                                                             ("3️⃣", "attachments/原文.pdf", .link), ("4️⃣", "tasks/3/", .link)]
        #expect(rendered.links.count == expected.count)
        for (link, (marker, url, kind)) in zip(rendered.links, expected) {
            #expect(link.url == url && link.kind == kind)
            #expect(link.location == SourceLocation(file: "plans/p/plan.md", line: text[marker].line + 19, column: text[marker].column), "\(marker)")
        }
        // cmark-gfm escapes the non-ASCII name in the HTML; the link check decodes it to match.
        #expect(rendered.html.html.contains("href=\"attachments/%E5%8E%9F%E6%96%87.pdf\""))
    }

    @Test func aFragmentOfYAMLIsPlacedByItsOrigin() {
        // A block scalar at indentation 8, its first line on file line 30.
        let origin = TextOrigin(file: "plans/p/tasks.yaml", line: 30, column: 9, layout: .lines(laterColumn: 9))
        let rendered = renderer.render("见[附件](a.pdf)。\n\n再见[任务](../2/)。", origin: origin)
        #expect(rendered.links.map(\.location) == [SourceLocation(file: "plans/p/tasks.yaml", line: 30, column: 10),
                                                   SourceLocation(file: "plans/p/tasks.yaml", line: 32, column: 11)])
        // Folded text: every position is the value's start.
        let folded = renderer.render("a [b](c) d", origin: TextOrigin(file: "t.yaml", line: 4, column: 7, layout: .start))
        #expect(folded.links.first?.location == SourceLocation(file: "t.yaml", line: 4, column: 7))
    }

    @Test func footnotesRenderAsFootnotesNamedPerText() {
        let text = "要求[^1]。\n\n[^1]: 依据《安全生产法》。\n"
        let body = renderer.render(text, file: "p.md", firstLine: 1).html.html
        #expect(body.contains("<a href=\"#fn-1\" id=\"fnref-1\""))
        #expect(body.contains("<li id=\"fn-1\">"))
        #expect(!body.contains("[^1]"))
        let fragment = renderer.render(text, origin: TextOrigin(file: "t.yaml", line: 1),
                                       footnotes: FootnoteNames(prefix: "task-3-requirements-", backLabel: "返回正文")).html.html
        #expect(fragment.contains("href=\"#task-3-requirements-fn-1\" id=\"task-3-requirements-fnref-1\""))
        #expect(fragment.contains("<li id=\"task-3-requirements-fn-1\">"))
        #expect(fragment.contains("href=\"#task-3-requirements-fnref-1\""))
        #expect(fragment.contains("aria-label=\"返回正文\""))
        #expect(!fragment.contains("Back to content"))
    }
}
