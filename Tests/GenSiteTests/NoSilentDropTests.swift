import Foundation
import Testing
import TestSupport

/// Nothing is dropped without a word: a fragment's Markdown problems reach the
/// report at their place, footnotes render as footnotes, an English file
/// whose front matter lost its opening `---` is warned about and read as front
/// matter, not published as a heading.
@Suite struct NoSilentDropTests {
    static let tasks = MarkedText("""
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
            组织学习[^1]。

            1️⃣![现场照片](https://photos.example.com/a.jpg)

            [^1]: 依据《安全生产法》。
          en: Organise a study session.
        remarks: "2️⃣![图](https://photos.example.com/b.jpg)"
      - no: 2
        group: part-1
        title: 消防安全检查
        lead: [镇消防站]
      - no: 3
        group: part-2
        title: {zh: 整治电动自行车违规充电, en: Stop unsafe e-bike charging}
        responsible: [demo-police]
    """)

    @Test func fragmentsReportTheirProblemsAndFootnotesRender() throws {
        let content = try Fixture.write("""
        -- plans/demo-2024/tasks.yaml --
        \(Self.tasks.text)
        -- notices/2024-02-16-notice-6.en.md --
        title: Notice six
        summary: About inspection 6.
        ---

        Inspection 6 covers gas and fire exits.
        """, base: Repository.fixture("mini"))
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index"])
        #expect(result.status == 0, "\(result.stderr)")
        for marker in ["1️⃣", "2️⃣"] {
            let (line, column) = Self.tasks[marker]
            #expect(result.stderr.contains("plans/demo-2024/tasks.yaml:\(line):\(column): warning[external-image]"), "\(marker)\n\(result.stderr)")
        }
        #expect(result.stderr.contains("notices/2024-02-16-notice-6.en.md:1:1: warning[front-matter-opening-missing]"), "\(result.stderr)")

        // The footnote, on the task page and in the plan's table, each with its own ids.
        let task = try String(contentsOfFile: out + "/plans/demo-2024/tasks/1/index.html", encoding: .utf8)
        #expect(task.contains("id=\"requirements-fn-1\""))
        #expect(task.contains("aria-label=\"返回正文\""))
        #expect(!task.contains("[^1]"))
        let plan = try String(contentsOfFile: out + "/plans/demo-2024/index.html", encoding: .utf8)
        #expect(plan.contains("id=\"task-1-requirements-fn-1\""))

        // The English notice: its title from the front matter, no "title:" heading.
        let notice = try String(contentsOfFile: out + "/en/notices/2024-02-16-notice-6/index.html", encoding: .utf8)
        #expect(notice.contains("Notice six"))
        #expect(!notice.contains("title: Notice six"))
    }
}
