import Foundation
import Testing
@testable import SiteRender
import TestSupport

/// Texts that made cmark-gfm take gigabytes or minutes are refused before it sees them, at the
/// line where a limit is passed, in a fraction of a second; real plans stay far below every limit.
@Suite struct MarkdownLimitsTests {
    static func timed(_ text: String) -> (RenderedMarkdown, Duration) {
        var result: RenderedMarkdown?
        let elapsed = ContinuousClock().measure { result = MarkdownRenderer().render(text, file: "notices/x.md", firstLine: 5) }
        return (result!, elapsed)
    }

    @Test(arguments: [
        ("nested list markers", String(repeating: "- ", count: 2_000_000) + "x\n", "markdown-too-deep", 5),
        ("nested quotes", "正文\n\n" + String(repeating: "> ", count: 500_000) + "x\n", "markdown-too-deep", 7),
        ("link openers", String(repeating: "[a", count: 2_000_000), "markdown-too-complex", 5),
        ("emphasis", String(repeating: "_a ", count: 2_000_000), "markdown-too-complex", 5),
        ("raw HTML openers", String(repeating: "<![CDATA[", count: 400_000), "markdown-too-complex", 5),
        ("backticks", String(repeating: "`a", count: 1_000_000), "markdown-too-complex", 5),
        ("a row of pipes", "|a|\n|-|\n" + String(repeating: "|", count: 100_000) + "\n", "table-too-large", 7),
        ("lines", String(repeating: "a\n\n", count: 200_000), "markdown-too-long", 100_005),
        ("a run of w", String(repeating: "w", count: 1_500_000), "markdown-too-complex", 5),
        ("e-mail runs", String(repeating: "a@a.", count: 250_000), "markdown-too-complex", 5),
        ("addresses in a long paragraph", String(repeating: String(repeating: "word ", count: 1_000) + "x@y.zz ", count: 1_000),
         "markdown-too-complex", 5),
        ("paragraphs of addresses", Array(repeating: String(repeating: "x@y.zz w w w w ", count: 900), count: 100).joined(separator: "\n\n"),
         "markdown-too-complex", 13),
    ])
    func overALimitIsAnErrorAtItsLine(_ name: String, _ text: String, _ code: String, _ line: Int) {
        let (rendered, elapsed) = Self.timed(text)
        #expect(rendered.diagnostics.map(\.code) == [code], "\(name)")
        #expect(rendered.diagnostics.first?.location.line == line, "\(name)")
        #expect(rendered.html.description.isEmpty)
        #expect(elapsed < .seconds(1), "\(name) took \(elapsed)")
    }

    /// A table in a quote or a list item is measured as any other: too large, an error at its
    /// header, and the text shown without tables.
    @Test(arguments: [">", "-", "1."]) func aTableInAContainerIsMeasured(_ marker: String) {
        let inner = String(repeating: " ", count: marker.count + 1)
        let text = "\(marker) |" + String(repeating: "a|", count: 250) + "\n\(marker == ">" ? ">" : inner)|" + String(repeating: "-|", count: 250)
            + "\n" + String(repeating: (marker == ">" ? "> " : inner) + "a\n", count: 1_000)
        let (rendered, elapsed) = Self.timed(text)
        #expect(rendered.diagnostics.map(\.code) == ["table-too-large"], "\(marker)")
        #expect(rendered.diagnostics.first?.location.line == 5)
        #expect(!rendered.html.description.contains("<table>"))
        #expect(elapsed < .seconds(1))
    }

    @Test func theExamplePlansAreFarBelowEveryLimit() throws {
        for plan in ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"] {
            for name in ["plan.md", "plan.en.md"] {
                let text = try String(contentsOfFile: "\(Repository.root)/content/plans/\(plan)/\(name)", encoding: .utf8)
                #expect(MarkdownLimits.check(String(repeating: text, count: 50)) == nil, "\(plan)/\(name) × 50")
            }
        }
    }

    /// A contacts list or table with an address on every line is far from the autolink limit:
    /// each item is a text of its own in cmark.
    @Test func listsAndTablesOfAddressesRender() {
        let list = (0..<3_000).map { "- 联系人\($0)：user\($0)@example.gov.cn\n" }.joined()
        let table = "| 联系人 | 邮箱 |\n| - | - |\n" + (0..<3_000).map { "| 联系人\($0) | user\($0)@example.gov.cn |\n" }.joined()
        for text in [list, table] {
            let (rendered, elapsed) = Self.timed(text)
            #expect(rendered.diagnostics.isEmpty)
            #expect(rendered.html.description.contains("mailto:user2999@example.gov.cn"))
            #expect(elapsed < .seconds(3))
        }
    }

    @Test func aLargeTableWithinTheLimitsRendersQuickly() {
        var text = "|" + (0..<20).map { "列\($0)" }.joined(separator: "|") + "|\n|" + Array(repeating: "-", count: 20).joined(separator: "|") + "|\n"
        for _ in 0..<4_000 { text += "|" + Array(repeating: "安全生产", count: 20).joined(separator: "|") + "|\n" }
        let (rendered, elapsed) = Self.timed(text)
        #expect(rendered.diagnostics.isEmpty)
        #expect(rendered.html.description.contains("<table>"))
        #expect(elapsed < .seconds(3))
    }
}
