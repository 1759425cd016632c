import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// `check --inspection`'s checks, each on a fixture whose answer is worked out by hand.
@Suite struct SiteInspectionTests {
    func inspect(_ root: String, at day: Day? = nil, linkProblems: Int = 0) throws -> SiteInspection.Report {
        let today = Day(year: 2030, month: 1, day: 1)!
        let (site, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: day, today: today)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let (theme, _) = Theme.load(from: [Repository.templates])
        return SiteInspection.run(RenderContext(site: try #require(site), theme: try #require(theme)), linkProblems: linkProblems)
    }

    func codes(_ report: SiteInspection.Report) -> [String] { report.diagnostics.map(\.code) }

    /// The disclosure fixture at its build date, 28 June 2024: every identity key given, every page
    /// dated; new-2024 is dated 1 April and went online on 20 May, 33 working days later (April 2–30:
    /// 21 weekdays, less the 4th and 5th (清明), plus Sundays 7 and 28 April worked = 21; May 1–20:
    /// 14 weekdays, less 1–3 May (劳动节), plus Saturday 11 May worked = 12); its newest item,
    /// amend-2024 of 5 June, is 23 days old; old-2023's year is not in its holidays.yaml.
    @Test func theDisclosureFixture() throws {
        let report = try inspect(Repository.fixture("disclosure"))
        #expect(codes(report).sorted() == ["inspection-disclosure-late", "inspection-home-stale"], "\(report.diagnostics)")
        let late = try #require(report.diagnostics.first { $0.code == "inspection-disclosure-late" })
        #expect(late.location.file == "plans/new-2024/plan.md" && late.message.contains("相隔 33 个工作日"))
        let home = try #require(report.diagnostics.first { $0.code == "inspection-home-stale" })
        #expect(home.location.file == "plans/amend-2024/plan.md" && home.message.contains("已 23 天"))
        #expect(report.summary.contains("disclosed within 20 working days 1"))
        #expect(report.summary.contains("counted without public holidays for 2023"))
        #expect(report.summary.contains("broken links 0"))

        // Two weeks after 5 June the home page is still up to date; the link check's count is shown.
        let fresh = try inspect(Repository.fixture("disclosure"), at: Day(year: 2024, month: 6, day: 19), linkProblems: 2)
        #expect(!codes(fresh).contains("inspection-home-stale"))
        #expect(fresh.summary.contains("broken links 2"))
    }

    @Test func undatedPagesEmptyAndStaleColumnsAndAMissingIdentity() throws {
        let root = try Fixture.write("""
            -- site.yaml --
            title: 测试
            base_url: https://example.org/
            nav:
              - {title: 工作方案, path: plans/}
              - {title: 挂牌隐患, path: hazards/}
              - {title: 关于, path: pages/about/}
            -- units.yaml --
            - id: u1
              name: 单位一
            -- pages/about.md --
            ---
            title: 关于本站
            ---
            本站公开安全生产工作方案。
            -- plans/p1/plan.md --
            ---
            id: p1
            title: 方案
            issued: 2024-01-02
            ---
            Text.
            -- plans/p1/tasks.yaml --
            tasks:
              - {no: 1, title: 任务, responsible: [u1]}
            """)
        let report = try inspect(root, at: Day(year: 2024, month: 7, day: 3))
        #expect(codes(report).sorted() == ["inspection-column-stale", "inspection-empty-column", "inspection-home-stale",
                                            "inspection-identity-missing", "inspection-no-publish-date", "inspection-undated-page"],
                "\(report.diagnostics)")
        #expect(report.diagnostics.first { $0.code == "inspection-empty-column" }?.message.contains("挂牌隐患") == true)
        #expect(report.diagnostics.first { $0.code == "inspection-undated-page" }?.location.file == "pages/about.md")
        // 2 January to 3 July is six months and a day.
        #expect(report.diagnostics.first { $0.code == "inspection-column-stale" }?.message.contains("工作方案") == true)
        #expect(SiteInspection.monthsBetween(Day(iso: "2024-01-02")!, Day(iso: "2024-07-01")!) == 5)
        #expect(report.summary.hasPrefix("gen-site check --inspection: 7 checks, 6 warning(s)"))
    }
}
