import Testing
import TestSupport
@testable import SiteModel

/// The model of issue 18: the site's identity in site.yaml, the links between plans (written on
/// either side, kept on both, checked), interpretations, revisions, and the holiday calendar's
/// working days.
@Suite struct DisclosureModelTests {
    static let base = """
        -- site.yaml --
        title: {zh: 测试, en: Test}
        base_url: https://example.org/
        -- units.yaml --
        - id: u1
          name: 单位一
        -- pages/explained.md --
        ---
        title: 解读
        ---
        解读。
        """

    static func plan(_ id: String, issued: String = "2024-01-02", extra: String = "") -> String {
        """

        -- plans/\(id)/plan.md --
        ---
        id: \(id)
        title: 方案\(id)
        issued: \(issued)
        period: {start: 2024-01-01, end: 2024-12-31}
        \(extra)
        ---
        Text.
        -- plans/\(id)/tasks.yaml --
        tasks:
          - no: 1
            title: 任务
            responsible: [u1]
        """
    }

    func run(_ txtar: String, at day: Day = Day(year: 2024, month: 6, day: 30)!) throws -> (ResolvedSite?, Diagnostics) {
        let root = try Fixture.write(txtar)
        return ContentPipeline.run(contentRoot: root, buildDate: day, today: day)
    }

    @Test func aLinkWrittenOnOneSideIsKeptOnBothAndTheOlderPlanIsSuperseded() throws {
        let (site, diagnostics) = try run(Self.base + Self.plan("old") + Self.plan("new", issued: "2024-03-01", extra: "supersedes: old\namends: [amended]")
                                          + Self.plan("amended") + Self.plan("later", issued: "2024-02-01", extra: "superseded_by: new"))
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let old = try #require(site?.plan(PlanID("old"))), new = try #require(site?.plan(PlanID("new")))
        #expect(old.relations.supersededBy.map(\.id) == [PlanID("new")])
        // Newest first, whichever side wrote the link.
        #expect(new.relations.supersedes.map(\.id) == [PlanID("later"), PlanID("old")])
        #expect(site?.plan(PlanID("amended"))?.relations.amendedBy.map(\.id) == [PlanID("new")])
        #expect(old.status == .superseded && old.statusBasis == .replaced)
        #expect(new.status == .inForce)
        #expect(site?.plan(PlanID("amended"))?.status == .inForce, "amended is not replaced")
    }

    @Test func aReplacementIssuedAfterTheBuildDateDoesNotYetReplace() throws {
        let (site, _) = try run(Self.base + Self.plan("old") + Self.plan("new", issued: "2024-09-01", extra: "supersedes: old"))
        #expect(site?.plan(PlanID("old"))?.status == .inForce)
        #expect(site?.plan(PlanID("old"))?.relations.supersededBy.map(\.id) == [PlanID("new")], "the link is shown all the same")
    }

    @Test func unknownSelfAndCircularLinksAreErrors() throws {
        let unknown = MarkedText("supersedes: 1️⃣olde")
        let (_, d1) = try run(Self.base + Self.plan("old") + Self.plan("new", extra: unknown.text))
        let found = try #require(d1.items.first { $0.code == "unknown-plan" })
        #expect(found.location.file == "plans/new/plan.md" && found.location.column == unknown["1️⃣"].column)
        #expect(found.hint?.contains("old") == true)

        let (_, d2) = try run(Self.base + Self.plan("p", extra: "amends: p"))
        #expect(d2.items.contains { $0.code == "plan-relation" && $0.severity == .error })

        let (_, d3) = try run(Self.base + Self.plan("a", extra: "supersedes: b") + Self.plan("b", extra: "supersedes: c")
                              + Self.plan("c", extra: "supersedes: a"))
        let cycle = d3.items.filter { $0.code == "plan-relation" }
        #expect(cycle.count == 1 && cycle.first?.message.contains("a → b → c → a") == true, "\(cycle)")
    }

    @Test func aStatedInForceOnAReplacedPlanIsAWarning() throws {
        let (site, diagnostics) = try run(Self.base + Self.plan("old", extra: "status: in_force") + Self.plan("new", extra: "supersedes: old"))
        #expect(diagnostics.items.map(\.code) == ["plan-status-conflict"])
        #expect(site?.plan(PlanID("old"))?.status == .inForce, "as stated")
    }

