import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// `gen-site import` on the formats offices have: the same plan as text, as a
/// portal's web page, as a Word file and as a PDF gives the same plan folder.
@Suite(.serialized) struct ImportFormatTests {
    /// The plan folder's files, the attachment left out: plan.md without its `attachments:` entry,
    /// tasks.yaml, and units.yaml without the file name in its comment.
    static func folder(_ content: String, _ id: String, original: String) throws -> [String: String] {
        var plan = try String(contentsOfFile: content + "/plans/\(id)/plan.md", encoding: .utf8)
        if let start = plan.range(of: "\nattachments:\n"), let end = plan.range(of: "\n---\n", range: start.lowerBound..<plan.endIndex) {
            plan.replaceSubrange(start.lowerBound..<end.lowerBound, with: "")
        }
        let units = try String(contentsOfFile: content + "/units.yaml", encoding: .utf8).replacingOccurrences(of: original, with: "ORIGINAL")
        return ["plan.md": plan, "tasks.yaml": try String(contentsOfFile: content + "/plans/\(id)/tasks.yaml", encoding: .utf8), "units.yaml": units]
    }

    static func importing(_ file: String, id: String) throws -> (content: String, stdout: String) {
        try ImportCommandTests.imported(id, file: Repository.fixture(file))
    }

