import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// The preview's rebuild: plan folders whose files did not change are not
/// decoded again, and what comes out is what a fresh run gives.
@Suite struct DecodeCacheTests {
    let day = Day(year: 2024, month: 6, day: 30)!

    @Test func unchangedPlansAreReusedAndTheResultIsTheSame() throws {
        let root = try Fixture.write("", base: Repository.fixture("progress"))
        let (first, _, cache) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: DecodeCache())
        #expect(cache.decodedPlanCount == (first?.plans.count ?? -1))
        let (again, _, unchanged) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: cache)
        #expect(unchanged.decodedPlanCount == 0)
        #expect(again?.plans.map(\.tasks.count) == first?.plans.map(\.tasks.count))

        // One task file changes: that plan alone is decoded, and the change shows.
        let tasks = root + "/plans/demo-2024/tasks.yaml"
        let text = try String(contentsOfFile: tasks, encoding: .utf8)
        try text.replacingOccurrences(of: "no: 1\n", with: "no: 1\n    remarks: 新的备注\n").write(toFile: tasks, atomically: false, encoding: .utf8)
        let (changed, diagnostics, next) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: unchanged)
        #expect(next.decodedPlanCount == 1)
        let fresh = ContentPipeline.run(contentRoot: root, buildDate: day, today: day)
        #expect(changed?.plan(PlanID("demo-2024"))?.tasks.first?.remarks?.zh == "新的备注")
        #expect(changed?.plans.map(\.tasks) == fresh.0?.plans.map(\.tasks))
        #expect(diagnostics.sorted.map(\.code) == fresh.1.sorted.map(\.code))

        // The resolved plans (reused for unchanged plans) are those of a fresh run, also after a
        // unit is renamed and its aliases change, which every plan's resolution depends on.
        #expect(changed?.plans == fresh.0?.plans)
        #expect(changed?.progress == fresh.0?.progress)
        let units = root + "/units.yaml"
        let unitText = try String(contentsOfFile: units, encoding: .utf8)
        try unitText.replacingOccurrences(of: "short: {zh: 消防站, en: Fire Station}", with: "short: {zh: 消防救援站, en: Fire and Rescue Station}\n  aliases: [消防站]")
            .write(toFile: units, atomically: false, encoding: .utf8)
        let (renamed, _, _) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: next)
        let freshRenamed = ContentPipeline.run(contentRoot: root, buildDate: day, today: day)
        #expect(renamed?.plans == freshRenamed.0?.plans)
        #expect(renamed?.units == freshRenamed.0?.units)
        #expect(renamed?.units != changed?.units)
    }

    /// A plan that stops decoding keeps reporting its error on every rebuild, from the cache.
    @Test func diagnosticsComeBackFromTheCache() throws {
        let root = try Fixture.write("""
            -- plans/demo-2024/tasks.yaml --
            tasks:
              - no: 1
                title: 任务
                responsible: [demo-committee]
                due: 2024-02-30
            """, base: Repository.fixture("mini"))
        let (_, first, cache) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: DecodeCache())
        let (_, second, next) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: cache)
        #expect(next.decodedPlanCount == 0)
        #expect(first.sorted.map(\.code).contains("invalid-date"))
        #expect(second.sorted.map(\.code) == first.sorted.map(\.code))
    }
}
