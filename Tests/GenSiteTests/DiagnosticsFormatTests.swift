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
