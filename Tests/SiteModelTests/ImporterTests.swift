import Testing
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
}
