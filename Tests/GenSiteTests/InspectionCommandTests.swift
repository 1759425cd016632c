import Testing
import TestSupport

/// `gen-site check --inspection content` on the example site: its warnings, each with what to
/// do, and the summary line; exit 0 (warnings only).
@Suite struct InspectionCommandTests {
    @Test func theExampleSitesInspection() throws {
        let result = try CommandRunner.genSite(["check", Repository.content, "--inspection"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let summary = try #require(lines.last { $0.hasPrefix("gen-site check --inspection:") }, "\(result.stderr)")
        // At 30 September 2025 the newest notice and plan are of 10 September 2024; pages/report.md has
        // no date; no government office runs the example, so site.yaml gives no identity to show.
        #expect(summary.hasPrefix("gen-site check --inspection: 7 checks, 5 warning(s) (home page updated 1, pages with a date 1, empty columns 0, columns updated 2, disclosed within 20 working days 0, site identity 1, broken links 0)"), "\(summary)")
        for code in ["inspection-home-stale", "inspection-undated-page", "inspection-column-stale", "inspection-identity-missing"] {
            #expect(result.stderr.contains("warning[\(code)]"), "\(code)")
        }
        #expect(result.stderr.contains("content/pages/report.md:1:1: warning[inspection-undated-page]"))
        // Without --inspection, none of it.
        let plain = try CommandRunner.genSite(["check", Repository.content])
        #expect(!plain.stderr.contains("inspection"))
    }
}
