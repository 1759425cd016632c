import Foundation
import Testing
import TestSupport
@testable import SiteModel

/// The progress page and the feeds read the tasks done at each report's date from one pass over
/// the reports; it must say what counting at each date would.
@Suite struct DoneCountsTests {
    @Test(arguments: ["progress", "example"])
    func oneCountingPassAgreesWithCountingAtEachDate(_ name: String) throws {
        let day = Day(year: 2026, month: 12, day: 1)!
        let root = name == "example" ? Repository.content : Repository.fixture(name)
        let (site, _, _) = ContentPipeline.run(contentRoot: root, buildDate: day, today: day, reusing: DecodeCache())
        let plans = try #require(site?.plans)
        #expect(plans.contains { !$0.reports.isEmpty })
        for plan in plans {
            let counts = ProgressTracker.doneCounts(of: plan)
            for report in plan.reports {
                #expect(counts[report.asOf] == Self.doneCount(of: plan, at: report.asOf), "\(plan.id) \(report.asOf)")
            }
        }
    }

    /// Counting at one date: the latest status on or before it of each task, from the reports in date order.
    static func doneCount(of plan: Plan, at date: Day) -> Int {
        var latest: [TaskNumber: TaskStatus] = [:]
        for report in plan.reports.filter({ $0.asOf <= date }).sorted(by: { $0.asOf < $1.asOf }) {
            for update in report.updates { latest[update.task] = update.status }
        }
        return plan.tasks.count { latest[$0.number] == .done }
    }

    @Test func aTaskReportedDoneThenReopenedIsNotCounted() throws {
        let here = SourceLocation(file: "plans/p/tasks.yaml", line: 1, column: 1)
        let june = Day(year: 2024, month: 6, day: 30)!, july = Day(year: 2024, month: 7, day: 31)!
        var plan = Plan(id: PlanID("p"), title: BilingualText(zh: "计划"), issued: june, status: .inForce,
                        body: MarkdownSource(text: "", file: "plans/p/plan.md", firstLine: 1), location: here)
        plan.tasks = ["1", "2"].map { PlanTask(number: TaskNumber($0), title: BilingualText(zh: $0), location: here) }
        plan.reports = [
            ProgressReport(period: "2024-07", asOf: july, updates: [TaskUpdate(task: TaskNumber("1"), status: .inProgress, location: here)], location: here),
            ProgressReport(period: "2024-06", asOf: june, updates: [TaskUpdate(task: TaskNumber("1"), status: .done, location: here),
                                                                     TaskUpdate(task: TaskNumber("2"), status: .done, location: here)], location: here),
        ]
        #expect(ProgressTracker.doneCounts(of: plan) == [june: 2, july: 1])
    }
}
