import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// `gen-site import` on the three published seeds (Tests/Fixtures/seeds),
/// on a plan nobody here has seen (Tests/Fixtures/import), and on text that
/// is not a plan.
@Suite(.serialized) struct ImportCommandTests {
    /// A content folder holding only the example site.yaml, with the seed imported into it.
    static func imported(_ seed: String, file: String? = nil) throws -> (content: String, stdout: String) {
        let content = try Fixture.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.path("content/site.yaml"), toPath: content + "/site.yaml")
        let result = try CommandRunner.genSite(["import", file ?? Repository.fixture("seeds/\(seed).txt"), "-o", content,
                                                "--id", seed])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr + result.stdout) }
        return (content, result.stdout)
    }

    /// `allowErrors`: a plan left with fields to fill in (its errors are the point).
    static func site(_ content: String, allowErrors: Bool = false) throws -> ResolvedSite {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: content, buildDate: nil, today: Day(year: 2025, month: 9, day: 30)!)
        #expect(allowErrors || !diagnostics.hasErrors, "\(diagnostics.sorted)")
        return try #require(site)
    }

    @Test(arguments: ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"])
    func eachSeedImportsAndBuilds(_ seed: String) throws {
        let (content, _) = try Self.imported(seed)
        let out = try Fixture.temporaryFolder() + "/public"
        let build = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/plans/\(seed)/index.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/en/plans/\(seed)/index.html"))
    }

    @Test func putuo() throws {
        let site = try Self.site(try Self.imported("putuo-2022").content)
        let plan = try #require(site.plan(PlanID("putuo-2022")))
        #expect(plan.docNumber == "普安委〔2022〕6号")
        #expect(plan.issued == Day(iso: "2022-08-15"))
        #expect(plan.copies == 60)
        #expect(plan.status == .expired)
        #expect(plan.tasks.map(\.number.rawValue) == (1...23).map(String.init))
        // 1 above the first sub-heading (no group: none is named for it) + the five chapters' 4 + 3 + 4 + 6 + 5 rows.
        let groups = plan.tasks.map { $0.group?.rawValue ?? "" }
        #expect(["", "part-1", "part-2", "part-3", "part-4", "part-5"].map { g in groups.count { $0 == g } } == [1, 4, 3, 4, 6, 5])
        #expect(plan.tasks[0].leaders.compactMap(\.zh) == ["肖文高", "姜爱锋", "姚汝林", "王珏", "徐树杰", "张骏", "蒋龙"])
        let row6 = plan.tasks[5].cooperating.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } }
        #expect(row6.contains("区人力资源保障局"), "\(row6)")
        for task in plan.tasks { #expect(!task.responsible.isEmpty, "task \(task.number) has no responsible unit") }
        #expect(plan.body.text.contains("## 五、全面强基固本，形成社会安全共治合力 {#part-5}"))
        #expect(plan.body.text.contains("### （十七）涵养安全文化 {#section-17}"))
        #expect(plan.body.text.contains("牢固树立安全发展理念"), "the repeated 立 is dropped")
    }

    @Test func chedun() throws {
        let (content, _) = try Self.imported("chedun-2023")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("chedun-2023")))
        #expect(plan.docNumber == "车府〔2023〕116号")
        #expect(plan.issued == Day(iso: "2023-05-24"))
        #expect(plan.tasks.map(\.number.rawValue) == (1...12).map(String.init), "every row of the attachment table")
        let items = plan.body.text.split(separator: "\n").filter { line in
            let digits = line.prefix { $0.isASCII && $0.isNumber }
            return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
        }
        #expect(items.count == 37, "37 numbered tasks in the text")
        #expect(plan.body.text.contains("### （八）精准排查治理隐患，精细化管理危化品 {#section-8}"), "a section heading with a comma")
        #expect(plan.body.text.contains("### （十六）强化事故复盘工作机制 {#section-16}"))
    }

    @Test func lvxiang() throws {
        let site = try Self.site(try Self.imported("lvxiang-2024-2026").content)
        let plan = try #require(site.plan(PlanID("lvxiang-2024-2026")))
        #expect(plan.docNumber == "金吕安委会〔2024〕2号")
        #expect(plan.issued == Day(iso: "2024-09-10"))
        #expect(plan.period == Period(start: Day(year: 2024, month: 1, day: 1)!, end: Day(year: 2026, month: 12, day: 31)!))
        #expect(plan.status == .inForce)
        #expect(plan.tasks.count == 29)
        func names(_ refs: [UnitReference]) -> [String] { refs.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } } }
        for number in 6...12 {
            let task = try #require(plan.task(TaskNumber(String(number))))
            #expect(!task.lead.isEmpty, "task \(number) has its lead unit")
        }
        #expect(names(plan.task(TaskNumber("6"))?.lead ?? []) == ["镇安委办"])
        #expect(names(plan.task(TaskNumber("6"))?.cooperating ?? []) == ["社事办", "规建办", "经发办", "市场监管所", "综合执法队", "派出所", "工业公司"])
        #expect(names(plan.task(TaskNumber("7"))?.lead ?? []) == ["城运中心", "派出所"])
        #expect(names(plan.task(TaskNumber("11"))?.cooperating ?? []) == ["工业公司", "经发办", "各村（居）"])
        #expect(plan.coverLetter?.zh?.contains("现印发给你们") == true)
        #expect(plan.coverLetter?.zh?.hasSuffix("吕巷镇安全生产委员会\n\n2024年9月10日") == true, "signature and date, each a paragraph")
        #expect(plan.body.text.contains("\n\n（一）镇安委会负责制定本镇安全生产治本攻坚三年行动方案，统筹"),
                "the section broken mid-sentence is a paragraph, like its siblings under 三、职责分工")
        #expect(plan.body.text.contains("### （一）开展安全生产责任体系提升行动 {#section-3}"))
    }

    /// The lines the report says it read into a value or left out (page-break debris, a repeated
    /// header): `read into …`, `read as …`, `metadata:`, `signature:`, `skipped:`.
    static func accounted(_ stdout: String) -> Set<Int> {
        Set(stdout.split(separator: "\n").compactMap { line -> Int? in
            let kinds = ["read into ", "read as ", "metadata:", "signature:"]
            guard line.hasPrefix("skipped: line ") || (line.hasPrefix("note: line ") && kinds.contains(where: { line.contains(": " + $0) })) else { return nil }
            return Int(line.drop { !$0.isNumber }.prefix { $0.isNumber })
        })
    }

    /// Every non-blank line of the source, ignoring whitespace and the debris the importer
    /// removes, appears in the output: the text's lines in plan.md in their order, the table's
    /// cells in tasks.yaml and units.yaml — or the report names it (a header line read into a
    /// value). An independent check of the importer's own (the last line: 0 lines lost).
    @Test(arguments: ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"])
    func noSentenceIsLost(_ seed: String) throws {
        let (content, stdout) = try Self.imported(seed)
        #expect(stdout.hasSuffix(" 0 lines lost\n"), "\(stdout)")
        let accounted = Self.accounted(stdout)
        let folder = content + "/plans/\(seed)/"
        let plan = normalise(try String(contentsOfFile: folder + "plan.md", encoding: .utf8))
        let data = normalise(try String(contentsOfFile: folder + "tasks.yaml", encoding: .utf8)
            + (try String(contentsOfFile: content + "/units.yaml", encoding: .utf8)))
        let source = try String(contentsOfFile: Repository.fixture("seeds/\(seed).txt"), encoding: .utf8)
        var missing: [String] = []
        var position = plan.startIndex
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.hasPrefix("序号") && !accounted.contains(index + 1) {
            if line.contains("\t") {
                // A table row: each piece of each cell somewhere in tasks.yaml or units.yaml.
                for piece in line.split(whereSeparator: { $0 == "\t" || $0 == " " }) {
                    let text = normalise(String(piece))
                    if text.count >= 2, !text.contains("小计"), !text.contains("合计"), !data.contains(text) { missing.append(String(piece)) }
                }
                continue
            }
            let text = normalise(String(line))
            guard !text.isEmpty else { continue }
            // In order in plan.md; a character repeated across a break may start the line.
            if let found = plan.range(of: text, range: position..<plan.endIndex) ?? plan.range(of: String(text.dropFirst()), range: position..<plan.endIndex) {
                position = found.upperBound
            } else if plan.contains(text) || data.contains(text) {
                // The cover letter in the front matter; an annex's title in tasks.yaml.
                continue
            } else {
                missing.append(String(line.prefix(40)))
            }
        }
        #expect(missing.isEmpty, "lost: \(missing)")
    }

    /// Only the CJK characters: whitespace, ASCII (markup, anchors, numbers) and punctuation the output writes differently are left out.
    func normalise(_ text: String) -> String {
        var out = ""
        for c in text where !c.isWhitespace && !c.isASCII && !"、。．（）《》：；，“”".contains(c) { out.append(c) }
        return out.replacingOccurrences(of: "等", with: "")
    }

    @Test func gb18030CopyImportsTheSame() throws {
        let utf8 = try String(contentsOfFile: Repository.fixture("seeds/lvxiang-2024-2026.txt"), encoding: .utf8)
        let folder = try Fixture.temporaryFolder()
        let path = folder + "/lvxiang-2024-2026.txt"
        let iconv = try CommandRunner.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030", "-o", path, Repository.fixture("seeds/lvxiang-2024-2026.txt")])
        #expect(iconv.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) != Data(utf8.utf8))
        let (fromGB, stdout) = try Self.imported("lvxiang-2024-2026", file: path)
        let (fromUTF8, _) = try Self.imported("lvxiang-2024-2026")
        for file in ["plans/lvxiang-2024-2026/plan.md", "plans/lvxiang-2024-2026/tasks.yaml", "units.yaml"] {
            #expect(try String(contentsOfFile: fromGB + "/" + file, encoding: .utf8) == (try String(contentsOfFile: fromUTF8 + "/" + file, encoding: .utf8)), "\(file) differs")
        }
        #expect(stdout.contains("GB18030"))
    }

    @Test func anUnseenPlanKeepsItsStructure() throws {
        let (content, stdout) = try Self.imported("unseen-town", file: Repository.fixture("import/unseen-town.txt"))
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("unseen-town")))
        #expect(plan.docNumber == "某府发〔2025〕8号")
        #expect(plan.issued == Day(iso: "2025-03-01"))
        #expect(plan.tasks.map(\.number.rawValue) == ["1", "2", "3", "4", "5"])
        #expect(plan.body.text.contains("## 二、整治重点领域 {#part-2}"))
        #expect(plan.body.text.contains("### （三）加强宣传培训"))
        func names(_ refs: [UnitReference]) -> [String] { refs.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } } }
        #expect(names(plan.tasks[0].responsible) == ["镇安委办"], "units on the following line")
        #expect(names(plan.tasks[2].lead) == ["城运中心"])
        #expect(names(plan.tasks[2].cooperating) == ["派出所", "各村居"])
        #expect(plan.tasks[3].responsible.isEmpty)
        #expect(stdout.contains("task 4 names no unit"), "the report says what it could not place:\n\(stdout)")
    }

    // MARK: Plans nobody here had seen (Tests/Fixtures/import)

    static let unseenPlans = ["liutang-town-points-2025", "wutong-gas-plan-2024", "wanghu-subdistrict-2025",
                              "shiqiao-town-opinions-2025", "qingshan-district-points-2025", "liaogang-town-three-year-plan"]

    static func importedUnseen(_ name: String) throws -> (content: String, stdout: String) {
        try imported(name, file: Repository.fixture("import/\(name).txt"))
    }

    func names(_ refs: [UnitReference], _ site: ResolvedSite) -> [String] { refs.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } } }

    func headings(_ body: String) -> [String] { Self.headings(body) }

    /// The `##` and `###` lines of plan.md's body, without their anchors.
    static func headings(_ body: String) -> [String] {
        body.split(separator: "\n").filter { $0.hasPrefix("## ") || $0.hasPrefix("### ") }.map { line in
            String(line.split(separator: " {#").first ?? line)
        }
    }

    @Test(arguments: unseenPlans)
    func eachUnseenPlanImportsAndBuilds(_ name: String) throws {
        let (content, _) = try Self.importedUnseen(name)
        let out = try Fixture.temporaryFolder() + "/public"
        let build = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/plans/\(name)/index.html"))
    }

    /// The report names every line it did not place: each other line of the source is in
    /// plan.md (text, or the front matter's comments), tasks.yaml or units.yaml.
    @Test(arguments: unseenPlans + ["unseen-town"])
    func everyLineIsPlacedOrReported(_ name: String) throws {
        let (content, stdout) = try Self.importedUnseen(name)
        let folder = content + "/plans/\(name)/"
        let output = normalise(try String(contentsOfFile: folder + "plan.md", encoding: .utf8)
            + (try String(contentsOfFile: folder + "tasks.yaml", encoding: .utf8))
            + ((try? String(contentsOfFile: content + "/units.yaml", encoding: .utf8)) ?? ""))
        #expect(stdout.hasSuffix(" 0 lines lost\n"), "\(stdout)")
        let skipped = Self.accounted(stdout)
        guard case .success(let decoded) = TextDecoding.decode(try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("import/\(name).txt"))))
        else { Issue.record("\(name) does not decode"); return }
        var missing: [String] = []
        for (index, line) in decoded.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !skipped.contains(index + 1) && !AttachmentTable.isHeaderRow(String(line)) {
            for piece in line.split(whereSeparator: { $0 == "\t" || $0 == " " || $0 == "\u{3000}" }) {
                var text = normalise(String(piece))
                if let subtotal = text.range(of: "小计") { text = String(text[..<subtotal.lowerBound]) }
                if text.count >= 2, !output.contains(text) { missing.append("\(index + 1): \(piece.prefix(30))") }
            }
        }
        #expect(missing.isEmpty, "neither placed nor reported: \(missing)\n\(stdout)")
    }

    /// A town's 工作要点: 一、 chapters and 1、 tasks only, numbered again in each chapter, CRLF
    /// line ends, a 文号 with half-width brackets, page numbers between the lines, a number skipped.
    @Test func workPointsNumberedAgainInEachChapter() throws {
        let source = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("import/liutang-town-points-2025.txt")))
        #expect(source.range(of: Data("\r\n".utf8)) != nil, "the fixture keeps its CRLF line ends")
        let (content, stdout) = try Self.importedUnseen("liutang-town-points-2025")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("liutang-town-points-2025")))
        #expect(plan.docNumber == "柳安委〔2025〕3号")
        #expect(plan.issued == Day(iso: "2025-02-18"))
        #expect(plan.level == .town)
        #expect(plan.disclosure?.zh == "主动公开", "from （此件公开发布）")
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "柳塘镇安全生产委员会")
        #expect(headings(plan.body.text) == ["## 一、压紧压实安全生产责任", "## 二、深化重点行业领域专项整治",
                                             "## 三、夯实安全生产基层基础", "## 四、强化安全宣传教育培训"])
        #expect(plan.tasks.map(\.number.rawValue) == ["1-1", "1-2", "1-3", "1-4", "2-1", "2-2", "2-3", "2-4", "2-5", "2-7",
                                                      "3-1", "3-2", "3-3", "4-1", "4-2", "4-3"])
        #expect(plan.tasks.map { $0.group?.rawValue ?? "" }.filter { $0 == "part-2" }.count == 6)
        #expect(names(plan.task(TaskNumber("1-2"))?.responsible ?? [], site) == ["镇安委办", "镇安委会各成员单位"], "units on the next line")
        #expect(names(plan.task(TaskNumber("2-2"))?.responsible ?? [], site) == ["规划建设办", "市场监管所", "城运中心"], "across the page break")
        #expect(names(plan.task(TaskNumber("3-2"))?.responsible ?? [], site) == ["镇消防安全委员会办公室", "各村（居）"], "a 2. among 1、")
        #expect(names(plan.task(TaskNumber("4-3"))?.responsible ?? [], site) == ["城运中心", "镇安委办"])
        #expect(plan.body.text.contains("自动切断装置，年底前完成老旧燃气管道更新改造任务"), "the sentence goes on over the page number")
        #expect(!plan.body.text.contains("- 3 -") && !plan.body.text.contains("柳塘镇安全生产委员会"), "no page numbers, no signature in the text")
        #expect(stdout.contains("skipped: line 42: page-break debris: - 3 -"), "\(stdout)")
        #expect(stdout.contains("skipped: line 73: page-break debris: - 4 -"))
        #expect(stdout.contains("guess: line 52: task 7 follows task 5"))
        #expect(stdout.contains("numbered again from 1 in each chapter"))
    }

    /// A district 实施方案: （一） sections with 1. tasks and （1） sub-items, 牵头单位/配合单位
    /// brackets, 2、 after 1., a skipped number, 第 N 页 共 M 页 debris, a half-width (四).
    @Test func implementationPlanWithSubItems() throws {
        let (content, stdout) = try Self.importedUnseen("wutong-gas-plan-2024")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("wutong-gas-plan-2024")))
        #expect(plan.docNumber == "梧安委办〔2024〕12号")
        #expect(plan.issued == Day(iso: "2024-04-26"))
        #expect(plan.published == Day(iso: "2024-04-26"), "from …2024年4月26日印发 after the office's name")
        #expect(plan.level == .district)
        #expect(headings(plan.body.text) == [
            "## 一、工作目标", "## 二、整治范围", "## 三、主要任务", "### （一）燃气经营企业整治", "### （二）燃气管道设施整治",
            "### （三）燃气使用环节整治", "### （四）监管能力提升", "## 四、实施步骤", "### （一）动员部署阶段（2024年5月）",
            "### （二）排查整治阶段（2024年6月—10月）", "### （三）巩固提升阶段（2024年11月—12月）", "## 五、保障措施",
            "### （一）加强组织领导", "### （二）强化督导检查", "### （三）加强信息报送"])
        #expect(plan.tasks.map(\.number.rawValue) == ["1", "2", "3", "4", "5", "6", "8", "9"])
        #expect(plan.tasks.map { $0.group?.rawValue ?? "" } == ["section-1", "section-1", "section-2", "section-2", "section-3",
                                                               "section-3", "section-4", "section-4"])
        let first = try #require(plan.task(TaskNumber("1")))
        #expect(names(first.lead, site) == ["区建管委"])
        #expect(names(first.cooperating, site) == ["区市场监管局", "区应急局"], "the bracket under the （1）–（3） sub-items")
        #expect(first.requirements?.zh?.contains("（2）核查储配站、供应站安全设施和应急装备配备情况；") == true)
        #expect(names(plan.task(TaskNumber("2"))?.cooperating ?? [], site) == ["区公安分局", "区市场监管局", "区城管执法局", "各街道、镇"])
        #expect(names(plan.task(TaskNumber("6"))?.cooperating ?? [], site) == ["区民政局", "各街道、镇"])
        #expect(plan.body.text.contains("加大检查频次"), "the sentence goes on over 第 3 页 共 5 页")
        #expect(plan.body.text.contains("   （3）是否在地下或半地下空间违规使用瓶装液化石油气。"), "sub-items stay under their task")
        for page in [44, 58, 75] { #expect(stdout.contains("skipped: line \(page): page-break debris"), "\(stdout)") }
        #expect(stdout.contains("guess: line 63: task 8 follows task 6"))
    }

    /// A 街道 plan pasted from the disclosure page: the 索引号 / 主题分类 / 发布机构 / 文号 box,
    /// a BOM, CRLF, a date written 2025年1月6日 and two attachments listed under 附件：.
    @Test func subdistrictPlanWithTheMetadataBox() throws {
        let source = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("import/wanghu-subdistrict-2025.txt")))
        #expect(source.starts(with: [0xEF, 0xBB, 0xBF]) && source.range(of: Data("\r\n".utf8)) != nil, "the fixture keeps its BOM and CRLF")
        let (content, stdout) = try Self.importedUnseen("wanghu-subdistrict-2025")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("wanghu-subdistrict-2025")))
        #expect(plan.docNumber == "望街办〔2025〕1号")
        #expect(plan.issued == Day(iso: "2025-01-06"))
        #expect(plan.indexNumber == "11310115MB2C31015X/2025-00006")
        #expect(plan.category?.zh == "安全生产监管")
        #expect(plan.level == .subdistrict)
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "上海市梧桐区望湖街道办事处")
        #expect(plan.recipients?.zh == "各居民区党组织、居委会，街道各部门，辖区各单位")
        #expect(headings(plan.body.text) == [
            "## 一、指导思想", "## 二、工作目标", "## 三、重点工作", "### （一）落实安全生产责任体系", "### （二）深化重点领域隐患排查治理",
            "### （三）提升基层应急处置能力", "### （四）加强安全宣传教育", "## 四、保障措施", "### （一）强化组织领导",
            "### （二）强化督查考核", "### （三）强化经费保障"])
        #expect(!plan.body.text.contains("索引号"), "the box is metadata, not text")
        #expect(plan.tasks.map(\.number.rawValue) == (1...12).map(String.init))
        #expect(names(plan.tasks[0].responsible, site) == ["街道安委办", "党政办"])
        #expect(names(plan.tasks[3].responsible, site) == ["街道平安办", "派出所", "消防救援站", "各居民区"])
        #expect(plan.body.text.contains("附件：1．望湖街道2025年安全生产重点工作任务分解表\\\n2．望湖街道安全生产委员会成员单位联络员名单"),
                "both attachments under 附件：, not a task 2")
        for line in 3...6 { #expect(stdout.contains("note: line \(line): metadata:"), "\(stdout)") }
        #expect(stdout.contains("note: line 76: signature: 上海市梧桐区望湖街道办事处"))
    }

    /// A town's 工作意见 whose table has the header 序　号 / 工作任务 / 牵头单位 / 配合单位 /
    /// 完成时限, repeated at a page break, （小计N项） rows, cells continued on the next line,
    /// full-width spaces between units and the date in Chinese numerals.
    @Test func attachedTableWithOtherColumns() throws {
        let (content, stdout) = try Self.importedUnseen("shiqiao-town-opinions-2025")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("shiqiao-town-opinions-2025")))
        #expect(plan.docNumber == "石府发〔2025〕21号")
        #expect(plan.issued == Day(iso: "2025-03-12"), "二〇二五年三月十二日")
        #expect(headings(plan.body.text) == [
            "## 一、总体要求", "## 二、重点工作", "### （一）健全安全责任体系", "### （二）深化重点领域整治", "### （三）提升应急处置能力",
            "## 三、保障措施", "### （一）强化组织保障", "### （二）强化考核问责"])
        #expect(plan.tasks.map(\.number.rawValue) == (1...12).map(String.init), "every row of the table, over the repeated header")
        #expect(plan.groups.map { $0.title.zh ?? "" } == ["一、健全安全责任体系", "二、深化重点领域整治", "三、提升应急处置能力"])
        #expect(plan.tasks.map { $0.group?.rawValue ?? "" } == Array(repeating: "section-1", count: 3) + Array(repeating: "section-2", count: 5)
                + Array(repeating: "section-3", count: 4), "the sub-headings name the text's sections")
        let row4 = try #require(plan.task(TaskNumber("4")))
        #expect(row4.title.zh == "开展高层建筑、厂房仓库消防安全隐患排查整治", "the cell continued on the next line")
        #expect(names(row4.lead, site) == ["城运中心"])
        #expect(names(row4.cooperating, site) == ["派出所", "消防救援站"])
        #expect(row4.due == Day(iso: "2025-10-31"), "2025年10月底前")
        #expect(names(plan.task(TaskNumber("2"))?.cooperating ?? [], site) == ["各村居", "镇属公司"], "units apart by a full-width space")
        #expect(plan.task(TaskNumber("3"))?.remarks?.zh == "完成时限：全年")
        let row12 = try #require(plan.task(TaskNumber("12")))
        #expect(names(row12.cooperating, site) == ["宣传统战办", "社区学校"])
        #expect(row12.due == Day(iso: "2025-06-30"))
        #expect(stdout.contains("skipped: line 83: page-break debris: - 7 -"), "\(stdout)")
        #expect(stdout.contains("guess: line 79: joined to row 4"))
        #expect(stdout.contains("guess: line 93: joined to row 12"))
    }

    /// A district 工作要点 without a 文号: the title first, a dated line under it, a run-in
    /// chapter, tasks numbered again in each section, a number written twice, a line broken before 1.5米.
    @Test func workPointsNumberedAgainInEachSection() throws {
        let (content, stdout) = try Self.importedUnseen("qingshan-district-points-2025")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("qingshan-district-points-2025")))
        #expect(plan.docNumber == nil)
        #expect(plan.issued == Day(iso: "2025-01-20"))
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "青山区安全生产委员会", "the signature signs it")
        #expect(headings(plan.body.text) == [
            "## 一、总体要求", "## 二、重点任务", "### （一）压实安全生产责任", "### （二）深化重点行业领域整治", "### （三）夯实安全生产基础",
            "### （四）提升应急救援能力", "## 三、保障措施", "### （一）加强组织领导", "### （二）强化督查考核", "### （三）强化宣传引导"])
        #expect(plan.body.text.contains("## 一、总体要求 {#part-1}\n\n2025年全区安全生产工作"), "the run-in chapter's text is a paragraph")
        #expect(plan.tasks.map(\.number.rawValue) == ["2-1-1", "2-1-2", "2-1-3", "2-2-1", "2-2-2", "2-2-3", "2-2-3a", "2-2-4",
                                                      "2-3-1", "2-3-2", "2-3-3", "2-4-1", "2-4-2", "2-4-3"])
        #expect(names(plan.task(TaskNumber("2-1-1"))?.responsible ?? [], site) == ["区委办", "区府办", "区应急局"])
        #expect(names(plan.task(TaskNumber("2-2-3"))?.lead ?? [], site) == ["区公安分局"], "the bracket after a blank line")
        #expect(names(plan.task(TaskNumber("2-2-3a"))?.lead ?? [], site) == ["区建管委"])
        #expect(names(plan.task(TaskNumber("2-4-3"))?.responsible ?? [], site) == ["区应急局", "区发改委", "区商务委"])
        #expect(plan.body.text.contains("间距不小于1.5米，严防电动自行车进楼入户"), "1.5米 is not a task 1")
        #expect(stdout.contains("skipped: line 33: page-break debris: 第3页共6页"), "\(stdout)")
        #expect(stdout.contains("guess: line 29: task number 2-2-3 appears again"))
    }

    /// A town's three-year 实施方案: a title broken over two lines with its years on a third,
    /// brackets with 责任单位:… ，完成时限：…, a table copied out of a PDF (cells apart by
    /// spaces, rows numbered again under each sub-heading) and a second table that lists contacts,
    /// kept as a Markdown table.
    @Test func threeYearPlanWithTwoTables() throws {
        let (content, stdout) = try Self.importedUnseen("liaogang-town-three-year-plan")
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("liaogang-town-three-year-plan")))
        #expect(plan.title.zh == "蓼港镇安全生产治本攻坚三年行动实施方案（2025—2027年）")
        #expect(plan.period == Period(start: Day(year: 2025, month: 1, day: 1)!, end: Day(year: 2027, month: 12, day: 31)!))
        #expect(plan.docNumber == "蓼府办发〔2025〕7号")
        #expect(plan.issued == Day(iso: "2025-04-08"))
        #expect(headings(plan.body.text) == [
            "## 一、总体要求", "## 二、主要任务", "### （一）安全责任体系建设", "### （二）重大事故隐患动态清零", "### （三）安全素质能力提升",
            "## 三、实施步骤", "### （一）动员部署（2025年4月—5月）", "### （二）排查整治（2025年6月—2026年12月）", "### （三）巩固提升（2027年）",
            "## 四、保障措施", "### （一）加强组织领导", "### （二）强化督查考核"])
        #expect(!plan.body.text.contains("实施方案\n"), "the title is not in the text")
        #expect(plan.tasks.map(\.number.rawValue) == ["1-1", "1-2", "1-3", "2-1", "2-2", "2-3", "3-1", "3-2"])
        let first = try #require(plan.task(TaskNumber("1-1")))
        #expect(first.title.zh == "修订镇安委会成员单位安全生产职责清单")
        #expect(names(first.lead, site) == ["镇安委办"])
        #expect(names(first.cooperating, site) == ["党政办"])
        #expect(first.due == Day(iso: "2025-06-30"))
        #expect(names(plan.task(TaskNumber("1-2"))?.cooperating ?? [], site) == ["经济发展办", "各村（居）"])
        #expect(plan.task(TaskNumber("2-1"))?.due == nil && plan.task(TaskNumber("2-1"))?.remarks?.zh == "完成时限：每年12月底前")
        #expect(plan.task(TaskNumber("3-2"))?.due == Day(iso: "2027-12-31"))
        #expect(!site.units.contains { $0.name.zh == "陈某某" }, "the contacts list is not tasks")
        #expect(stdout.contains("guess: line 13: title joined from two lines"), "\(stdout)")
        #expect(stdout.contains("note: line 95: a table that is not a task list: kept as a table in the text"), "\(stdout)")
        #expect(plan.body.text.hasSuffix("附件2\n\n蓼港镇安全生产治本攻坚三年行动联络员名单\n\n| 序号 | 单位 | 联络员 | 职务 | 联系电话 |\n| --- | --- | --- | --- | --- |\n"
                                         + "| 1 | 镇安委办 | 陈某某 | 科员 | （略） |\n| 2 | 城运中心 | 李某某 | 副主任 | （略） |\n"
                                         + "| 3 | 规划建设办 | 王某某 | 科员 | （略） |\n| 4 | 市场监管所 | 赵某某 | 副所长 | （略） |\n"),
                "the contacts stay a table, after the text, under their annex's title")
        #expect(stdout.contains("skipped: line 84: page-break debris"))
    }

    /// A plan whose text numbers no task: its sections are the tasks (2-1 is 二、（一）), and it builds.
    @Test func aPlanThatNumbersNoTaskTakesItsSections() throws {
        let file = try Fixture.temporaryFolder() + "/no-numbers.txt"
        try Data("""
            某某街道办事处

            某街办〔2025〕3号

            某某街道2025年安全生产工作要点

            一、压实安全责任

            （一）召开街道安委会全体会议，部署全年工作。（责任单位：街道安委办）

            （二）签订安全生产责任书。
            （责任单位：街道安委办、各居民区）

            二、深化隐患排查

            （一）开展消防安全隐患排查

            重点排查老旧小区和沿街商铺。（牵头单位：街道平安办；配合单位：派出所）

            某某街道办事处

            2025年2月1日
            """.utf8).write(to: URL(fileURLWithPath: file))
        let (content, stdout) = try Self.imported("no-numbers", file: file)
        let site = try Self.site(content)
        let plan = try #require(site.plan(PlanID("no-numbers")))
        #expect(plan.tasks.map(\.number.rawValue) == ["1-1", "1-2", "2-1"])
        #expect(plan.tasks.map { $0.group?.rawValue ?? "" } == ["part-1", "part-1", "part-2"])
        #expect(plan.tasks[2].title.zh == "开展消防安全隐患排查")
        #expect(names(plan.tasks[1].responsible, site) == ["街道安委办", "各居民区"])
        #expect(names(plan.tasks[2].lead, site) == ["街道平安办"] && names(plan.tasks[2].cooperating, site) == ["派出所"])
        #expect(stdout.contains("3 tasks from the sections of the text"), "\(stdout)")
        let build = try CommandRunner.genSite(["build", content, "-o", try Fixture.temporaryFolder() + "/public", "--no-search-index"])
        #expect(build.status == 0, "\(build.stderr)")
    }

    @Test func refusesToOverwriteAndToImportWhatIsNotAPlan() throws {
        let (content, _) = try Self.imported("chedun-2023")
        let again = try CommandRunner.genSite(["import", Repository.fixture("seeds/chedun-2023.txt"), "-o", content, "--id", "chedun-2023"])
        #expect(again.status == 1)
        #expect(again.stderr.contains("--force"))
        let forced = try CommandRunner.genSite(["import", Repository.fixture("seeds/chedun-2023.txt"), "-o", content, "--id", "chedun-2023", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let notAPlan = try CommandRunner.genSite(["import", Repository.fixture("import/not-a-plan.txt"), "-o", content])
        #expect(notAPlan.status == 1)
        #expect(notAPlan.stderr.contains("not a plan"))
    }
}
