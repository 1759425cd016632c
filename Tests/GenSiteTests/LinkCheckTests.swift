import Foundation
import SiteBuild
import SiteModel
import Testing
import TestSupport

/// The link check end to end: a fixture holding each kind of broken link
/// (page, anchor, attachment, image, task, draft, English page, fragment of
/// YAML, the theme's own), each reported at its own line and column; `check`
/// and `build` exit 1 and the build writes nothing.
@Suite struct LinkCheckTests {
    /// A file with its marked positions.
    struct MarkedFile: Sendable {
        var path: String
        var marked: MarkedText
        init(_ path: String, _ text: String) {
            self.path = path
            self.marked = MarkedText(text)
        }
    }

    static let notice = MarkedFile("notices/2024-04-01-links.md", """
    ---
    title: {zh: 链接, en: Links}
    ---
    见1️⃣[不存在的页面](../../plans/nope/)。

    锚点：2️⃣[第九章](../../plans/demo-2024/#part-9)，[第一章](../../plans/demo-2024/#part-1)。

    附件：3️⃣[原文](../../plans/demo-2024/attachments/missing.pdf)，[有的](../../plans/demo-2024/attachments/original.txt)。

    图片：4️⃣![示意图](../../plans/demo-2024/attachments/figure.png)

    任务：5️⃣[第9项](../../plans/demo-2024/tasks/9/)，[第3项](../../plans/demo-2024/tasks/3/)。

    | 草稿 | 说明 |
    | --- | --- |
    | 6️⃣[草稿方案](../../plans/draft-2025/) | 尚未发布 |

    脚注[^1]。

    [^1]: 见7️⃣[关于本站](../../pages/abut/)。
    """)

    static let noticeEN = MarkedFile("notices/2024-04-01-links.en.md", """
    ---
    title: Links
    ---
    The plan's chapter 8️⃣[one](../../../plans/demo-2024/#part-one) and the [notices](../../notices/).
    """)

    static let tasks = MarkedFile("plans/demo-2024/tasks.yaml", """
    groups:
      - id: part-1
        title: {zh: 一、压实责任, en: I. Responsibility}
      - id: part-2
        title: {zh: 二、整治隐患, en: II. Hazards}
    tasks:
      - no: 1
        group: part-1
        title: {zh: 学习法律法规, en: Study the law}
        responsible: [demo-committee]
        requirements:
          zh: |-
            组织**专题**学习。

            学习材料见9️⃣[附件](/plans/demo-2024/attachments/law.pdf)。
          en: "Organise a study session (see the [next task](/plans/demo-2024/tasks/2/))."
      - no: 2
        group: part-1
        title: 消防安全检查
        lead: [镇消防站]
        cooperating: [demo-police, demo-villages]
        due: 2024-06-30
        leaders: [{zh: 张三, en: Zhang San}]
        remarks: {zh: 每季度报告一次。, en: Report every quarter.}
        tags: [消防]
      - no: 3
        group: part-2
        title: {zh: 整治电动自行车违规充电, en: Stop unsafe e-bike charging}
        responsible: [demo-police]
        milestones:
          - {date: 2024-12-31, what: {zh: 完成整治, en: Finished}}
    """)

    /// The plan's front matter with its cover letter as a block: a fragment of plan.md.
    static let plan = MarkedFile("plans/demo-2024/plan.md", """
    ---
    id: demo-2024
    title: {zh: 示例镇2024年安全生产工作要点, en: Demo Town Work Safety Points for 2024}
    doc_number: 示安委〔2024〕1号
    issuer: demo-committee
    issued: 2024-03-01
    period: {start: 2024-01-01, end: 2024-12-31}
    level: town
    status: in_force
    cover_letter:
      zh: |-
        各村（居）：

        现将要点印发给你们，原文见1️⃣[附件](attachments/原文.txt)，请认真贯彻落实。
    attachments:
      - file: original.txt
        title: {zh: 原文, en: Original text}
    ---

    为做好2024年安全生产工作，制定本要点，见[第一章](#part-1)和2️⃣[本机文件](file:///C:/Users/office/Desktop/要点.docx)。

    ## 一、压实责任 {#part-1}

    1. 组织学习安全生产法律法规。
    """)

    static let draft = """
    -- plans/draft-2025/plan.md --
    ---
    id: draft-2025
    title: {zh: 草稿方案, en: Draft plan}
    issuer: demo-committee
    issued: 2025-01-02
    draft: true
    ---

    草稿。
    -- plans/draft-2025/tasks.yaml --
    tasks:
      - no: 1
        title: 草稿任务
    """

