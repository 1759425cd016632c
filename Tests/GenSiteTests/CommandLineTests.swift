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

    /// Every folder under `root` (relative), empty ones included.
    func folders(_ root: String) -> Set<String> {
        var found = Set<String>()
        for case let relative as String in FileManager.default.enumerator(atPath: root) ?? FileManager.default.enumerator(atPath: "/dev/null")! {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), isDirectory.boolValue { found.insert(relative) }
        }
        return found
    }

    /// A rebuild writes into the output before last (kept beside the output)
    /// and must come out exactly as a build into nothing: stale pages and
    /// folders gone, links planted in it removed and never followed.
    @Test func aRebuildEqualsAFreshBuild() throws {
        let parent = try Fixture.temporaryFolder()
        let out = parent + "/public"
        for _ in 0..<2 {
            #expect(try CommandRunner.genSite(["build", Repository.fixture("mini"), "-o", out, "--no-search-index"]).status == 0)
        }
        let staging = parent + "/.public.prev"
        #expect(FileManager.default.fileExists(atPath: staging + "/index.html"), "the replaced output is kept for the next build")
        // Tamper with the staging folder: a stray file, a stray folder, a link to a file outside, a linked folder.
        let outside = try Fixture.temporaryFolder()
        try Data("outside".utf8).write(to: URL(fileURLWithPath: outside + "/secret.txt"))
        try Data("stray".utf8).write(to: URL(fileURLWithPath: staging + "/stray.html"))
        try FileManager.default.createDirectory(atPath: staging + "/stray/deeper", withIntermediateDirectories: true)
        try FileManager.default.removeItem(atPath: staging + "/robots.txt")
        try FileManager.default.createSymbolicLink(atPath: staging + "/robots.txt", withDestinationPath: outside + "/secret.txt")
        try FileManager.default.removeItem(atPath: staging + "/units")
        try FileManager.default.createSymbolicLink(atPath: staging + "/units", withDestinationPath: outside)

        // The content changes: a task goes, so its pages must go too.
        let changed = try Fixture.write("""
            -- plans/demo-2024/tasks.yaml --
            groups:
              - {id: part-1, title: {zh: 一、压实责任, en: I. Responsibility}}
            tasks:
              - no: 1
                group: part-1
                title: {zh: 学习法律法规, en: Study the law}
                responsible: [demo-committee]
            """, base: Repository.fixture("mini"))
        #expect(try CommandRunner.genSite(["build", changed, "-o", out, "--no-search-index"]).status == 0)
        let fresh = try Fixture.temporaryFolder() + "/public"
        #expect(try CommandRunner.genSite(["build", changed, "-o", fresh, "--no-search-index"]).status == 0)
        #expect(Tree.differences(Tree.read(out), Tree.read(fresh)).isEmpty)
        #expect(folders(out) == folders(fresh))
        #expect(!FileManager.default.fileExists(atPath: out + "/plans/demo-2024/tasks/2/index.html"))
        #expect(try String(contentsOfFile: outside + "/secret.txt", encoding: .utf8) == "outside", "a planted link was followed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside) == ["secret.txt"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: parent)) == ["public", ".public.prev"])
    }

    /// The output folder is replaced whole, so one that holds the content is refused, and nothing moves.
    @Test func anOutputFolderHoldingTheContentIsRefused() throws {
        let project = try Fixture.temporaryFolder()
        try FileManager.default.copyItem(atPath: Repository.fixture("mini"), toPath: project + "/content")
        for output in [project, project + "/content"] {
            let result = try CommandRunner.genSite(["build", project + "/content", "-o", output, "--no-search-index"])
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("holds the content folder"), "\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: project + "/content/site.yaml"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: project) == ["content"])
    }

    /// Nor may the output lie inside the content (the folder swapped aside would be content), or be
    /// a file or a symlink (which the swap would replace with a folder): each is refused, nothing moves.
    @Test func anOutputInsideTheContentOrNotAFolderIsRefused() throws {
        let project = try Fixture.temporaryFolder()
        let content = project + "/content"
        try FileManager.default.copyItem(atPath: Repository.fixture("mini"), toPath: content)
        let before = Tree.read(content)
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: project + "/notes.txt"))
        try FileManager.default.createDirectory(atPath: project + "/www", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project + "/link", withDestinationPath: project + "/www")
        let cases = [(content + "/plans", "inside the content folder"), (content + "/site.yaml", "inside the content folder"),
                     (project + "/notes.txt", "is a file"), (project + "/link", "symbolic link")]
        for (output, reason) in cases {
            let result = try CommandRunner.genSite(["build", content, "-o", output, "--no-search-index"])
            #expect(result.status == 1, "\(output): \(result.stderr)")
            #expect(result.stderr.contains(reason), "\(output): \(result.stderr)")
        }
        #expect(Tree.differences(before, Tree.read(content)).isEmpty, "the content changed")
        #expect(try String(contentsOfFile: project + "/notes.txt", encoding: .utf8) == "keep\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: project + "/link") == project + "/www")
        #expect(try FileManager.default.contentsOfDirectory(atPath: project).sorted() == ["content", "link", "notes.txt", "www"])
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
