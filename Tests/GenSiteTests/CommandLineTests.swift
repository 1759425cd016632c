import Foundation
import Testing
import TestSupport

/// The command line, run as a real process: exit codes, diagnostics, and the
/// promise that a failed build leaves the previous output untouched.
@Suite struct CommandLineTests {
    @Test func usageErrorsExitWithTwo() throws {
        let unknown = try CommandRunner.genSite(["build", "--no-such-flag"])
        #expect(unknown.status == 2)
        let format = try CommandRunner.genSite(["check", Repository.fixture("mini"), "--format", "xml"])
        #expect(format.status == 2)
    }

    @Test func buildsTheFixtureSite() throws {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", Repository.fixture("mini"), "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        for path in ["index.html", "en/index.html", "plans/demo-2024/index.html", "en/plans/demo-2024/tasks/2/index.html",
                     "units/demo-fire/index.html", "en/units/index.html", "404.html", "sitemap.xml", "robots.txt",
                     "assets/site.css", "plans/demo-2024/attachments/original.txt"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "missing \(path)")
        }
    }

    @Test func contentErrorsExitWithOneAndLeaveTheOutputAlone() throws {
        let out = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", Repository.fixture("mini"), "-o", out]).status == 0)
        let before = Tree.read(out)

        let broken = try Fixture.write("""
            -- plans/demo-2024/tasks.yaml --
            tasks:
              - no: 1
                title: 任务
                responsible: [no-such-unit]
                due: 2024-02-30
            """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["build", broken, "-o", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(broken)/plans/demo-2024/tasks.yaml:4:19: error[unknown-unit]"), "\(result.stderr)")
        #expect(result.stderr.contains("\(broken)/plans/demo-2024/tasks.yaml:5:10: error[invalid-date]"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(Tree.differences(before, Tree.read(out)).isEmpty)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["public"], "temporary folders left behind: \(leftovers)")
    }

    @Test func checkReportsJSON() throws {
        let broken = try Fixture.write("""
            -- units.yaml --
            - id: Bad_ID
              name: 单位
            """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", broken, "--format", "json"])
        #expect(result.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? Int == 1)
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let invalid = try #require(diagnostics.first { $0["code"] as? String == "invalid-id" })
        #expect(invalid["line"] as? Int == 1)
        #expect(invalid["column"] as? Int == 7)
        #expect((invalid["file"] as? String)?.hasSuffix("/units.yaml") == true)
        #expect(invalid["severity"] as? String == "error")
    }

    @Test func checkPassesOnTheFixture() throws {
        let result = try CommandRunner.genSite(["check", Repository.fixture("mini")])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func githubAnnotations() throws {
        let broken = try Fixture.write("""
            -- plans/demo-2024/tasks.yaml --
            tasks:
              - no: 1
                title: 任务
                lead: [nobody]
            """, base: Repository.fixture("mini"))
        let result = try CommandRunner.genSite(["check", broken, "--format", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("::error file=\(broken)/plans/demo-2024/tasks.yaml,line=4,col=12,title=unknown-unit::"), "\(result.stdout)")
    }
}
