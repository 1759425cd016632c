import Foundation
import Testing
import TestSupport

/// The bad-input corpus: each case breaks the mini fixture in one way a
/// spreadsheet or a text editor allows, and must produce a located
/// diagnostic with the expected code, file and line, exit 1 (never a crash:
/// no status ≥ 128), and leave a previous output folder byte-identical.
/// docs/diagnostics.md lists the codes.
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
        let result = try CommandRunner.genSite(["build", Repository.fixture("mini"), "-o", out, "--no-search-index"])
        guard result.status == 0 else { throw ExampleSiteTests.BuildFailed(stderr: result.stderr) }
        return (out, Tree.read(out))
    }

    static let cases: [BadInput] = BadInputCorpus.cases

    @Test(arguments: cases) func eachFaultIsLocatedAndNothingIsWritten(_ input: BadInput) throws {
        let previous = try Self.previous.get()
        let content = try Fixture.write(input.files, base: Repository.fixture("mini"))
        try input.setup?(content)
        let out = try Fixture.temporaryFolder() + "/public"
        try Fixture.copyTree(from: previous.path, to: out)
        let result = try CommandRunner.genSite(["build", content, "-o", out, "--no-search-index", "--format", "json"])
        #expect(result.status == 1, "exit status \(result.status)\n\(result.stderr)")
        #expect(result.status < 128, "crashed")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)\n\(result.stderr)")
        let diagnostics = json["diagnostics"] as? [[String: Any]] ?? []
        let match = diagnostics.first { d in
            d["code"] as? String == input.code && (d["file"] as? String).map { $0 == content + "/" + input.file || $0 == input.file || $0.hasSuffix("/" + input.file) } == true
                && (input.line == nil || d["line"] as? Int == input.line)
        }
        #expect(match != nil, "expected \(input.code) at \(input.file):\(input.line.map(String.init) ?? "-"), got:\n\(diagnostics.map { "\($0["file"] ?? ""):\($0["line"] ?? ""):\($0["column"] ?? "") \($0["code"] ?? "") \($0["message"] ?? "")" }.joined(separator: "\n"))")
        #expect(Tree.differences(previous.tree, Tree.read(out)).isEmpty, "the previous output changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        #expect(leftovers == ["public"], "temporary folders left behind: \(leftovers)")
        // check renders the pages and checks their links even when the content has errors: never a crash.
        let check = try CommandRunner.genSite(["check", content, "--format", "json"])
        #expect(check.status == 1, "check exit status \(check.status)\n\(check.stderr)")
    }

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.cases.count >= 40)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}
