import Testing
@testable import SiteModel

/// A file with the same mistake on every row gives a hundred located diagnostics and one count.
@Suite struct DiagnosticLimitTests {
    @Test func aThousandDuplicateRowsAreAHundredAndACount() throws {
        let categories = SourceFile(path: "statistics/categories.yaml",
                                    text: "categories:\n  - id: fire\n    name: 火灾\nregions:\n  - id: putuo\n    name: 普陀区\n")
        let rows = String(repeating: "2020,putuo,fire,1,0,0,1\n", count: 1_001)
        let csv = SourceFile(path: "statistics/accidents.csv", text: "period,region,category,accidents,deaths,injuries,loss\n" + rows)
        var diagnostics = Diagnostics()
        _ = StatisticsDecoder.decode(csv: csv, categories: categories, into: &diagnostics)
        let duplicates = diagnostics.items.filter { $0.kind == .duplicateRow }
        #expect(duplicates.count == 101)
        #expect(duplicates.prefix(100).map(\.location.line) == Array(3...102))
        let count = try #require(duplicates.last)
        #expect(count.location.line == 103 && count.message.contains("900 more"), "\(count)")
        #expect(diagnostics.hasErrors)
    }

    @Test func eachCodeHasItsOwnHundred() {
        var limit = DiagnosticLimit(limit: 2)
        var diagnostics = Diagnostics()
        for line in 1...5 {
            limit.append(.error(.unknownRegion, at: SourceLocation(file: "a.csv", line: line), "r"), to: &diagnostics)
            limit.append(.error(.invalidNumber, at: SourceLocation(file: "a.csv", line: line), "n"), to: &diagnostics)
        }
        limit.finish(into: &diagnostics)
        #expect(diagnostics.items.map(\.code) == ["unknown-region", "invalid-number", "unknown-region", "invalid-number", "invalid-number", "unknown-region"])
        #expect(diagnostics.items.suffix(2).map(\.location.line) == [3, 3])
        #expect(diagnostics.items.suffix(2).allSatisfy { $0.message.contains("3 more") })
    }

    /// A plan's progress reports over 32 MB in all are refused before any is read (600 reports of
    /// 5,000 tasks took minutes to read).
    @Test func progressReportsOverTheirSizeAreRefusedUnread() {
        let text = "as_of: 2024-01-31\nupdates:\n" + String(repeating: "  - {task: 1, status: in_progress, percent: 5}\n", count: 90_000)
        let files = (1...9).map { SourceFile(path: "plans/p/progress/2024-0\($0).yaml", text: text) }
        var plan = Plan(id: PlanID("p"), title: BilingualText(zh: "方案"), issued: Day(year: 2024, month: 1, day: 1)!, status: .inForce,
                        body: MarkdownSource(text: "", file: "plans/p/plan.md", firstLine: 1), location: SourceLocation(file: "plans/p/plan.md"))
        var diagnostics = Diagnostics()
        ProgressDecoder.decode(files, into: &plan, diagnostics: &diagnostics)
        #expect(diagnostics.items.map(\.code) == ["yaml-too-large"])
        #expect(diagnostics.items.first?.location.file == "plans/p/progress/2024-01.yaml")
        #expect(plan.reports.isEmpty)
    }
}