    @Test func interpretationsRevisionsAndTheSourceAddress() throws {
        let extra = """
            source_url: https://www.example.gov.cn/a.html
            interpretations:
              - {title: 解读, page: explained, date: 2024-01-05}
              - {title: 图解, url: https://www.example.gov.cn/b.html}
              - {title: 两者, url: https://x.example/, page: explained}
              - {title: 都无}
              - {title: 无页, page: nowhere}
            revisions:
              - {date: 2024-03-01, what: 第二次}
              - {date: 2024-02-01, what: 第一次}
              - {date: 2023-12-01, what: 早于成文}
            """
        let (site, diagnostics) = try run(Self.base + Self.plan("p", extra: extra))
        let plan = try #require(site?.plan(PlanID("p")))
        #expect(plan.sourceURL == "https://www.example.gov.cn/a.html")
        #expect(plan.interpretations.map(\.page) == ["explained", nil, "nowhere"])
        #expect(plan.revisions.map(\.date.description) == ["2024-02-01", "2024-03-01"])
        #expect(diagnostics.items.map(\.code).sorted() == ["invalid-date", "invalid-value", "missing-key", "unknown-page"])
        let (_, bad) = try run(Self.base + Self.plan("q", extra: "source_url: www.example.gov.cn"))
        #expect(bad.items.map(\.code) == ["invalid-url"])
    }

    @Test func theSiteIdentity() throws {
        let site = """
            -- site.yaml --
            title: 测试
            base_url: https://example.org/
            sponsor: {zh: 某区人民政府, en: Some District Government}
            organizer: 某区应急管理局
            site_code: "3101070001"
            icp: 沪ICP备12345678号-1
            police_filing: {number: 沪公网安备31010702001234号, url: https://beian.mps.gov.cn/}
            contact: {phone: 021-12345678, email: office@example.gov.cn, address: 某路1号}
            -- units.yaml --
            []
            """
        let (resolved, diagnostics) = try run(site)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let identity = try #require(resolved?.site.identity)
        #expect(identity.sponsor?.en == "Some District Government" && identity.organizer?.zh == "某区应急管理局")
        #expect(identity.icp == Filing(number: "沪ICP备12345678号-1", url: "https://beian.miit.gov.cn/"))
        #expect(identity.policeFiling?.url == "https://beian.mps.gov.cn/")
        #expect(identity.contact?.dialString == "02112345678")
        #expect(!identity.showsToolCredit)

        let bad = """
            -- site.yaml --
            title: 测试
            base_url: https://example.org/
            site_code: 31010
            icp: {number: 沪ICP备1号, url: beian.miit.gov.cn}
            contact: {phone: 电话, email: nobody}
            tool_credit: yes
            -- units.yaml --
            []
            """
        let (other, problems) = try run(bad)
        #expect(problems.items.map(\.code).sorted() == ["invalid-url", "invalid-value", "invalid-value", "invalid-value"])
        #expect(problems.items.filter { $0.severity == .warning }.count == 1, "the site code's shape is a warning")
        #expect(other?.site.identity.showsToolCredit == true)
    }

    @Test func workingDaysCountHolidaysAndWeekendsWorked() throws {
        let txtar = Self.base + """

            -- holidays.yaml --
            - year: 2024
              holidays: [{from: 2024-02-10, to: 2024-02-17}, {from: 2024-04-04, to: 2024-04-06}]
              workdays: [2024-02-04, 2024-02-18, 2024-04-07]
            """
        let (site, diagnostics) = try run(txtar)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let calendar = try #require(site?.site.holidays)
        func day(_ text: String) -> Day { Day(iso: text)! }
        #expect(HolidayCalendar.weekday(day("2024-02-04")) == 7, "a Sunday")
        #expect(calendar.isWorkingDay(day("2024-02-04")), "worked (调休)")
        #expect(!calendar.isWorkingDay(day("2024-02-12")), "Spring Festival")
        // From Friday 2 February: Sun 4 (worked), Mon 5 – Fri 9, then the holiday, Sun 18 (worked), Mon 19, Tue 20.
        #expect(calendar.workingDays(after: day("2024-02-02"), through: day("2024-02-20")) == 9)
        #expect(calendar.workingDays(after: day("2024-02-20"), through: day("2024-02-20")) == 0)
        #expect(calendar.covers(2024) && !calendar.covers(2023))
        #expect(Day(ordinal: day("2024-02-29").ordinal) == day("2024-02-29"))

        let (_, bad) = try run(Self.base + "\n-- holidays.yaml --\n- year: 2024\n  holidays: [2024-05-01]\n  workdays: [2024-05-01, 2024-05-06]\n")
        // Both "worked" days are weekdays (warnings), and 1 May is listed as both off and worked (an error).
        #expect(bad.items.map(\.severity) == [.warning, .warning, .error], "\(bad.sorted)")
    }
}
