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
                                                "--id", seed, "--date", "2025-09-30"])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr + result.stdout) }
        return (content, result.stdout)
    }

    static func site(_ content: String) throws -> ResolvedSite {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: content, buildDate: nil, today: Day(year: 2025, month: 9, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
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
        // 1 + the five chapters' 4 + 3 + 4 + 6 + 5 rows.
        let groups = plan.tasks.map { $0.group?.rawValue ?? "" }
        #expect(["general", "part-1", "part-2", "part-3", "part-4", "part-5"].map { g in groups.count { $0 == g } } == [1, 4, 3, 4, 6, 5])
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
    }

    /// Every non-blank line of the source, ignoring whitespace and the debris
    /// the importer removes, appears in the output: the text's lines in plan.md
    /// in their order, the table's cells in tasks.yaml and units.yaml.
    @Test(arguments: ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"])
    func noSentenceIsLost(_ seed: String) throws {
        let (content, _) = try Self.imported(seed)
        let folder = content + "/plans/\(seed)/"
        let plan = normalise(try String(contentsOfFile: folder + "plan.md", encoding: .utf8))
        let data = normalise(try String(contentsOfFile: folder + "tasks.yaml", encoding: .utf8)
            + (try String(contentsOfFile: content + "/units.yaml", encoding: .utf8)))
        let source = try String(contentsOfFile: Repository.fixture("seeds/\(seed).txt"), encoding: .utf8)
        var missing: [String] = []
        var position = plan.startIndex
        for line in source.split(separator: "\n") where !line.hasPrefix("序号") {
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
            } else if plan.contains(text) {
                // A closing line (signature, 共印N份…) read into the front matter, kept there as a comment.
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
