import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// The importer's parts, on the shapes the seeds show.
@Suite struct ImporterTests {
    @Test func cleaningRemovesLayoutDebris() {
        #expect(ImportText.clean("普陀区 2022 年安全生产工作意见") == "普陀区2022年安全生产工作意见")
        #expect(ImportText.clean("2022 年 8 月 15 日") == "2022年8月15日")
        #expect(ImportText.clean("**（区安委会各成员单位、各区属国企）**") == "（区安委会各成员单位、各区属国企）")
        #expect(ImportText.clean("应急管理 etc 制度") == "应急管理等制度")
        #expect(ImportText.clean("a <p>b</p> c") == "a b c")
        #expect(ImportText.clean("Apply the etcetera rule") == "Apply the etcetera rule")
    }

    @Test func lineKinds() {
        #expect(ImportText.kind("一、提高政治站位") == .chapter)
        #expect(ImportText.kind("十二、其他") == .chapter)
        #expect(ImportText.kind("（十七）涵养安全文化") == .section)
        #expect(ImportText.kind("12. 深化建筑施工专项整治。") == .item(12))
        #expect(ImportText.kind("2、签订责任书。") == .item(2))
        #expect(ImportText.kind("2022 年，是喜迎党的二十大") == .text)
        #expect(ImportText.kind("（责任单位：镇安委办、各村居）") == .units)
        #expect(ImportText.kind("（区应急局、区安委会各成员单位）") == .units)
        #expect(ImportText.kind("（一）引导思想。以习近平…") == .section)
    }

    @Test func unitBrackets() {
        let lead = UnitBrackets.extract("推进综合整治。（牵头部门：镇安委办；配合部门：社事办、规建办、工业公司等）")
        #expect(lead.rest == "推进综合整治。")
        #expect(lead.roles.lead == ["镇安委办"])
        #expect(lead.roles.cooperating == ["社事办", "规建办", "工业公司"])
        let plain = UnitBrackets.extract("组织学习。（区委办、区府办、各街镇，区安委会其他有关成员单位，各区属国企）")
        #expect(plain.roles.responsible == ["区委办", "区府办", "各街镇", "区安委会其他有关成员单位", "各区属国企"])
        let nested = UnitBrackets.extract("开展排查。（牵头部门：规建办；配合部门：经发办、城运中心、各村（居））")
        #expect(nested.roles.cooperating == ["经发办", "城运中心", "各村（居）"])
        let prose = UnitBrackets.extract("严格管理（危险化学品除外）。")
        #expect(prose.roles.isEmpty)
    }

    @Test func tableCells() {
        var report = ImportReport()
        #expect(AttachmentTable.people("肖文高 姜爱锋 姚汝林 王 珏 徐树杰 张 骏 蒋 龙") == ["肖文高", "姜爱锋", "姚汝林", "王珏", "徐树杰", "张骏", "蒋龙"])
        #expect(AttachmentTable.units("区人力资源 保障局 区财政局 各街道、镇", line: 1, report: &report) == ["区人力资源保障局", "区财政局", "各街道、镇"])
        #expect(report.entries.count == 1 && report.entries[0].kind == .guess)
        #expect(AttachmentTable.paragraphs("<p>1. 建立机制。</p> <p>2. 制定方案。</p>") == "1. 建立机制。\n\n2. 制定方案。")
        #expect(AttachmentTable.subheading("一、提高政治站位，织密风险防范责任防线（小计 4 项）") == "一、提高政治站位，织密风险防范责任防线")
    }

