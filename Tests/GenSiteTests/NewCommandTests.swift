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
        // Every stand-in is reported at its place until it is replaced; the build refuses them.
        let marker = "【待填写】"
        var markers: [String] = []
        for path in ["plans/town-2026/plan.md", "plans/town-2026/tasks.yaml", "notices/2026-03-05-notice-1.md",
                     "notices/2026-03-05-notice-2.md", "plans/town-2026/progress/2026-03.yaml", "units.yaml"] {
            let text = try String(contentsOfFile: content + "/" + path, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = line[...]
                while let range = rest.range(of: marker) {
                    markers.append("\(path):\(number + 1):\(line.unicodeScalars[..<range.lowerBound].count + 1)")
                    rest = rest[range.upperBound...]
                }
            }
        }
        #expect(markers.count >= 15)
        let check = try CommandRunner.genSite(["check", content])
        #expect(check.status == 1, "\(check.stderr)")
        for place in markers {
            #expect(check.stderr.contains("\(content)/\(place): error[unfinished-skeleton]"), "\(place)\n\(check.stderr)")
        }
        #expect(check.stderr.components(separatedBy: "error[unfinished-skeleton]").count - 1 == markers.count, "\(check.stderr)")
        let build = try CommandRunner.genSite(["build", content, "-o", try Fixture.temporaryFolder() + "/out", "--no-search-index"])
        #expect(build.status == 1)
        #expect(build.stderr.contains("unfinished-skeleton"))
        // Replaced (here: the markers deleted), the content checks cleanly.
        for path in ["plans/town-2026/plan.md", "plans/town-2026/tasks.yaml", "notices/2026-03-05-notice-1.md",
                     "notices/2026-03-05-notice-2.md", "plans/town-2026/progress/2026-03.yaml", "units.yaml"] {
            let text = try String(contentsOfFile: content + "/" + path, encoding: .utf8)
            try text.replacingOccurrences(of: marker, with: "").write(toFile: content + "/" + path, atomically: true, encoding: .utf8)
        }
        let clean = try CommandRunner.genSite(["check", content])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stderr.contains("no problems"), "\(clean.stderr)")

        let before = try String(contentsOfFile: content + "/plans/town-2026/plan.md", encoding: .utf8)
        #expect(try new(["plan", "--id", "town-2026"]).status == 1)
        #expect(try new(["report", "--plan", "town-2026"]).status == 1)
        #expect(try new(["report", "--plan", "no-such-plan"]).status == 1)
        #expect(try String(contentsOfFile: content + "/plans/town-2026/plan.md", encoding: .utf8) == before)
        #expect(try new(["plan"]).status == 2, "--id is required")
    }

    @Test func aNewReportDoesNotPassLastMonthsNotesOffAsThisMonths() throws {
        let content = try Fixture.write("""
            -- plans/demo-2024/progress/2024-05.yaml --
            as_of: 2024-05-31
            updates:
              - task: 2
                status: in_progress
                percent: 40
                note: {zh: 已检查三个村。, en: Three villages inspected.}
            """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["new", "report", "--plan", "demo-2024", "--content", content, "--date", "2024-06-30"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOfFile: content + "/plans/demo-2024/progress/2024-06.yaml", encoding: .utf8)
        #expect(!report.contains("note:"), "\(report)")
        #expect(report.contains("    # 上期说明（2024-05-31） (last report's note): 已检查三个村。"), "\(report)")
        #expect(report.contains("status: in_progress\n    percent: 40"))
        #expect(report.hasPrefix("# 【待填写】"))
        let check = try CommandRunner.genSite(["check", content])
        #expect(check.status == 1)
        #expect(check.stderr.contains("plans/demo-2024/progress/2024-06.yaml:1:3: error[unfinished-skeleton]"), "\(check.stderr)")
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
