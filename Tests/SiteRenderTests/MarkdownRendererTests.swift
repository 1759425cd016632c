import Foundation
import Testing
@testable import SiteRender
import SiteModel

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
    }

    @Test func externalImagesBecomeTheirText() {
        let result = renderer.render("Intro\n\n![消防通道](https://tracker.example.com/x.png)\n", file: "plans/a/plan.md", firstLine: 10)
        #expect(!result.html.html.contains("<img"))
        #expect(result.html.html.contains("消防通道"))
        let d = try? #require(result.diagnostics.first)
        #expect(d?.code == "external-image")
        #expect(d?.location == SourceLocation(file: "plans/a/plan.md", line: 12, column: 1))
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
            let html = renderer.renderFragment("~~old \(index)~~ see https://example.org/\(index) and www.example.com").html
            return html.contains("<del>old \(index)</del>") && html.contains("<a href=\"https://example.org/\(index)\">")
        }
        #expect(results.allSatisfy { $0 }, "\(results.filter { !$0 }.count) of \(count) renders lost an extension")
    }
}