    /// The acceptance test of issue 15: the Lüxiang seed as text, web page, Word file and PDF.
    @Test func theSamePlanFromEveryFormat() throws {
        let id = "lvxiang-2024-2026"
        let (text, _) = try Self.importing("seeds/\(id).txt", id: id)
        let expected = try Self.folder(text, id, original: "\(id).txt")
        for file in ["\(id)-portal.html", "\(id).docx", "\(id).pdf"] {
            let (content, stdout) = try Self.importing("import/\(file)", id: id)
            let found = try Self.folder(content, id, original: file)
            for name in ["plan.md", "tasks.yaml", "units.yaml"] {
                #expect(found[name] == expected[name], "\(file): \(name) differs from the text's:\n\(lineDiff(expected: expected[name] ?? "", actual: found[name] ?? ""))")
            }
            #expect(stdout.hasSuffix("import: 29 tasks, 13 units, header 7/11 fields found, \(file.hasSuffix(".html") ? 1 : 0) tables, 0 lines lost\n"),
                    "\(file):\n\(stdout)")
            let attachments = try FileManager.default.contentsOfDirectory(atPath: content + "/plans/\(id)/attachments")
            #expect(attachments == (file.hasSuffix(".html") ? [] : [file]), "the original published with the plan (not a web page)")
        }
    }

    @Test func whatTheWebPageReportSays() throws {
        let (_, stdout) = try Self.importing("import/lvxiang-2024-2026-portal.html", id: "lvxiang-2024-2026")
        #expect(stdout.contains("note: the page links to a file: 吕巷镇安全生产治本攻坚三年行动实施方案.pdf (/upload/2024/lvxiang-2024-2026.pdf)"))
        #expect(stdout.contains("skipped: the web page around the document (its navigation, header and footer)"))
        #expect(stdout.contains("read as the page's heading (the title, written again below)"))
        #expect(stdout.contains("  发布机构 issuer: 吕巷镇安全生产委员会 (line "), "the signature, over the box's 发布机构:\n\(stdout)")
    }

    /// A task table in the middle of the text, with a sub-heading row, a cell merged over two rows
    /// and two units in one cell, as a web page, a Word file and a PDF.
    @Test func aTaskTableInEveryFormat() throws {
        let (html, _) = try Self.importing("import/beihu-town-points-2025.html", id: "beihu")
        let (word, _) = try Self.importing("import/beihu-town-points-2025.docx", id: "beihu")
        let (pdf, pdfReport) = try Self.importing("import/beihu-town-points-2025.pdf", id: "beihu")
        let fromHTML = try Self.folder(html, "beihu", original: "beihu-town-points-2025.html")
        #expect(try Self.folder(word, "beihu", original: "beihu-town-points-2025.docx") == fromHTML, "Word and the web page alike")
        let site = try ImportCommandTests.site(html)
        let plan = try #require(site.plan(PlanID("beihu")))
        func names(_ refs: [UnitReference]) -> [String] { refs.compactMap { $0.id.flatMap { site.unit($0)?.name.zh } } }
        #expect(plan.tasks.map(\.title.zh) == ["召开镇安委会全体会议，部署全年安全生产工作", "签订年度安全生产责任书",
                                               "开展老旧小区燃气管道更新改造，完成120户居民用户改造任务", "开展电动自行车违规充电专项整治", "开展消防通道清障专项行动"])
        #expect(plan.groups.map { $0.title.zh ?? "" } == ["一、压实责任", "二、隐患治理"])
        #expect(names(plan.tasks[1].cooperating) == ["各村（居）", "镇属公司"], "two units on two lines of one cell")
        #expect(names(plan.tasks[4].lead) == ["城运中心"], "the cell merged over rows 4 and 5")
        #expect(plan.tasks[2].due == Day(iso: "2025-10-31"))
        #expect(plan.body.text.contains("重点任务分解如下：\n\n## 三、保障措施 {#part-3}"), "the text after the table stays")
        // The PDF: the same, but that pdftotext prints a merged cell once.
        let fromPDF = try Self.folder(pdf, "beihu", original: "beihu-town-points-2025.pdf")
        #expect(fromPDF["plan.md"] == fromHTML["plan.md"])
        let pdfSite = try ImportCommandTests.site(pdf)
        let pdfPlan = try #require(pdfSite.plan(PlanID("beihu")))
        #expect(pdfPlan.tasks.map(\.title) == plan.tasks.map(\.title))
        #expect(pdfPlan.tasks.prefix(4).map(\.due) == plan.tasks.prefix(4).map(\.due))
        #expect(pdfPlan.tasks.map { $0.cooperating.count } == plan.tasks.map { $0.cooperating.count })
        #expect(pdfReport.contains("row 5 names no lead or responsible unit"), "what it could not read is said")
    }

    @Test func oldWordFilesAreRefusedWithHowToConvertThem() throws {
        let file = try Fixture.temporaryFolder() + "/plan.doc"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: URL(fileURLWithPath: file))
        let result = try CommandRunner.genSite(["import", file, "-o", try Fixture.temporaryFolder()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("libreoffice --headless --convert-to docx plan.doc"), "\(result.stderr)")
    }

    @Test func aPDFWithoutPdftotextSaysWhichPackage() throws {
        let result = try CommandRunner.run(CommandRunner.genSite, ["import", Repository.fixture("import/lvxiang-2024-2026.pdf"), "-o",
                                                                         try Fixture.temporaryFolder()], environment: ["PATH": "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("poppler-utils"), "\(result.stderr)")
    }

    /// A UTF-16 text (Windows Notepad's "Unicode") imports as its UTF-8 copy.
    @Test func aUTF16Text() throws {
        let source = try String(contentsOfFile: Repository.fixture("seeds/chedun-2023.txt"), encoding: .utf8)
        let file = try Fixture.temporaryFolder() + "/chedun-2023.txt"
        try (Data([0xFF, 0xFE]) + (try #require(source.data(using: .utf16LittleEndian)))).write(to: URL(fileURLWithPath: file))
        let (utf16, stdout) = try ImportCommandTests.imported("chedun-2023", file: file)
        let (utf8, _) = try ImportCommandTests.imported("chedun-2023")
        #expect(try Self.folder(utf16, "chedun-2023", original: "x") == (try Self.folder(utf8, "chedun-2023", original: "x")))
        #expect(stdout.contains("UTF-16"))
    }
}

extension ImportFormatTests {
    /// Another portal's layout: the box a list of label and value spans (`索 引 号：`), the title in a
    /// div above the article, a source and visit counter, share buttons and a footer after it.
    @Test func anotherPortalsLayout() throws {
        let (content, stdout) = try Self.importing("import/moumou-district-points-2025.html", id: "moumou")
        let site = try ImportCommandTests.site(content)
        let plan = try #require(site.plan(PlanID("moumou")))
        #expect(plan.title.zh == "某某区2025年安全生产工作要点")
        #expect(plan.docNumber == "某应急〔2025〕3号" && plan.indexNumber == "SH-2025-0012")
        #expect(plan.issued == Day(iso: "2025-03-05") && plan.published == Day(iso: "2025-03-08"))
        #expect(plan.issuer.flatMap { $0.id.flatMap { site.unit($0)?.name.zh } } == "某某区安全生产委员会办公室", "the signature over the box")
        #expect(plan.extraMetadata.map { $0.label.zh ?? "" } == ["来源"], "the visit counter is not kept")
        #expect(plan.tasks.count == 2)
        let markdown = try String(contentsOfFile: content + "/plans/moumou/plan.md", encoding: .utf8)
        for chrome in ["首页", "分享", "版权所有", "ICP"] { #expect(!markdown.contains(chrome), "\(chrome)") }
        #expect(stdout.hasSuffix("header 8/11 fields found, 0 tables, 0 lines lost\n"), "\(stdout)")
    }
}
