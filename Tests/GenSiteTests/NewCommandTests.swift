import Foundation
import Testing
import TestSupport

/// `gen-site new`: skeletons that check cleanly, the next free name, no overwriting.
@Suite struct NewCommandTests {
    @Test func skeletonsCheckCleanlyAndAreNeverOverwritten() throws {
        let content = try Fixture.write("""
            -- site.yaml --
            title: {zh: 新站点, en: New site}
            base_url: https://example.org/
            -- units.yaml --
            []
            """)
        func new(_ arguments: [String]) throws -> CommandRunner.Output {
            try CommandRunner.genSite(["new"] + arguments + ["--content", content, "--date", "2026-03-05"])
        }
        #expect(try new(["plan", "--id", "town-2026"]).status == 0)
        #expect(try new(["notice"]).status == 0)
        #expect(try new(["notice"]).status == 0)
        #expect(try new(["report", "--plan", "town-2026"]).status == 0)
        let fm = FileManager.default
        for path in ["plans/town-2026/plan.md", "plans/town-2026/tasks.yaml", "notices/2026-03-05-notice-1.md",
                     "notices/2026-03-05-notice-2.md", "plans/town-2026/progress/2026-03.yaml"] {
            #expect(fm.fileExists(atPath: content + "/" + path), "missing \(path)")
        }
        let check = try CommandRunner.genSite(["check", content])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("no problems"), "\(check.stderr)")

        let before = try String(contentsOfFile: content + "/plans/town-2026/plan.md", encoding: .utf8)
        #expect(try new(["plan", "--id", "town-2026"]).status == 1)
        #expect(try new(["report", "--plan", "town-2026"]).status == 1)
        #expect(try new(["report", "--plan", "no-such-plan"]).status == 1)
        #expect(try String(contentsOfFile: content + "/plans/town-2026/plan.md", encoding: .utf8) == before)
        #expect(try new(["plan"]).status == 2, "--id is required")
    }

    @Test func checkListsPendingTranslations() throws {
        let result = try CommandRunner.genSite(["check", Repository.fixture("mini"), "--translations"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("/en/plans/demo-2024/"))
        #expect(result.stdout.contains("/en/pages/about/"))
        #expect(!result.stdout.contains("/en/report/"))
    }
}

/// `draft: true` keeps a plan or notice out of the site unless `--drafts`.
@Suite struct DraftTests {
    @Test func draftsAreBuiltOnlyWhenAskedFor() throws {
        let content = try Fixture.write("""
            -- notices/2024-05-01-draft-notice.md --
            ---
            title: 草稿通知
            draft: true
            ---
            尚未发布。
            """, base: Repository.fixture("mini"))
        let plain = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", content, "-o", plain, "--no-search-index"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: plain + "/notices/2024-05-01-draft-notice/index.html"))
        let withDrafts = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", content, "-o", withDrafts, "--no-search-index", "--drafts"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: withDrafts + "/notices/2024-05-01-draft-notice/index.html"))
    }
}