    static func fixture() throws -> String {
        var txtar = draft + "\n"
        for file in [notice, noticeEN, tasks, plan] { txtar += "-- \(file.path) --\n\(file.marked.text)\n" }
        return try Fixture.write(txtar, base: Repository.fixture("mini"))
    }

    /// Each marked place with the code expected there.
    static let expected: [(MarkedFile, String, String)] = [
        (notice, "1️⃣", "link-not-found"), (notice, "2️⃣", "anchor-not-found"), (notice, "3️⃣", "link-not-found"),
        (notice, "4️⃣", "link-not-found"), (notice, "5️⃣", "link-not-found"), (notice, "6️⃣", "link-to-draft"),
        (notice, "7️⃣", "link-not-found"), (noticeEN, "8️⃣", "anchor-not-found"), (tasks, "9️⃣", "link-not-found"),
        (plan, "1️⃣", "link-not-found"), (plan, "2️⃣", "link-outside-site"),
    ]

    static func located(_ output: String) throws -> [[String: Any]] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return json["diagnostics"] as? [[String: Any]] ?? []
    }

    func expectEachBrokenLinkAtItsPlace(_ diagnostics: [[String: Any]], content: String) {
        let linkCodes: Set<String> = ["link-not-found", "anchor-not-found", "link-to-draft", "link-outside-site", "link-to-withheld"]
        let found = diagnostics.filter { linkCodes.contains($0["code"] as? String ?? "") }
        let described = found.map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "") \($0["code"] ?? "") \($0["message"] ?? "")" }
        for (file, marker, code) in Self.expected {
            let (line, column) = file.marked[marker]
            let match = found.first {
                ($0["file"] as? String) == content + "/" + file.path && $0["line"] as? Int == line && $0["column"] as? Int == column
                    && $0["code"] as? String == code
            }
            #expect(match != nil, "expected \(code) at \(file.path):\(line):\(column) (\(marker)); found:\n\(described.joined(separator: "\n"))")
        }
        // Nothing else: the links that work are not reported, and each broken one once.
        #expect(found.count == Self.expected.count, "\(described.joined(separator: "\n"))")
    }

    @Test func checkReportsEachBrokenLinkAtItsLineAndColumn() throws {
        let content = try Self.fixture()
        let result = try CommandRunner.genSite(["check", content, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        expectEachBrokenLinkAtItsPlace(try Self.located(result.stdout), content: content)
    }

    @Test func buildRefusesAndWritesNothing() throws {
        let content = try Self.fixture()
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        expectEachBrokenLinkAtItsPlace(try Self.located(result.stdout), content: content)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aDraftLinkedWithDraftsBuiltIsAWarning() throws {
        let content = try Fixture.write(Self.draft + """

        -- notices/2024-04-01-links.md --
        ---
        title: 链接
        ---
        见[草稿方案](../../plans/draft-2025/)。
        """, base: Repository.fixture("mini"))
        let out = try Fixture.temporaryFolder() + "/public"
        let preview = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--drafts"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(preview.stderr.contains("notices/2024-04-01-links.md:4:2: warning[link-to-draft]"), "\(preview.stderr)")
        let publish = try CommandRunner.genSite(["build", content, "-o", out + "2", "--no-search-index"])
        #expect(publish.status == 1)
        #expect(publish.stderr.contains("notices/2024-04-01-links.md:4:2: error[link-to-draft]"), "\(publish.stderr)")
    }

    @Test(arguments: [
        // A field left to fill in: the plan is read, and held back until it is filled in.
        ("issuer:", "plan.md:4:1: error[plan-field-missing]"),
        // No title: the plan cannot be read at all.
        ("issuer: demo-committee\nsummary: 无标题", "plan.md:2:1: error[missing-key]"),
    ]) func aLinkToAPlanWithheldForItsErrorsSaysSo(_ field: String, _ error: String) throws {
        let title = field.hasPrefix("issuer:\n") || field == "issuer:" ? "title: 示例\n" : ""
        let content = try Fixture.write("""
        -- plans/demo-2024/plan.md --
        ---
        id: demo-2024
        \(title)\(field)
        issued: 2024-03-01
        ---
        正文。
        -- notices/2024-04-01-links.md --
        ---
        title: 链接
        ---
        见[方案](../../plans/demo-2024/)。
        """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", content])
        #expect(result.status == 1)
        #expect(result.stderr.contains(error), "\(result.stderr)")
        #expect(result.stderr.contains("notices/2024-04-01-links.md:4:2: error[link-to-withheld]"), "\(result.stderr)")
        #expect(result.stderr.contains("(on /notices/2024-04-01-links/ and 1 more page)"), "\(result.stderr)")
    }

    @Test func linksTheThemeBreaksAreReportedAtTheTemplateOnce() throws {
        let notFound = try String(contentsOfFile: Repository.path("Templates/404.mustache"), encoding: .utf8)
        let broken = notFound.replacingOccurrences(of: "<main id=\"main\"", with: "<p><a href=\"plans/\">plans</a></p>\n<main id=\"main\"")
        #expect(broken != notFound)
        let task = try String(contentsOfFile: Repository.path("Templates/task.mustache"), encoding: .utf8)
        let content = try Fixture.write("""
        -- templates/404.mustache --
        \(broken)
        -- templates/task.mustache --
        \(task.replacingOccurrences(of: "{{/main}}", with: "<a href=\"#nowhere\">x</a>\n{{/main}}"))
        """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", content, "--format", "json"])
        #expect(result.status == 1)
        let diagnostics = try Self.located(result.stdout)
        let outside = diagnostics.filter { ($0["file"] as? String)?.hasSuffix("templates/404.mustache") == true }
        #expect(outside.count == 1 && outside.first?["code"] as? String == "link-not-found", "\(diagnostics)")
        let anchors = diagnostics.filter { ($0["file"] as? String)?.hasSuffix("templates/task.mustache") == true }
        #expect(anchors.count == 1 && anchors.first?["code"] as? String == "anchor-not-found", "\(diagnostics)")
        // On every task page in both languages, said once, with the count.
        #expect((anchors.first?["message"] as? String)?.contains("6 pages") == true, "\(anchors)")
        // Named once, under the content folder as given (not content/content/templates/…).
        #expect(anchors.first?["file"] as? String == content + "/templates/task.mustache")
    }

    @Test func aBrokenNavigationPathIsReportedOnceInSiteYAML() throws {
        let site = try String(contentsOfFile: Repository.fixture("mini") + "/site.yaml", encoding: .utf8)
        let content = try Fixture.write("""
        -- site.yaml --
        \(site)
        nav:
          - title: {zh: 工作方案, en: Plans}
            path: plans/
          - title: {zh: 统计, en: Statistics}
            path: statistic/
        """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", content, "--format", "json"])
        #expect(result.status == 1)
        let found = try Self.located(result.stdout).filter { $0["code"] as? String == "link-not-found" }
        let written = try String(contentsOfFile: content + "/site.yaml", encoding: .utf8)
        let line = try #require(written.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasSuffix("path: statistic/") }) + 1
        #expect(found.count == 1, "\(found)")
        #expect(found.first?["file"] as? String == content + "/site.yaml")
        #expect(found.first?["line"] as? Int == line && found.first?["column"] as? Int == 11, "\(found)")
        #expect((found.first?["message"] as? String)?.contains("more pages") == true, "\(found)")
    }

    @Test func theExampleSiteHasNoBrokenLink() throws {
        let result = try CommandRunner.genSite(["check", Repository.content, "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try Self.located(result.stdout).isEmpty, "\(result.stdout)")
    }

    /// A link written thousands of times on a page is judged once there (it was judged, and its
    /// places searched, once per copy: minutes for 16,000), and each place is still reported.
    @Test func aLinkWrittenThousandsOfTimesIsOneProblemPerPlace() throws {
        let copies = String(repeating: "[a](/u) ", count: 3_000)
        let content = try Fixture.write("-- notices/2024-05-01-links.md --\n---\ntitle: 通知\n---\n\n\(copies)\n\n[b](/u)\n",
                                        base: Repository.fixture("mini"))
        let diagnostics = SiteBuild(content: content, templates: Repository.templates).check().items
        let broken = diagnostics.filter { $0.kind == .linkNotFound && $0.location.file == "notices/2024-05-01-links.md" }
        #expect(broken.count == 3_001, "\(broken.prefix(3))")
        #expect(broken.first?.location == SourceLocation(file: "notices/2024-05-01-links.md", line: 5, column: 1))
        #expect(broken.last?.location == SourceLocation(file: "notices/2024-05-01-links.md", line: 7, column: 1))
    }
}
