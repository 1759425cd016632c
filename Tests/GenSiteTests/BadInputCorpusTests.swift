import Foundation
import SiteBuild
import SiteModel
import SiteRender
import Testing
import TestSupport

/// The bad-input corpus: each case breaks the mini fixture in one way a
/// spreadsheet or a text editor allows, and must produce a located
/// diagnostic with the expected code, file and line, an error (never a crash),
/// and leave a previous output folder byte-identical. The cases run in this
/// process, through SiteBuild as `gen-site build` and `check` run it; one runs
/// through the command line too (exit 1, JSON). docs/diagnostics.md lists the codes.
struct BadInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files written over the mini fixture (txtar).
    var files: String = ""
    /// Anything txtar cannot express: binary bytes, symlinks, folders, big files.
    var setup: (@Sendable (String) throws -> Void)? = nil
    var code: String
    var file: String
    var line: Int?

    var testDescription: String { name }
}

@Suite(.serialized) struct BadInputCorpusTests {
    static let previous: Result<(path: String, tree: [String: Data]), any Error> = Result {
        let out = try Fixture.temporaryFolder() + "/public"
        let result = pipeline(Repository.fixture("mini")).build(output: out)
        guard result.pageCount != nil else {
            throw ExampleSiteTests.BuildFailed(stderr: result.diagnostics.items.map { "\($0.location.file):\($0.location.line) \($0.code) \($0.message)" }.joined(separator: "\n"))
        }
        return (out, Tree.read(out))
    }

    static let cases: [BadInput] = BadInputCorpus.cases

    /// The pipeline `gen-site build CONTENT --no-search-index` runs.
    static func pipeline(_ content: String) -> SiteBuild {
        SiteBuild(content: content, templates: Repository.templates, options: BuildOptions(searchIndex: false))
    }

    /// Whether `diagnostic` is the one `input` expects: its code, at its file (relative to the
    /// content folder, or the same file named absolutely) and line.
    static func isExpected(_ diagnostic: Diagnostic, _ input: BadInput, content: String) -> Bool {
        let file = diagnostic.location.file
        return diagnostic.code == input.code
            && (file == input.file || file == content + "/" + input.file || file.hasSuffix("/" + input.file))
            && (input.line == nil || diagnostic.location.line == input.line)
    }

    @Test(arguments: cases) func eachFaultIsLocatedAndNothingIsWritten(_ input: BadInput) throws {
        let previous = try Self.previous.get()
        let content = try Fixture.write(input.files, base: Repository.fixture("mini"))
        try input.setup?(content)
        let out = try Fixture.temporaryFolder() + "/public"
        try Fixture.copyTree(from: previous.path, to: out)
        let result = Self.pipeline(content).build(output: out)
        let diagnostics = result.diagnostics.items
        #expect(result.pageCount == nil && result.diagnostics.hasErrors, "built without an error")
        #expect(diagnostics.contains { Self.isExpected($0, input, content: content) },
                "expected \(input.code) at \(input.file):\(input.line.map(String.init) ?? "-"), got:\n\(diagnostics.map { "\($0.location.file):\($0.location.line):\($0.location.column) \($0.code) \($0.message)" }.joined(separator: "\n"))")
        #expect(Tree.differences(previous.tree, Tree.read(out)).isEmpty, "the previous output changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["public"], "temporary folders left behind: \(leftovers)")
        // check renders the pages and checks their links even when the content has errors: never a crash.
        #expect(Self.pipeline(content).check().hasErrors, "check found no error")
    }

    /// The command line gives what the pipeline gives: exit 1 and the located diagnostic in JSON.
    @Test func theCommandLineReportsACaseAndExitsOne() throws {
        let input = try #require(Self.cases.first { $0.setup == nil })
        let content = try Fixture.write(input.files, base: Repository.fixture("mini"))
        let out = try Fixture.temporaryFolder() + "/public"
        let result = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--format", "json"])
        #expect(result.status == 1, "exit status \(result.status)\n\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        let diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { d in
            d["code"] as? String == input.code && (d["file"] as? String).map { $0.hasSuffix(input.file) } == true
                && (input.line == nil || d["line"] as? Int == input.line)
        }, "\(result.stdout)")
        let check = try CommandRunner.genSite(["check", content, "--format", "json"])
        #expect(check.status == 1, "check exit status \(check.status)\n\(check.stderr)")
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}
