import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// The figures issue 18 found misleading, each checked on the example site (content/, at its
/// build date 2025-09-30): statuses that add up with overdue as a flag, the progress page's
/// report history against its headline, expired plans judged at their end date, the partial
/// year marked, the totals saying what they add, loss totals rounded as published, and the
/// downloads marked as sample data.
@Suite struct HonestFiguresTests {
    static let context: Result<RenderContext, any Error> = Result {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: Repository.content, buildDate: nil,
                                                      today: Day(year: 2030, month: 1, day: 1) ?? Day(year: 2000, month: 1, day: 1)!)
        guard let site, !diagnostics.hasErrors else { throw Failure(description: "\(diagnostics.sorted)") }
        let (theme, _) = Theme.load(from: [Repository.templates])
        guard let theme else { throw Failure(description: "no theme") }
        return RenderContext(site: site, theme: theme)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func html(_ route: PageRoute, _ language: Language = .zh) throws -> String {
        let file = SiteRenderer.renderPage(PageAddress(route, language), try Self.context.get()).file
        guard case .data(let data) = file.contents else { throw Failure(description: "no page") }
        return String(decoding: data, as: UTF8.self)
    }

    /// The numbers of the first status-figures list after `marker`.
    func figures(_ html: String, after marker: String = "id=\"figures\"") -> [Int] {
        guard let start = html.range(of: marker),
              let list = html.range(of: "<ul class=\"figures status-figures\">", range: start.upperBound..<html.endIndex),
              let end = html.range(of: "</ul>", range: list.upperBound..<html.endIndex) else { return [] }
        return html[list.upperBound..<end.lowerBound].components(separatedBy: "<span class=\"figure-value\">").dropFirst()
            .compactMap { Int($0.prefix { $0.isNumber }) }
    }

    func overdue(_ html: String) -> Int? {
        html.components(separatedBy: "<span class=\"overdue-count\">").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test func theStatusesAddUpAndOverdueIsAFlag() throws {
        let context = try Self.context.get()
        for plan in context.site.plans {
            for language in Language.allCases {
                let page = try html(.progress(plan.id), language)
                let numbers = figures(page)
                #expect(numbers.count == 5, "four statuses and their total")
                #expect(numbers.prefix(4).reduce(0, +) == numbers.last, "\(plan.id): \(numbers) do not add up")
                #expect(numbers.last == plan.tasks.count)
                #expect(overdue(page) == context.site.counts(plan).overdue)
            }
        }
    }

    /// Lüxiang's latest report lists 20 tasks done; one more was reported done earlier and not
    /// repeated. The report history counts every task done by each report's date, so its latest
    /// row is the headline figure.
    @Test func theReportHistoryAgreesWithTheHeadline() throws {
        let page = try html(.progress(PlanID("lvxiang-2024-2026")))
        let done = try #require(figures(page).first)
        let reports = try #require(page.range(of: "id=\"reports\"").map { String(page[$0.upperBound...]) })
        let firstRow = try #require(reports.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tr>").first)
        let cells = firstRow.components(separatedBy: "<td>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        #expect(cells.last.flatMap(Int.init) == done, "\(cells) against \(done)")
        let plan = try #require(try Self.context.get().site.plan(PlanID("lvxiang-2024-2026")))
        let latest = try #require(plan.reports.last)
        #expect(latest.updates.count { $0.status == .done } < done, "the example still has a task done only in an earlier report")
    }

    /// Putuo 2022 ended on 31 December 2022; its tasks have no deadline of their own, so each task
    /// not done by then is overdue since that day, and the progress page says the period ended.
    @Test func anExpiredPlanIsJudgedAtItsEnd() throws {
        let context = try Self.context.get()
        let plan = try #require(context.site.plan(PlanID("putuo-2022")))
        let notDone = plan.tasks.filter { context.site.progress(plan.id, $0.number)?.status != .done }
        #expect(!notDone.isEmpty)
        for task in notDone {
            let progress = try #require(context.site.progress(plan.id, task.number))
            #expect(progress.isOverdue && progress.overdueSince?.description == "2022-12-31" && progress.deadlineIsPlanEnd)
        }
        let page = try html(.progress(plan.id))
        #expect(page.contains("本方案实施期限已于2022年12月31日结束"))
        #expect(overdue(page) == notDone.count)
        #expect(try html(.plan(plan.id)).contains("其中逾期 \(notDone.count) 项"))
        #expect(try html(.task(plan.id, notDone[0].number)).contains("以方案实施期限结束日（2022年12月31日）为准"))
    }

    @Test func thePartialYearIsMarked() throws {
        for language in Language.allCases {
            let page = try html(.statistics, language)
            let chart = try #require(page.range(of: "id=\"chart-trend\"").map { String(page[$0.lowerBound...]) }
                .flatMap { $0.components(separatedBy: "</ul>").first })
            // The incomplete year (given to August) is labelled so and drawn hatched; the complete ones are not.
            #expect(chart.contains(language == .zh ? "2025（1–8月）" : "2025 (Jan–Aug)"))
            #expect(chart.components(separatedBy: "fill=\"url(#chart-trend-partial-").count - 1 == 2, "two hatched bars")
            #expect(chart.contains(language == .zh ? "斜线条纹：2025（1–8月），不是全年数字" : "Hatched: 2025 (Jan–Aug), not a whole year"))
        }
    }

    @Test func theTotalsSayWhatTheyAdd() throws {
        let zh = try html(.statistics), en = try html(.statistics, .en), home = try html(.home)
        let sentence = "各项合计为以下地区数字之和：普陀区（区级）、车墩镇（镇级）、吕巷镇（镇级）。这些地区层级不同、互不隶属"
        #expect(zh.contains(sentence) && home.contains(sentence))
        #expect(en.contains("Putuo District (District), Chedun Town (Town), Lüxiang Town (Town). They are areas of different levels"))
    }

    @Test func lossTotalsAreRoundedAsPublishedAndTheDownloadsSaySample() throws {
        let context = try Self.context.get()
        let files = OpenData.files(context)
        let json = String(decoding: try #require(files.first { $0.path == "data/accidents.json" }?.madeBytes), as: UTF8.self)
        #expect(json.contains("\"loss\": 1811.8"))
        // The rows give one decimal: no sum may show more (no 1811.8000000000002).
        let noise = try NSRegularExpression(pattern: #""loss": -?\d+\.\d{2,}"#)
        #expect(noise.firstMatch(in: json, range: NSRange(json.startIndex..., in: json)) == nil)
        #expect(json.contains("\"totals_cover\": [\n    \"putuo\",\n    \"chedun\",\n    \"lvxiang\"\n  ]"))
        let csv = String(decoding: try #require(files.first { $0.path == "data/accidents.csv" }?.madeBytes), as: UTF8.self)
        #expect(csv.hasPrefix("period,region,category,accidents,deaths,injuries,loss,severity,sample\n"))
        #expect(csv.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",true") })
        let statistics = try html(.statistics)
        #expect(statistics.contains("accidents.csv</a>：原始统计行（已规范化），可用电子表格打开。（示例数据，并非官方统计"))
    }
}
