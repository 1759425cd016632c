import Foundation
import Testing
import TestSupport

/// `check --format json` is what CI scripts parse: its shape is pinned by a
/// golden file (Golden/check.json), documented in docs/diagnostics.md.
@Suite struct DiagnosticsFormatTests {
    @Test func jsonOutputMatchesTheGoldenFile() throws {
        let content = try Fixture.write("""
            -- plans/demo-2024/tasks.yaml --
            tasks:
              - no: 1
                title: "任务 <b>"
                responsible: [no-such-unit]
                due: 2024-02-30
                colour: red
            """, base: Repository.fixture("mini"))
        let result = try CommandRunner.run(CommandRunner.genSite, ["check", ".", "--format", "json"], directory: content)
        #expect(result.status == 1)
        if let diff = Golden.compare(result.stdout, to: Repository.path("Tests/GenSiteTests/Golden/check.json")) {
            Issue.record(Comment(rawValue: diff))
        }
    }
}

/// Files of a site's own templates are named once, under the content folder as
/// given on the command line, relative or not, wherever gen-site runs.
@Suite struct TemplatePathTests {
    @Test func siteTemplatesAreNamedOnceUnderTheContentFolderAsGiven() throws {
        let parent = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: Repository.fixture("mini"), to: parent + "/ct")
        try FileManager.default.createDirectory(atPath: parent + "/ct/templates", withIntermediateDirectories: true)
        try "{{#x}}\n".write(toFile: parent + "/ct/templates/home.mustache", atomically: true, encoding: .utf8)
        try Data([0xFF, 0xFE, 0x20]).write(to: URL(fileURLWithPath: parent + "/ct/templates/unit.mustache"))
        let text = try CommandRunner.genSite(["check", "ct"], directory: parent)
        #expect(text.status == 1)
        #expect(text.stderr.contains("\nct/templates/home.mustache:2:1: error[template-syntax]") || text.stderr.hasPrefix("ct/templates/home.mustache:2:1:"),
                "\(text.stderr)")
        #expect(text.stderr.contains("ct/templates/unit.mustache:1:1: error[invalid-encoding]"), "\(text.stderr)")
        #expect(!text.stderr.contains("ct/ct/"), "\(text.stderr)")
        // From another folder, with the path to it: the same files, named by that path.
        let github = try CommandRunner.genSite(["check", (parent as NSString).lastPathComponent + "/ct", "--format", "github"],
                                               directory: (parent as NSString).deletingLastPathComponent)
        let name = (parent as NSString).lastPathComponent
        #expect(github.stdout.contains("::error file=\(name)/ct/templates/home.mustache,line=2,col=1,title=template-syntax::"), "\(github.stdout)")
        #expect(!github.stdout.contains("ct/\(name)") && !github.stdout.contains("ct/ct/"), "\(github.stdout)")
    }
}
