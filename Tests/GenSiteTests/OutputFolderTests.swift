import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The output folder belongs to the user until gen-site has made it: a folder gen-site did not
/// make is refused (with `--force` the way out, keeping .git and CNAME), and the new site replaces
/// the old in one step that a reader or a kill never sees half done.
@Suite(.serialized) struct OutputFolderTests {
    static func build(_ content: String, _ out: String, _ extra: [String] = []) throws -> CommandRunner.Output {
        try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--build-date", "2024-06-30"] + extra)
    }

    /// A checkout of a pages branch: .git, CNAME, a README and an old page.
    static func deployFolder(_ out: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: out + "/.git/refs", withIntermediateDirectories: true)
        try Data("ref: refs/heads/gh-pages\n".utf8).write(to: URL(fileURLWithPath: out + "/.git/HEAD"))
        try Data("safety.example.gov.cn\n".utf8).write(to: URL(fileURLWithPath: out + "/CNAME"))
        try Data("# our pages\n".utf8).write(to: URL(fileURLWithPath: out + "/README.md"))
        try Data("<p>old</p>\n".utf8).write(to: URL(fileURLWithPath: out + "/index.html"))
    }

    @Test func aFolderGenSiteDidNotMakeIsRefusedAndLeftAlone() throws {
        let out = try Fixture.temporaryFolder() + "/pages"
        try Self.deployFolder(out)
        let before = Tree.read(out)
        for _ in 0..<2 {
            let result = try Self.build(Repository.fixture("mini"), out)
            #expect(result.status == 1)
            #expect(result.stderr.contains("gen-site did not make") && result.stderr.contains("--force"), "\(result.stderr)")
        }
        #expect(Tree.differences(before, Tree.read(out)).isEmpty, "the user's folder changed")
        #expect(try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent) == ["pages"])
        // check -o says so first, at the folder.
        let check = try CommandRunner.genSite(["check", Repository.fixture("mini"), "-o", out, "--format", "json"])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"write-failed\"") && check.stdout.contains(out))
    }

    @Test func forceTakesTheFolderOverAndKeepsWhatADeployNeeds() throws {
        let out = try Fixture.temporaryFolder() + "/pages"
        try Self.deployFolder(out)
        let first = try Self.build(Repository.fixture("mini"), out, ["--force"])
        #expect(first.status == 0, "\(first.stderr)")
        for round in 0..<2 {
            if round == 1 { #expect(try Self.build(Repository.fixture("mini"), out).status == 0, "a marked folder needs no --force") }
            let files = Set(Tree.read(out).keys)
            #expect(files.contains(".git/HEAD") && files.contains("CNAME"), "round \(round)")
            #expect(files.contains(".gen-site-output"))
            #expect(!files.contains("README.md"), "the old site's files are replaced")
            #expect(try String(contentsOfFile: out + "/CNAME", encoding: .utf8) == "safety.example.gov.cn\n")
            #expect(try String(contentsOfFile: out + "/index.html", encoding: .utf8).contains("<!DOCTYPE html>"))
        }
        // The staging folder beside it holds the site before last, and no .git of its own.
        let staging = (out as NSString).deletingLastPathComponent + "/.pages.prev"
        #expect(!FileManager.default.fileExists(atPath: staging + "/.git"))
    }

    @Test func aStagingFolderGenSiteDidNotMakeIsRefused() throws {
        let parent = try Fixture.temporaryFolder()
        try FileManager.default.createDirectory(atPath: parent + "/.public.prev", withIntermediateDirectories: true)
        try Data("mine\n".utf8).write(to: URL(fileURLWithPath: parent + "/.public.prev/notes.txt"))
        let result = try Self.build(Repository.fixture("mini"), parent + "/public")
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: parent + "/.public.prev/notes.txt", encoding: .utf8) == "mine\n")
        #expect(!FileManager.default.fileExists(atPath: parent + "/public"))
    }

    /// The content folder as the staging folder, or inside it: refused even with --force, the
    /// content untouched (found by the probes: `build .public.prev -o public --force` deleted it).
    @Test(arguments: ["/.public.prev", "/.public.prev/content"])
    func contentInTheStagingFolderIsRefusedEvenWithForce(_ place: String) throws {
        let parent = try Fixture.temporaryFolder()
        let content = parent + place
        try FileManager.default.createDirectory(atPath: (content as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.fixture("mini"), toPath: content)
        let before = Tree.read(content)
        let result = try Self.build(content, parent + "/public", ["--force"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error[write-failed]") && result.stderr.contains("staging folder"), "\(result.stderr)")
        #expect(Tree.differences(before, Tree.read(content)).isEmpty, "the content changed")
    }

    @Test func anEmptyFolderIsTaken() throws {
        let out = try Fixture.temporaryFolder() + "/site"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(try Self.build(Repository.fixture("mini"), out).status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/.gen-site-output"))
    }

    /// Builds of two different sites into one folder, each killed at a random instant: afterwards the
    /// folder always holds one of the two sites whole, and a reader polling it never finds it missing.
    @Test func aKillAtAnyInstantLeavesTheOldSiteOrTheNew() throws {
        let a = try Fixture.write("", base: Repository.fixture("mini"))
        let b = try Fixture.write("-- notices/2024-05-01-extra.md --\n---\ntitle: 新通知\n---\n正文。\n", base: Repository.fixture("mini"))
        let out = try Fixture.temporaryFolder() + "/public"
        #expect(try Self.build(a, out).status == 0)
        let treeA = Tree.read(out)
        #expect(try Self.build(b, out).status == 0)
        let treeB = Tree.read(out)
        #expect(!Tree.differences(treeA, treeB).isEmpty)

        // A reader, polling the output's front page while builds come and go.
        let missing = Counter(), stop = Counter()
        let reader = Thread {
            while stop.value == 0 {
                if access(out + "/index.html", F_OK) != 0 { missing.increment() }
            }
        }
        reader.start()
        defer { stop.increment() }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<24 {
            let content = round % 2 == 0 ? a : b
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandRunner.genSite)
            process.arguments = ["build", content, "-o", out, "--no-search-index", "--build-date", "2024-06-30"]
            process.environment = ProcessInfo.processInfo.environment.merging(["GEN_SITE_TEMPLATES": Repository.templates]) { _, new in new }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 0...120_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = Tree.read(out).filter { !$0.key.hasPrefix(".") }
            let isA = Tree.differences(now, treeA.filter { !$0.key.hasPrefix(".") }).isEmpty
            let isB = Tree.differences(now, treeB.filter { !$0.key.hasPrefix(".") }).isEmpty
            #expect(isA || isB, "round \(round): the output is neither site")
        }
        // The next build still works, and no folder but the output and its staging folder is left.
        #expect(try Self.build(a, out).status == 0)
        #expect(Tree.differences(Tree.read(out), treeA).isEmpty)
        stop.increment()
        #expect(missing.value == 0, "the output was missing \(missing.value) times")
        let left = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent).sorted()
        #expect(left == [".public.prev", "public"], "\(left)")
    }
}

/// A counter shared between threads (unchecked: every access to `count` holds `lock`).
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() { lock.lock(); count += 1; lock.unlock() }
}
