import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// The shapes the issue "Import the documents offices really have" lists, each on a
/// fixture of its own making in Tests/Fixtures/import: what a document does not
/// state is never written, tables stay where they stand, headers as portals print them.
@Suite(.serialized) struct ImportPatternTests {
    func imported(_ name: String, ext: String = "txt") throws -> (content: String, stdout: String) {
        try ImportCommandTests.imported(name, file: Repository.fixture("import/\(name).\(ext)"))
    }

    func names(_ refs: [UnitReference], _ site: ResolvedSite) -> [String] { refs.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } } }

    /// The 1-based line of plan.md that starts with `prefix`.
    func line(of prefix: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix(prefix) }.map { $0 + 1 }
    }

    /// The disclosure box's labels on a built plan page.
    func boxLabels(_ html: String) -> [String] {
        guard let start = html.range(of: "<dl class=\"meta-list\">"), let end = html.range(of: "</dl>", range: start.upperBound..<html.endIndex) else { return [] }
        return html[start.upperBound..<end.lowerBound].components(separatedBy: "<dt>").dropFirst().compactMap { $0.components(separatedBy: "</dt>").first }
    }

    /// A plan that states no date, no issuer and no level: none is written; check names each at its
    /// line; build refuses; once filled in, the page shows nothing the document did not state.
    @Test func aValueTheDocumentDoesNotStateIsNeverWritten() throws {
        let (content, stdout) = try imported("no-facts-measures")
        let file = content + "/plans/no-facts-measures/plan.md"
        let plan = try String(contentsOfFile: file, encoding: .utf8)
        for key in ["issuer", "issued", "level"] { #expect(plan.contains("\n\(key):\n"), "\(key) left empty:\n\(plan)") }
        for key in ["status:", "category:", "disclosure:", "published:", "period:", "doc_number:"] { #expect(!plan.contains("\n" + key), "\(key) written") }
        #expect(stdout.contains("  成文日期 issued: not found") && stdout.contains("  层级 level: not found"))
        #expect(stdout.hasSuffix("import: 3 tasks, 4 units, header 1/11 fields found, 2 tables, 0 lines lost\n"), "\(stdout)")

        let check = try CommandRunner.genSite(["check", content])
        #expect(check.status == 1)
        for key in ["issuer", "issued", "level"] {
            let number = try #require(line(of: key + ":", in: plan))
            #expect(check.stderr.contains("plans/no-facts-measures/plan.md:\(number):1: error[plan-field-missing]"), "\(key):\n\(check.stderr)")
        }
        #expect(check.stderr.contains("hint: write the date on the document"))
        let out = try Fixture.temporaryFolder() + "/public"
        let refused = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"])
        #expect(refused.status == 1 && !FileManager.default.fileExists(atPath: out), "build refuses the plan until it is filled in")

        // Filled in: built, and the box shows what the document and the office stated — nothing else.
        let filled = plan.replacingOccurrences(of: "\nissuer:\n", with: "\nissuer: no-facts-measures-unit-4\n")
            .replacingOccurrences(of: "\nissued:\n", with: "\nissued: 2025-03-01\n").replacingOccurrences(of: "\nlevel:\n", with: "\nlevel: town\n")
        try Data(filled.utf8).write(to: URL(fileURLWithPath: file))
        let build = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"])
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOfFile: out + "/plans/no-facts-measures/index.html", encoding: .utf8)
        #expect(boxLabels(page) == ["发布机构", "成文日期", "层级"], "no 有效性, 主题分类, 公开方式 … the document does not state: \(boxLabels(page))")
        let list = try String(contentsOfFile: out + "/plans/index.html", encoding: .utf8)
        #expect(!list.contains("现行有效"), "the plan list claims no 有效性 either")
    }

    /// 有效性 is not written by the import: the build computes it from the period at its build date.
    @Test func theStatusIsComputedAtTheBuildDate() throws {
        let (content, _) = try ImportCommandTests.imported("lvxiang-2024-2026")
        #expect(!(try String(contentsOfFile: content + "/plans/lvxiang-2024-2026/plan.md", encoding: .utf8)).contains("\nstatus:"))
        for (date, label) in [("2026-12-31", "现行有效"), ("2027-01-01", "已失效")] {
            let out = try Fixture.temporaryFolder() + "/public"
            let build = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--build-date", date])
            #expect(build.status == 0, "\(build.stderr)")
            let page = try String(contentsOfFile: out + "/plans/lvxiang-2024-2026/index.html", encoding: .utf8)
            #expect(page.contains("<dt>有效性</dt><dd>\(label)</dd>"), "\(date)")
        }
    }

    /// A responsibility table in the middle of the text (序号 | 任务 | 责任单位 | 完成时限) becomes
    /// tasks, and the chapters after it stay text; a table that is not a task list stays a table.
    @Test func aTableInTheMiddleKeepsWhatFollows() throws {
        // Filled in as the office would, so that the plan decodes.
        let (content, _) = try imported("no-facts-measures")
        let file = content + "/plans/no-facts-measures/plan.md"
        let plan0 = try String(contentsOfFile: file, encoding: .utf8)
        try Data(plan0.replacingOccurrences(of: "\nissuer:\n", with: "\nissuer: no-facts-measures-unit-4\n")
            .replacingOccurrences(of: "\nissued:\n", with: "\nissued: 2025-03-01\n").replacingOccurrences(of: "\nlevel:\n", with: "\nlevel: town\n").utf8)
            .write(to: URL(fileURLWithPath: file))
        let site = try ImportCommandTests.site(content)
        let plan = try #require(site.plan(PlanID("no-facts-measures")))
        #expect(plan.body.text.contains("## 二、重点整治任务 {#part-2}\n\n重点整治任务分解如下：\n\n## 三、检查安排 {#part-3}"))
        #expect(plan.body.text.contains("| 检查类别 | 检查频次 | 备注 |\n| --- | --- | --- |\n| 重点企业 | 每月一次 | 全覆盖 |"))
        #expect(plan.body.text.contains("### （二）强化督查考核 {#section-2}"), "the last chapter after both tables")
        #expect(plan.tasks.map(\.number.rawValue) == ["1", "2", "3"])
        #expect(plan.tasks.allSatisfy { $0.group?.rawValue == "part-2" }, "grouped under the chapter the table stands in")
        #expect(names(plan.tasks[1].responsible, site) == ["规划建设办", "市场监管所"])
        #expect(plan.tasks[0].due == nil && plan.tasks[0].remarks?.zh == "完成时限：3月底前", "a month with no year is not given one")
    }

    /// A portal page pasted as text: the breadcrumb, a notice's title above the box, a bulleted box, a
    /// label over its value, pairs apart by one space, labels gen-site has no field for, an empty
    /// label, the page's buttons, a date printed without marks, and tables without a 序号 column.
    @Test func aPortalPageAsPasted() throws {
        let (content, stdout) = try imported("wuqiao-portal-copy-2024")
        let site = try ImportCommandTests.site(content)
        let plan = try #require(site.plan(PlanID("wuqiao-portal-copy-2024")))
        #expect(plan.title.zh == "五桥街道2024年安全生产重点工作任务清单", "a title ending in 清单; the mangled date is not glued to it")
        #expect(plan.docNumber == "五街办〔2024〕9号", "•发文字号：")
        #expect(plan.indexNumber == "11310112MB2F00000Y/2024-00031")
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "上海市某某区五桥街道办事处", "never the breadcrumb or the notice's title")
        #expect(plan.issued == Day(iso: "2024-08-15"), "成文日期： is empty in the box; the signature's date")
        #expect(plan.published == Day(iso: "2024-08-16"), "发布时间 after 主题分类 and one space")
        #expect(plan.category?.zh == "安全生产" && plan.disclosure?.zh == "主动公开")
        #expect(plan.level == .subdistrict)
        #expect(plan.extraMetadata.map { "\($0.label.zh ?? "")=\($0.value.zh ?? "")" } == ["公开主体=五桥街道办事处", "生效日期=2024-08-15", "失效日期=2024-12-31"])
        #expect(stdout.contains("skipped: line 1: the web page's navigation"), "\(stdout)")
        #expect(stdout.contains("skipped: line 11: the web page's navigation"))
        #expect(stdout.contains("guess: line 12: a date the page printed without its marks, not read: 2024815"))
        let markdown = try String(contentsOfFile: content + "/plans/wuqiao-portal-copy-2024/plan.md", encoding: .utf8)
        #expect(markdown.contains("#   关于印发《五桥街道2024年安全生产重点工作任务清单》的通知") && markdown.contains("#   2024815"), "kept, as comments")
        #expect(plan.coverLetter == nil)
        #expect(plan.body.text.contains("## 一、压实安全责任 {#part-1}\n\n## 二、深化隐患治理 {#part-2}\n\n## 三、保障措施 {#part-3}"))
        #expect(plan.tasks.map(\.number.rawValue) == ["1", "2", "3", "4"], "numbered on over both tables")
        #expect(plan.tasks.map { $0.group?.rawValue ?? "" } == ["part-1", "part-1", "part-2", "part-2"])
        #expect(plan.tasks[0].title.zh == "调整街道安全生产委员会组成人员", "工作内容 names the task")
        #expect(names(plan.tasks[1].responsible, site) == ["街道安委办", "各居民区"], "two units in one cell")
        #expect(plan.tasks[2].due == Day(iso: "2024-12-31"))
        #expect(stdout.hasSuffix("header 10/11 fields found, 2 tables, 0 lines lost\n"))
    }

    /// A cover letter with no 文号 above it (主送: with a half-width colon), signed by the office that
    /// is the issuer; a two-line title whose first line is the issuing body; chapters numbered 2、 3、
    /// between 一、 and 四、; a task on its heading's line; units in words and for the tasks after them.
    @Test func aLetterFirstAndNumberingThatSwitchesStyle() throws {
        let (content, stdout) = try imported("songxi-district-points-2024")
        let site = try ImportCommandTests.site(content)
        let plan = try #require(site.plan(PlanID("songxi-district-points-2024")))
        #expect(plan.title.zh == "松溪区安全生产委员会2024年安全生产工作要点")
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "松溪区安全生产委员会办公室", "the signature, not the title's first line")
        #expect(plan.issued == Day(iso: "2024-03-05"))
        #expect(plan.level == .district)
        #expect(plan.recipients?.zh == "各街道办事处、镇人民政府，区政府各委、办、局")
        #expect(plan.coverLetter?.zh == "关于印发《松溪区2024年安全生产工作要点》的通知\n\n主送:各街道办事处、镇人民政府，区政府各委、办、局\n\n"
                + "现将《松溪区2024年安全生产工作要点》印发给你们，请认真贯彻执行。\n\n松溪区安全生产委员会办公室\n\n2024年3月5日")
        #expect(ImportCommandTests.headings(plan.body.text) == ["## 一、总体要求", "## 2、重点任务", "### （一）压实责任", "### （二）强化执法",
                                                                "## 3、工作安排", "## 四、保障措施"])
        #expect(plan.tasks.map(\.number.rawValue) == ["1", "2", "3", "4"])
        #expect(plan.body.text.contains("### （一）压实责任 {#section-1}\n\n1. 调整区安委会组成人员"), "the task on the heading's line")
        #expect(names(plan.tasks[0].lead, site) == ["区应急局"] && names(plan.tasks[0].responsible, site) == ["各成员单位"])
        #expect(names(plan.tasks[1].cooperating, site) == ["各街道、镇"])
        for task in plan.tasks[2...] {
            #expect(names(task.lead, site) == ["区应急局"] && names(task.responsible, site) == ["区公安分局", "区市场监管局"], "不再注明")
        }
        #expect(stdout.contains("guess: line 18: \"2、重点任务\" is a chapter"), "\(stdout)")
    }

    /// The notice's title above the 文号 (never the issuer), （此件公开发布） after the letter's date, a
    /// 抄送 line at the end (kept as text) and the office's 印发 line.
    @Test func aNoticeTitleAboveTheDocumentNumber() throws {
        let (content, stdout) = try imported("notice-above-docnumber-2025")
        let site = try ImportCommandTests.site(content)
        let plan = try #require(site.plan(PlanID("notice-above-docnumber-2025")))
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "某某区人民政府办公室")
        #expect(plan.issued == Day(iso: "2025-02-20") && plan.published == Day(iso: "2025-02-20"))
        #expect(plan.disclosure?.zh == "主动公开")
        #expect(plan.coverLetter?.zh?.hasPrefix("某某区人民政府办公室关于印发《某某区2025年安全生产工作要点》的通知\n\n各街道办事处") == true)
        #expect(plan.coverLetter?.zh?.hasSuffix("某某区人民政府办公室\n\n2025年2月20日") == true, "\(plan.coverLetter?.zh ?? "")")
        #expect(plan.body.text.hasSuffix("抄送：区委办公室，区人大常委会办公室。\n"))
        #expect(stdout.hasSuffix("import: 3 tasks, 6 units, header 9/11 fields found, 0 tables, 0 lines lost\n"), "\(stdout)")
    }
}