    @Test func headerValues() {
        #expect(PlanHeader.isDocNumber("普安委〔2022〕6号"))
        #expect(PlanHeader.isDocNumber("车府〔2023〕116号"))
        #expect(!PlanHeader.isDocNumber("普安委2022年6号"))
        #expect(PlanHeader.day(in: "2024年9月10日") == Day(year: 2024, month: 9, day: 10))
        #expect(PlanHeader.day(in: "2022年8月15日印发") == Day(year: 2022, month: 8, day: 15))
        #expect(PlanHeader.day(in: "2023年2月30日") == nil)
        #expect(PlanHeader.isTitle("吕巷镇安全生产治本攻坚三年行动实施方案 (2024—2026年)"))
        #expect(!PlanHeader.isTitle("上海市普陀区安全生产委员会关于印发普陀区2022年安全生产工作意见的通知"))
        #expect(PlanHeader.period(in: "吕巷镇安全生产治本攻坚三年行动实施方案（2024—2026年）")
                == Period(start: Day(year: 2024, month: 1, day: 1)!, end: Day(year: 2026, month: 12, day: 31)!))
    }

    @Test func linesAreRejoinedAndRepeatsDropped() {
        var report = ImportReport()
        let blocks = TextBlocks.join([(1, "深入学习贯彻，牢固树立"), (2, ""), (3, "立安全发展理念，统筹发展。"), (4, "1. 第一项任务，"),
                                      (5, "继续写完。"), (6, "（镇安委办）"), (7, "人人讲安全，个个"), (8, "个人会应急。")], report: &report)
        #expect(blocks.map(\.text) == ["深入学习贯彻，牢固树立安全发展理念，统筹发展。", "1. 第一项任务，继续写完。（镇安委办）",
                                      "人人讲安全，个个个人会应急。"])
        #expect(blocks.map(\.line) == [1, 4, 7])
        #expect(report.entries.count == 1, "the doubled 个个 is not debris")
    }

    // MARK: Rules for plans nobody here had seen

    @Test func pageBreakDebris() {
        for debris in ["- 3 -", "— 12 —", "－4－", "第2页共5页", "第 2 页 共 5 页", "共5页第2页", "第3页", "2/5", "17"] {
            #expect(ImportText.isPageDebris(ImportText.clean(debris)), "\(debris)")
        }
        #expect(!ImportText.isPageDebris("17", loneNumbers: false), "a lone number in a table may be a row's 序号")
        for text in ["第一部分", "- 本方案 -", "2025", "共印60份", "1. 开展排查", "3、"] {
            #expect(!ImportText.isPageDebris(ImportText.clean(text)), "\(text)")
        }
    }

    @Test func moreLineKinds() {
        #expect(ImportText.kind("1.5米，严防电动自行车进楼入户。") == .text, "a line broken before 1.5米")
        #expect(ImportText.kind(ImportText.clean("(四)监管能力提升")) == .section)
        #expect(ImportText.clean("(1)核查企业安全管理机构") == "（1）核查企业安全管理机构")
        #expect(ImportText.clean("(2024—2026年)") == "(2024—2026年)")
        #expect(ImportText.kind("一．总体要求") == .chapter)
        #expect(ImportText.kind("2.加强镇微型消防站建设。") == .item(2))
        #expect(ImportText.clean("\u{FEFF}一、总体要求\r") == "一、总体要求")
    }

    @Test func datesAsPlansWriteThem() {
        #expect(PlanHeader.day(in: "二〇二五年三月十二日") == Day(year: 2025, month: 3, day: 12))
        #expect(PlanHeader.day(in: "二〇二四年十二月三十一日") == Day(year: 2024, month: 12, day: 31))
        #expect(PlanHeader.day(in: "二〇二四年四月二十六日印发") == Day(year: 2024, month: 4, day: 26))
        #expect(PlanHeader.day(in: "二〇二三年二月三十日") == nil)
        #expect(ImportDates.metadataDay("2025-01-06") == Day(year: 2025, month: 1, day: 6))
        #expect(ImportDates.metadataDay("2025/1/6") == Day(year: 2025, month: 1, day: 6))
        #expect(ImportDates.deadline("2025年6月30日前", year: nil) == Day(year: 2025, month: 6, day: 30))
        #expect(ImportDates.deadline("2025年6月底前", year: nil) == Day(year: 2025, month: 6, day: 30))
        #expect(ImportDates.deadline("2024年2月底", year: nil) == Day(year: 2024, month: 2, day: 29))
        #expect(ImportDates.deadline("2025年底前", year: nil) == Day(year: 2025, month: 12, day: 31))
        #expect(ImportDates.deadline("2025年5月—6月", year: nil) == Day(year: 2025, month: 6, day: 30))
        #expect(ImportDates.deadline("9月底前", year: 2025) == Day(year: 2025, month: 9, day: 30))
        #expect(ImportDates.deadline("9月底前", year: nil) == nil)
        for standing in ["全年", "长期坚持", "每年12月底前", "持续推进"] { #expect(ImportDates.deadline(standing, year: 2025) == nil, "\(standing)") }
    }

    @Test func metadataBox() {
        let pairs = HeaderMetadata.pairs(in: "索引号：11310115MB2C31015X/2025-00006\t主题分类：安全生产监管")
        #expect(pairs.map(\.field) == [.indexNumber, .category])
        #expect(pairs.map(\.value) == ["11310115MB2C31015X/2025-00006", "安全生产监管"])
        let spaced = HeaderMetadata.pairs(in: "发布机构：上海市梧桐区望湖街道办事处　　成文日期：2025年1月6日")
        #expect(spaced.map(\.field) == [.issuer, .issued])
        let cells = HeaderMetadata.pairs(in: "发布机构\t某某街道办事处\t文号\t某街办〔2025〕1号")
        #expect(cells.map(\.field) == [.issuer, .docNumber] && cells.map(\.value) == ["某某街道办事处", "某街办〔2025〕1号"])
        #expect(HeaderMetadata.pairs(in: "为切实做好2025年街道安全生产工作：").isEmpty)
        #expect(HeaderMetadata.pairs(in: "一、指导思想").isEmpty)
    }

    @Test func headerWithTheBoxAndASplitTitle() {
        let raw = ["望湖街道关于印发《望湖街道2025年安全生产工作计划》的通知", "索引号：X-2025-1\t主题分类：安全生产",
                   "发布机构：某区望湖街道办事处\t成文日期：2025年1月6日", "文号：望街办〔2025〕1号\t公开方式：主动公开",
                   "各居民区：", "现将计划印发给你们。", "某区望湖街道办事处", "2025年1月6日",
                   "望湖街道2025年安全生产", "工作计划", "（试行）", "一、指导思想"]
        let lines = raw.enumerated().map { (number: $0.offset + 1, text: ImportText.clean($0.element)) }
        let header = PlanHeader.parse(lines, raw: { raw[$0 - 1] })
        #expect(header.title == "望湖街道2025年安全生产工作计划（试行）")
        #expect(header.titleIndex == 10)
        #expect(header.docNumber == "望街办〔2025〕1号")
        #expect(header.issuer == "某区望湖街道办事处")
        #expect(header.indexNumber == "X-2025-1" && header.category == "安全生产" && header.disclosure == "主动公开")
        #expect(header.metadataLines == [2, 3, 4])
        #expect(header.recipients == "各居民区")
        #expect(header.coverLetter == "望湖街道关于印发《望湖街道2025年安全生产工作计划》的通知\n\n各居民区：\n\n现将计划印发给你们。\n\n某区望湖街道办事处\n\n2025年1月6日",
                "the notice's title heads its letter")
        #expect(header.issued == Day(year: 2025, month: 1, day: 6))
    }

    @Test func docNumbersWithOtherBrackets() {
        #expect(PlanHeader.isDocNumber("柳安委[2025]3号"))
        #expect(PlanHeader.isDocNumber("柳安委【2025】3号"))
        #expect(PlanHeader.normaliseDocNumber("柳安委[2025]3号") == "柳安委〔2025〕3号")
        #expect(PlanHeader.normaliseDocNumber("柳安委〔2025〕 3号") == "柳安委〔2025〕3号")
        #expect(!PlanHeader.isDocNumber("（2025年1月20日审议通过）"))
        #expect(!PlanHeader.isDocNumber("[2025]3号"), "a 文号 names its issuer first")
    }

    @Test func closingLines() {
        var header = PlanHeader()
        header.issuer = "梧桐区安全生产委员会办公室"
        var report = ImportReport()
        header.readClosing([(87, "（此件主动公开）"), (88, "梧桐区安全生产委员会办公室"), (89, "梧桐区安全生产委员会办公室2024年4月26日印发"),
                            (90, "抄送：区委办、区府办")], report: &report)
        #expect(header.disclosure == "主动公开")
        #expect(header.published == Day(year: 2024, month: 4, day: 26))
        #expect(report.entries.map(\.kind) == [.note, .note], "the signature is noted, the 抄送 line kept at the end of the text")
        #expect(header.trailing.map(\.number) == [90])
        let end: [(number: Int, text: String)] = [(1, "将安全生产纳入年度考核。"), (2, "青山区安全生产委员会"), (3, "2025年1月20日"), (4, "（此件公开发布）")]
        #expect(PlanImporter.trailingSignature(end, issuer: nil) == 1)
        let dateOnly: [(number: Int, text: String)] = [(1, "将安全生产纳入年度考核。"), (2, "2025年1月20日")]
        #expect(PlanImporter.trailingSignature(dateOnly, issuer: nil) == 1, "no signature line: the text above stays text")
    }

    @Test func moreUnitBrackets() {
        let dated = UnitBrackets.extract("修订职责清单。（责任单位:镇安委办，完成时限：2025年6月底前）")
        #expect(dated.rest == "修订职责清单。")
        #expect(dated.roles.responsible == ["镇安委办"])
        #expect(dated.roles.due == "2025年6月底前")
        let comma = UnitBrackets.extract("建立责任制。（牵头单位：镇安委办，配合单位：经济发展办、各村（居））")
        #expect(comma.roles.lead == ["镇安委办"] && comma.roles.cooperating == ["经济发展办", "各村（居）"])
        let stop = UnitBrackets.extract("纳入年度考核（牵头单位：党政办；配合单位：镇安委办）。")
        #expect(stop.rest == "纳入年度考核。" && stop.roles.lead == ["党政办"])
        let half = UnitBrackets.extract("集中培训。(牵头单位：镇安委办；配合单位：社区学校)")
        #expect(half.roles.lead == ["镇安委办"] && half.roles.cooperating == ["社区学校"])
        let area = UnitBrackets.extract("加强管道保护。（牵头单位：区建管委；配合单位：区交通委、各街道、镇）")
        #expect(area.roles.cooperating == ["区交通委", "各街道、镇"], "各街道、镇 is one collective")
        let leaders = UnitBrackets.extract("开展检查。（责任领导：王某；责任单位：镇安委办）")
        #expect(leaders.roles.leaders == ["王某"] && leaders.roles.responsible == ["镇安委办"])
        #expect(UnitBrackets.isUnitBracketLine("（牵头单位：城运中心；配合单位：派出所、市场监管所；完成时限：每年12月底前）"))
        #expect(!UnitBrackets.isUnitBracketLine("（2025年1月20日区安委会第一次全体会议审议通过）"))
    }

    @Test func sectionHeadingsWithACommaAndBrokenSections() {
        #expect(TextBlocks.isParallelHeading("（八）精准排查治理隐患，精细化管理危化品"))
        #expect(TextBlocks.isParallelHeading("一、提高政治站位，织密风险防范责任防线"))
        #expect(!TextBlocks.isParallelHeading("（五）各村（居）结合实际，根据方案要求，落实落细"), "two commas: a sentence")
        #expect(!TextBlocks.isParallelHeading("（二）负有安全生产监督管理职责的部门，要在"), "halves of unlike length")
        #expect(OutlineMarkdown.isCommaHeading("（八）精准排查治理隐患，精细化管理危化品"))
        #expect(OutlineMarkdown.runIn("（一）动员部署阶段（2024年5月）。各街道制定方案。")?.heading == "（一）动员部署阶段（2024年5月）")
        #expect(OutlineMarkdown.runIn("一、工作目标：到2025年底实现动态清零。")?.heading == "一、工作目标")
        #expect(OutlineMarkdown.runIn("（二）负有安全生产监督管理职责的部门，要在细化。") == nil)
        #expect(OutlineMarkdown.headingEndingSentence("（一）落实领导责任。") == "（一）落实领导责任")
        var report = ImportReport()
        let blocks = [TextBlock(kind: .chapter, text: "三、职责分工", line: 1),
                      TextBlock(kind: .section, text: "（一）镇安委会负责制定本镇安全生产治本攻坚三年行", line: 2),
                      TextBlock(kind: .text, text: "动方案，统筹推进。", line: 3),
                      TextBlock(kind: .section, text: "（二）负有监督管理职责的部门，要细化措施要求，强化监管。", line: 4),
                      TextBlock(kind: .section, text: "（三）其他行业领域主管部门，要将督促指导职责细化为具体措施。", line: 5),
                      TextBlock(kind: .chapter, text: "四、主要任务", line: 6),
                      TextBlock(kind: .section, text: "（一）开展安全生产责任体系提升行动", line: 7),
                      TextBlock(kind: .text, text: "推动责任落实。", line: 8)]
        let joined = OutlineMarkdown.rejoinBrokenSections(blocks, report: &report)
        #expect(joined.map(\.text) == ["三、职责分工", "（一）镇安委会负责制定本镇安全生产治本攻坚三年行动方案，统筹推进。",
                                       "（二）负有监督管理职责的部门，要细化措施要求，强化监管。", "（三）其他行业领域主管部门，要将督促指导职责细化为具体措施。",
                                       "四、主要任务", "（一）开展安全生产责任体系提升行动", "推动责任落实。"])
        #expect(report.entries.map(\.line) == [3])
    }

    /// Outline items as the text gives them: number, chapter ordinal, section within it, first under a heading.
    func items(_ shape: [(Int, Int, Int, Bool)]) -> [OutlineMarkdown.Item] {
        shape.enumerated().map { index, s in
            OutlineMarkdown.Item(number: s.0, line: index + 1, chapter: nil, section: nil, paragraphs: [], part: s.1, sectionInPart: s.2, opensHeading: s.3)
        }
    }

    @Test func taskNumbersStayUnique() {
        var report = ImportReport()
        #expect(TaskNumbering.numbers(items([(1, 1, 1, true), (2, 1, 1, false), (3, 1, 2, true)]), report: &report) == ["1", "2", "3"])
        #expect(report.entries.isEmpty)
        let byChapter = items([(1, 1, 0, true), (2, 1, 0, false), (1, 2, 0, true), (2, 2, 0, false), (4, 2, 0, false)])
        #expect(TaskNumbering.numbers(byChapter, report: &report) == ["1-1", "1-2", "2-1", "2-2", "2-4"])
        let bySection = items([(1, 2, 1, true), (2, 2, 1, false), (1, 2, 2, true), (1, 3, 0, true)])
        #expect(TaskNumbering.numbers(bySection, report: &report) == ["2-1-1", "2-1-2", "2-2-1", "3-1"])
        var twice = ImportReport()
        #expect(TaskNumbering.numbers(items([(4, 1, 0, true), (5, 1, 0, false), (5, 1, 0, false), (6, 1, 0, false)]), report: &twice)
                == ["4", "5", "5a", "6"])
        #expect(twice.entries.map(\.kind) == [.guess])
    }

    @Test func otherTableShapes() throws {
        #expect(AttachmentTable.isHeaderRow("序　号\t工作任务\t牵头单位\t配合单位\t完成时限"))
        #expect(AttachmentTable.isHeaderRow("序号    重点任务    牵头单位    配合单位    完成时限"), "cells apart by spaces (from a PDF)")
        #expect(!AttachmentTable.isHeaderRow("序号为本方案所列任务的顺序"))
        #expect(["工作任务", "牵头单位", "配合单位", "完成时限", "责任领导", "主要内容"].map(AttachmentTable.column(for:))
                == [.title, .lead, .cooperating, .due, .leaders, .requirements])
        var report = ImportReport()
        let lines = ["序　号\t工作任务\t牵头单位\t配合单位\t完成时限", "一、健全责任体系（小计2项）\t\t\t\t",
                     "1\t开展消防安全隐患", "排查整治\t城运中心\t派出所　消防救援站\t2025年10月底前",
                     "2\t签订责任书\t镇安委办\t各村居\t全年", "序　号\t工作任务\t牵头单位\t配合单位\t完成时限",
                     "二、深化整治（小计1项）", "3\t推进燃气管道改造\t规划建设办\t城建中心", "市场监管所\t2025年12月底前",
                     "序号\t单位\t联络员\t联系电话", "1\t镇安委办\t陈某某\t（略）"]
        let blocks = TextTables.blocks(lines.enumerated().map { ImportDocument.Line($0.element, line: $0.offset + 1) }, report: &report)
        let tables = blocks.compactMap { block -> ImportDocument.Table? in if case .table(let table) = block { table } else { nil } }
        #expect(tables.map(\.line) == [1, 10], "the header again at line 6 goes on with the first table; another header starts another")
        #expect(tables.count == 2 && AttachmentTable.read(tables[1], report: &report) == nil, "the contacts table is not a task list")
        let table = try #require(AttachmentTable.read(tables[0], report: &report))
        #expect(table.rows.map(\.number) == [1, 2, 3])
        #expect(table.rows.map(\.title) == ["开展消防安全隐患排查整治", "签订责任书", "推进燃气管道改造"])
        #expect(table.rows.map(\.group) == ["一、健全责任体系", "一、健全责任体系", "二、深化整治"])
        #expect(table.rows[0].lead == ["城运中心"] && table.rows[0].cooperating == ["派出所", "消防救援站"])
        #expect(table.rows[0].due == "2025年10月底前" && table.rows[1].due == "全年")
        #expect(table.rows[2].cooperating == ["城建中心", "市场监管所"])
        #expect(AttachmentTable.paragraphs("开展排查，\u{2028}建立台账。\u{2028}2. 闭环管理。") == "开展排查，建立台账。\n\n2. 闭环管理。",
                "a cell's next line goes on with its sentence")
        #expect(report.entries.filter { $0.kind == .skipped }.map(\.line) == [6], "the repeated header")
        var restart = ImportReport()
        let rows = [(1, "一"), (2, "一"), (1, "二"), (1, "二")].enumerated().map { index, r in
            AttachmentTable.Row(number: r.0, line: index + 1, group: r.1, title: "", leaders: [], responsible: [], cooperating: [],
                                requirements: "", remarks: "")
        }
        #expect(TaskNumbering.tableNumbers(rows, report: &restart) == ["1-1", "1-2", "2-1", "3-1"], "a restart within a group: by series")
        let typo = [(1, "一"), (2, "一"), (2, "一"), (3, "一")].enumerated().map { index, r in
            AttachmentTable.Row(number: r.0, line: index + 1, group: r.1, title: "", leaders: [], responsible: [], cooperating: [],
                                requirements: "", remarks: "")
        }
        #expect(TaskNumbering.tableNumbers(typo, report: &restart) == ["1", "2", "2a", "3"])
    }

    @Test func crlfAndABomImportAsLF() throws {
        let lf = "某镇人民政府文件\n\n某府发〔2025〕1号\n\n某镇2025年安全生产工作要点\n\n一、压实责任\n\n1. 召开全体会议。（镇安委办）\n"
        let a = try PlanImporter.run(text: lf, id: "a", fileName: "a.txt", knownUnits: [])
        let b = try PlanImporter.run(text: "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n"), id: "a", fileName: "a.txt", knownUnits: [])
        #expect(a.planMarkdown == b.planMarkdown && a.tasksYAML == b.tasksYAML)
        #expect(b.tasksYAML.contains("no: 1"))
    }

    /// A task goes on over paragraphs until its units bracket; what follows the bracket
    /// (a closing paragraph, the attachment line) is the plan's text again.
    @Test func aUnitsBracketEndsATask() throws {
        let text = """
            某镇人民政府文件

            某府发〔2025〕2号

            某镇2025年安全生产工作要点

            一、压实责任

            1. 召开全体会议。

            会后逐一督办落实。（镇安委办）

            2. 开展隐患排查。（城运中心）

            根据上述要求，镇安委办列出2项工作要点。

            附件：某镇2025年安全生产重点工作责任清单
            """
        let markdown = try PlanImporter.run(text: text, id: "a", fileName: "a.txt", knownUnits: []).planMarkdown
        #expect(markdown.contains("\n   会后逐一督办落实。"), "the second paragraph of task 1 is indented under it:\n\(markdown)")
        #expect(markdown.contains("\n根据上述要求"), "the closing paragraph is not part of task 2:\n\(markdown)")
        #expect(markdown.contains("\n附件："), "\(markdown)")
    }

    /// Plans cut short, or with a line missing, import or are refused as not a plan — never a crash.
    @Test func damagedPlansNeverCrash() throws {
        let names = ["import/liutang-town-points-2025", "import/wutong-gas-plan-2024", "import/wanghu-subdistrict-2025",
                     "import/shiqiao-town-opinions-2025", "import/qingshan-district-points-2025", "import/liaogang-town-three-year-plan",
                     "import/unseen-town", "seeds/chedun-2023"]
        var imported = 0
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("\(name).txt")))
            guard case .success(let decoded) = TextDecoding.decode(data) else { Issue.record("\(name) does not decode"); continue }
            let lines = decoded.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var variants: [[String]] = []
            for cut in stride(from: 1, to: lines.count, by: 5) { variants.append(Array(lines[..<cut])) }
            for drop in stride(from: 0, to: lines.count, by: 4) { var v = lines; v.remove(at: drop); variants.append(v) }
            // Tabs and brackets where they do not belong, lines run together.
            variants.append(lines.map { $0.replacingOccurrences(of: "，", with: "\t") })
            variants.append(lines.map { $0.replacingOccurrences(of: "。", with: "）（") })
            variants.append([lines.joined()])
            for variant in variants {
                if (try? PlanImporter.run(text: variant.joined(separator: "\n"), id: "damaged", fileName: "damaged.txt", knownUnits: [])) != nil { imported += 1 }
            }
        }
        #expect(imported > 0)
    }

    // MARK: The rules of issue 15: headers as portals print them, tables anywhere, nothing invented

    @Test func metadataBoxesAsPortalsPrintThem() {
        #expect(HeaderMetadata.pairs(in: "•发文字号：五街办〔2024〕9号").map(\.field) == [.docNumber], "a bullet before the label")
        let spaced = HeaderMetadata.labelledPairs(in: "主题分类：安全生产 发布时间：2024-08-16 10:30")
        #expect(spaced.map(\.label) == ["主题分类", "发布时间"] && spaced.map(\.value) == ["安全生产", "2024-08-16 10:30"], "pairs apart by one space")
        let unknown = HeaderMetadata.pairs(in: "公开主体：五桥街道办事处\t生效日期：2024-08-15\t失效日期：2024-12-31")
        #expect(unknown.map(\.field) == [.other("公开主体"), .other("生效日期"), .other("失效日期")])
        #expect(HeaderMetadata.pairs(in: "成文日期：").map(\.value) == [""], "an empty label")
        #expect(HeaderMetadata.pairs(in: "发布机构").map(\.field) == [.issuer], "a label alone: its value is on the next line")
        #expect(HeaderMetadata.field(for: "公开类别", value: "主动公开") == .disclosure)
        #expect(HeaderMetadata.field(for: "公开类别", value: "政策文件") == .other("公开类别"))
        #expect(HeaderMetadata.pairs(in: "各居民区党组织、居委会：").isEmpty)
        var header = PlanHeader()
        header.readBox([(1, "发布机构"), (2, "上海市某某区五桥街道办事处"), (3, "成文日期："), (4, "各居民区：")], raw: { ["发布机构", "上海市某某区五桥街道办事处", "成文日期：", "各居民区："][$0 - 1] })
        #expect(header.issuer == "上海市某某区五桥街道办事处" && header.issuerSource == .box)
        #expect(header.metadataLines == [1, 2, 3], "an empty label does not take the letter's first line as its value")
        #expect(header.issued == nil)
    }

    @Test func aPagesFurnitureIsNotTheDocument() {
        for line in ["当前位置：首页 > 政务公开 > 安全生产", "您的位置：首页>信息公开", "首页 » 政务公开 » 通知公告", "【打印本页】【关闭窗口】",
                     "字号：大 中 小", "分享到：", "浏览次数：123", "[打印] [关闭]"] {
            #expect(ImportText.isPageFurniture(line), "\(line)")
        }
        for line in ["一、总体要求", "关闭违规经营场所12家。", "大中型企业要落实主体责任。", "打印机等办公设备"] {
            #expect(!ImportText.isPageFurniture(line), "\(line)")
        }
    }

    @Test func headerLinesAsTheyCome() {
        for date in ["2024815", "2024年721", "2024-0815"] { #expect(ImportDates.isMangledDate(date), "\(date)") }
        for text in ["2024年7月21日", "2024-08-15", "2024", "12345", "某区2024年安全生产工作要点"] { #expect(!ImportDates.isMangledDate(text), "\(text)") }
        #expect(!PlanHeader.isTitleStart("2024年721"), "a mangled date is not glued to the title")
        #expect(PlanHeader.isNoticeTitle("关于印发《五桥街道2024年安全生产重点工作任务清单》的通知"))
        #expect(PlanHeader.isNoticeTitle("上海市普陀区安全生产委员会关于印发普陀区2022年安全生产工作意见的通知"))
        #expect(!PlanHeader.isNoticeTitle("关于进一步加强安全生产工作的意见"))
        #expect(PlanHeader.isRecipientsLine("主送:各街道办事处、镇人民政府"), "a half-width colon")
        #expect(PlanHeader.recipients(in: "主送:各街道办事处、镇人民政府") == "各街道办事处、镇人民政府")
        #expect(PlanHeader.isRecipientsLine("各村（居）委会，镇属各单位，镇安委会各成员单位："))
        #expect(!PlanHeader.isRecipientsLine("为做好全年工作，现提出如下意见："))
        for title in ["关于进一步加强安全生产工作的具体措施", "五桥街道2024年安全生产重点工作任务清单", "关于进一步加强安全生产工作的意见"] {
            #expect(PlanHeader.isTitle(title), "\(title)")
        }
        #expect(!PlanHeader.isTitle("关于印发《某某工作要点》的通知"))
        #expect(PlanHeader.isRedHead("某某镇人民政府文件") && PlanHeader.isRedHead("上海市普陀区安全生产委员会"))
        #expect(!PlanHeader.isRedHead("当前位置：首页 > 政务公开"))
        #expect(!PlanHeader.namesAPlace("2024年安全生产工作要点") && PlanHeader.namesAPlace("松溪区2024年安全生产工作要点"))
    }

    @Test func theSignatureIsTheMostTrustedIssuer() {
        var header = PlanHeader()
        header.offerIssuer("金山区吕巷镇安全生产委员会办公室", from: .redHead, line: 1)
        header.offerIssuer("吕巷镇人民政府", from: .box, line: 3)
        header.offerIssuer("吕巷镇安全生产委员会", from: .signature, line: 9)
        header.offerIssuer("某某单位", from: .title, line: 12)
        #expect(header.issuer == "吕巷镇安全生产委员会" && header.fieldLines["issuer"] == 9)
        let lines: [(number: Int, text: String)] = [(1, "关于印发《某区2024年安全生产工作要点》的通知"), (2, "主送：各街道、镇"), (3, "现将要点印发给你们。"),
                                                    (4, "某区安全生产委员会"), (5, "2024年3月5日"), (6, "某区2024年安全生产工作要点")]
        let parsed = PlanHeader.parse(lines)
        #expect(parsed.title == "某区2024年安全生产工作要点")
        #expect(parsed.issuer == "某区安全生产委员会" && parsed.issuerSource == .signature, "a letter without 文号 is read, its signature is the issuer")
        #expect(parsed.recipients == "各街道、镇" && parsed.issued == Day(year: 2024, month: 3, day: 5))
        #expect(parsed.coverLetter?.hasPrefix("关于印发《某区2024年安全生产工作要点》的通知\n\n主送：各街道、镇\n\n") == true, "the notice's title heads the letter")
        let twice = PlanHeader.parse([(1, "某镇2025年安全生产工作要点"), (2, "各村（居）："), (3, "现将要点印发给你们。"), (4, "某镇人民政府"),
                                      (5, "2025年2月1日"), (6, "某镇2025年安全生产工作要点")])
        #expect(twice.titleIndex == 5, "the title twice: a page's heading, then the document's own")
        #expect(twice.coverLetter?.hasPrefix("各村（居）：") == true)
    }

    @Test func unitsInWordsAndForTheTasksAfterThem() {
        let words = UnitBrackets.extract("调整组成人员。〔区应急局牵头，各部门分工负责〕")
        #expect(words.rest == "调整组成人员。" && words.roles.lead == ["区应急局"] && words.roles.responsible == ["各部门"])
        let helped = UnitBrackets.extract("签订责任书。〔区应急局牵头，各街道、镇配合〕")
        #expect(helped.roles.cooperating == ["各街道、镇"])
        #expect(UnitBrackets.rolesInWords("严格落实主体责任") == nil)
        #expect(UnitBrackets.extract("做好防汛（台）工作。").roles.isEmpty)
        let given = UnitBrackets.defaultRoles("（二）强化执法。（以下任务由区应急局牵头，区公安分局、区市场监管局按职责分工负责；下同，不再注明）")
        #expect(given?.lead == ["区应急局"] && given?.responsible == ["区公安分局", "区市场监管局"])
        #expect(UnitBrackets.defaultRoles("（区应急局牵头，各部门分工负责）") == nil, "a task's own bracket")
        #expect(UnitBrackets.isUnitBracketLine("〔区应急局牵头，各部门分工负责〕"))
    }

    @Test func aTaskOnItsHeadingsLine() {
        var report = ImportReport()
        let split = OutlineMarkdown.splitRunInTasks([TextBlock(kind: .section, text: "（三）强化执法。1.开展专项执法检查。", line: 7)], report: &report)
        #expect(split.map(\.text) == ["（三）强化执法", "1.开展专项执法检查。"])
        #expect(split.map(\.kind) == [.section, .item(1)])
        let prose = OutlineMarkdown.splitRunInTasks([TextBlock(kind: .section, text: "（一）引导思想。以习近平新时代中国特色社会主义思想为指导。", line: 3)], report: &report)
        #expect(prose.count == 1)
    }

    @Test func chaptersNumberedInAnotherStyle() {
        let lines = ["一、总体要求", "全年不发生较大事故。", "2、重点任务", "1.开展排查。", "2.开展执法。", "3、工作安排", "3.落实整改。", "四、保障措施", "加强领导。"]
        let inputs = lines.enumerated().map { TextBlocks.Input.line(number: $0.offset + 1, text: $0.element, role: .line) }
        #expect(TextBlocks.chaptersWrittenAsNumbers(inputs) == [3, 6])
        let tasks = ["一、总体要求", "1、召开会议", "2、签订责任书", "3、开展检查", "四、保障措施"]
        #expect(TextBlocks.chaptersWrittenAsNumbers(tasks.enumerated().map { .line(number: $0.offset + 1, text: $0.element, role: .line) }).isEmpty,
                "tasks numbered 1、 2、 under a chapter stay tasks")
    }

    @Test func tablesEndWhereTheTextGoesOn() {
        var report = ImportReport()
        let lines = ["二、重点整治任务", "序号\t任务\t责任单位\t完成时限", "1\t开展消防检查\t消防救援站\t3月底前", "2\t开展燃气排查\t规划建设办 市场监管所\t6月底前",
                     "三、检查安排", "各单位按下表开展检查：", "检查类别\t检查频次", "重点企业\t每月一次", "一般企业\t每季度一次", "四、保障措施"]
        let blocks = TextTables.blocks(lines.enumerated().map { ImportDocument.Line($0.element, line: $0.offset + 1) }, report: &report)
        let kinds = blocks.map { block -> String in
            switch block {
            case .text(let line): "text \(line.line)"
            case .table(let table): "table \(table.line)×\(table.rows.count)"
            case .metadata: "metadata"
            }
        }
        #expect(kinds == ["text 1", "table 2×3", "text 5", "text 6", "table 7×3", "text 10"])
        #expect(AttachmentTable.isHeaderRow("工作内容\t责任单位\t完成时限"), "a task table's header without 序号")
        #expect(!AttachmentTable.isHeaderRow("检查类别\t检查频次"))
    }

    @Test func otherTablesAsMarkdown() {
        let table = ImportDocument.Table(rows: [[.init(["类别"], line: 1), .init(["说明"], line: 1)],
                                                [.init(["重点|企业"], line: 2), .init(["每月", "一次"], line: 2)],
                                                [.init(["重点|企业"], line: 3, isCopy: true), .init(["抽查*"], line: 3)]],
                                         line: 1)
        #expect(MarkdownTable.markdown(table) == "| 类别 | 说明 |\n| --- | --- |\n| 重点\\|企业 | 每月 一次 |\n| 重点\\|企业 | 抽查\\* |",
                "a cell merged over two rows is in both; its paragraphs apart by a space; | and * escaped")
    }

    /// The importer's own check fails when a line is not in the output: it can fail.
    @Test func lostLinesAreFound() {
        let lines: [(number: Int, text: String)] = [(1, "一、总体要求"), (2, "全年不发生较大事故。"), (3, "（一）强化执法")]
        let table = ImportDocument.Table(rows: [[.init(["序号"], line: 9), .init(["任务"], line: 9)], [.init(["1"], line: 10), .init(["开展检查 区应急局"], line: 10)]], line: 9)
        let output = "## 一、总体要求 {#part-1}\n\n全年不发生较大事故。\n\n### （一）强化执法 {#section-1}\n"
        #expect(LostLines.find(lines: lines, tables: [], accounted: [], output: [output]).isEmpty)
        let lost = LostLines.find(lines: lines + [(4, "（二）加强宣传。")], tables: [table], accounted: [9], output: [output, "title: 开展检查"])
        #expect(lost == [LostLines.Lost(line: 4, text: "（二）加强宣传。"), LostLines.Lost(line: 10, text: "区应急局")])
        #expect(LostLines.normalise("## （一）强化执法 {#section-1}") == "一强化执法1", "anchors are left out before, not by normalise")
        #expect(LostLines.withoutAnchors("### （一）强化执法 {#section-12}") == "### （一）强化执法 ")
    }

    @Test func theAreaAndLevelAreReadNotAssumed() {
        #expect(PlanWriter.area(in: "上海市梧桐区望湖街道办事处") == "望湖街道")
        #expect(PlanWriter.area(in: "松江区车墩镇人民政府") == "车墩镇")
        #expect(PlanWriter.area(in: "镇安委办") == nil, "a division's office names no division")
        #expect(PlanWriter.area(in: "区应急局") == nil)
        #expect(PlanWriter.area(in: "柳塘镇2025年安全生产工作要点", prefixOnly: true) == "柳塘镇")
        #expect(PlanWriter.area(in: "关于进一步加强安全生产工作的具体措施", prefixOnly: true) == nil)
    }
}
