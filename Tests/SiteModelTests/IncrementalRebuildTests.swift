import Foundation
import Testing
import TestSupport
@testable import SiteModel
#if canImport(Glibc)
import Glibc
#endif

/// The preview's rebuild after a save reads only the files written, decodes only what they
/// feed, resolves only the plans that changed and patches the site's indexes: for everyday
/// edits, what comes out must be what a fresh run of the whole pipeline gives, value for value,
/// indexes and diagnostics included.
@Suite struct IncrementalRebuildTests {
    static let day = Day(year: 2030, month: 1, day: 1)!

    static func run(_ root: String, reusing cache: DecodeCache = DecodeCache(), written: Set<String>? = nil)
        -> (ResolvedSite?, Diagnostics, DecodeCache) {
        ContentPipeline.run(contentRoot: root, buildDate: nil, today: day, reusing: cache,
                            unchanged: { path in written.map { !$0.contains(path) } ?? false }, written: written)
    }

    @Test(arguments: ContentEdit.everyday) func anIncrementalRebuildIsAFreshOne(_ edit: ContentEdit) throws {
        let root = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: Repository.content, to: root)
        let (_, _, cache) = Self.run(root)
        try edit.apply(in: root)

        // Only the written file is read again (the rest of the load is the cache's).
        let last = try #require(cache.load)
        #expect(last.content.rereading([edit.file]) != nil)
        let (site, diagnostics, next) = Self.run(root, reusing: cache, written: [edit.file])
        let (fresh, freshDiagnostics, _) = Self.run(root)
        #expect(next.decodedPlanCount == (edit.file.hasPrefix("plans/") ? 1 : 0))
        #expect(next.resolution.patched == edit.patched)
        #expect(diagnostics.items == freshDiagnostics.items)
        Self.expectSame(try #require(site), try #require(fresh))
    }

    /// A plan whose plan.md cannot be read is left out, and its tasks are still checked against a
    /// stand-in: a save of its tasks.yaml, which reuses what plan.md gave, says the same as a fresh run.
    @Test func aPlanLeftOutForItsPlanFileStaysOutWhenItsTasksChange() throws {
        let root = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: Repository.content, to: root)
        let plan = root + "/plans/lvxiang-2024-2026/plan.md"
        let text = try String(contentsOfFile: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "issued: 2024-09-10", with: "issued: 2024-09-31").write(toFile: plan, atomically: false, encoding: .utf8)
        let (_, _, cache) = Self.run(root)
        let tasks = "plans/lvxiang-2024-2026/tasks.yaml"
        let tasksText = try String(contentsOfFile: root + "/" + tasks, encoding: .utf8)
        try tasksText.replacingOccurrences(of: "lead: [lvxiang-safety-committee-office]", with: "lead: [no-such-unit]")
            .write(toFile: root + "/" + tasks, atomically: false, encoding: .utf8)
        let (site, diagnostics, _) = Self.run(root, reusing: cache, written: [tasks])
        let (fresh, freshDiagnostics, _) = Self.run(root)
        #expect(diagnostics.items == freshDiagnostics.items)
        #expect(diagnostics.items.map(\.code).contains("invalid-date"))
        #expect(site?.leftOut == fresh?.leftOut)
        #expect(site?.plan(PlanID("lvxiang-2024-2026")) == nil)
    }

    /// A file the last load did not read cleanly, one that comes or goes, one that now has a
    /// problem or has become a link is not read on its own: the whole folder is loaded again.
    @Test func whatOnlyAFullLoadCanSayIsNotReadAlone() throws {
        let root = try Fixture.temporaryFolder()
        try Fixture.copyTree(from: Repository.content, to: root)
        let (_, _, cache) = Self.run(root)
        let last = try #require(cache.load).content
        let tasks = "plans/lvxiang-2024-2026/tasks.yaml"
        #expect(last.rereading([tasks]) != nil)
        #expect(last.rereading(["plans/lvxiang-2024-2026/progress/2031-01.yaml"]) == nil, "a file the load did not read")
        #expect(last.rereading(["templates/page.html"]) != nil, "templates/ is the theme's, not read by the load")
        // Written with a character no page may hold: a diagnostic, for the full load to give.
        let text = try String(contentsOfFile: root + "/" + tasks, encoding: .utf8)
        try (text + "# \u{7}\n").write(toFile: root + "/" + tasks, atomically: false, encoding: .utf8)
        #expect(last.rereading([tasks]) == nil)
        let (_, diagnostics, _) = Self.run(root, reusing: cache, written: [tasks])
        #expect(diagnostics.items.map(\.code).contains("invalid-character"))
        // Replaced by a link (to a copy inside the folder): the load's rules for links apply.
        try text.write(toFile: root + "/tasks-copy.yaml", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: root + "/" + tasks)
        #expect(symlink(root + "/tasks-copy.yaml", root + "/" + tasks) == 0)
        #expect(last.rereading([tasks]) == nil)
        try FileManager.default.removeItem(atPath: root + "/" + tasks)
        #expect(last.rereading([tasks]) == nil, "a file that is gone")
    }

    /// Everything a page reads from the resolved site, the indexes included.
    static func expectSame(_ a: ResolvedSite, _ b: ResolvedSite) {
        #expect(a.site == b.site)
        #expect(a.plans == b.plans)
        #expect(a.units == b.units)
        #expect(a.directory.units == b.directory.units)
        #expect(a.assignments == b.assignments)
        #expect(a.buildDate == b.buildDate)
        #expect(a.progress == b.progress)
        #expect(a.indicatorProgress == b.indicatorProgress)
        #expect(a.hazards == b.hazards)
        #expect(a.statistics == b.statistics)
        #expect(a.statisticsSummary == b.statisticsSummary)
        #expect(a.notices == b.notices)
        #expect(a.pages == b.pages)
        #expect(a.leftOut == b.leftOut)
        #expect(a.unfinished == b.unfinished)
        // The indexes the resolver patches from each plan's part are those `reindex()` makes.
        var reindexed = a
        reindexed.reindex()
        for site in [b, reindexed] {
            #expect(a.planIndex == site.planIndex)
            #expect(a.taskIndex == site.taskIndex)
            #expect(a.assignmentsByPlan.mapValues { $0.map(\.plan) } == site.assignmentsByPlan.mapValues { $0.map(\.plan) })
            #expect(a.assignmentsByPlan.mapValues { $0.map(\.assignments) } == site.assignmentsByPlan.mapValues { $0.map(\.assignments) })
        }
    }
}
