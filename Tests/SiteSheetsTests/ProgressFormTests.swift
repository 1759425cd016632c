import Foundation
import SiteModel
import Testing
import TestSupport
@testable import SiteSheets

/// Progress forms: what a unit's form holds, and the merge of filled-in forms into
/// one report, all or nothing, every problem at its cell. Forms are filled here by
/// changing the written sheet's cells (LibreOffice fills them in GenSiteTests).
@Suite struct ProgressFormTests {
    static func mini() throws -> ResolvedSite {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: Repository.fixture("mini"), buildDate: nil,
                                                      today: Day(year: 2024, month: 9, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        return try #require(site)
    }

    static func form(_ site: ResolvedSite, unit: String?, period: String = "2024-06") throws -> ProgressForm {
        let plan = try #require(site.plan(PlanID("demo-2024")))
        return ProgressForm(plan: plan, unit: unit.flatMap { site.unit(UnitID($0)) }, period: try #require(ReportPeriod(period)))
    }

    /// The form's sheets with answers put in: task number → (status, percent, note) as typed.
    static func filled(_ form: ProgressForm, _ answers: [String: (String?, SheetCell.Value, String?)], asOf: SheetCell.Value? = nil,
                       edit: (inout Worksheet) -> Void = { _ in }) throws -> Data {
        var sheets = form.worksheets
        for (index, row) in sheets[0].rows.enumerated() {
            guard case .text(let key) = row.first?.value, let task = key.split(separator: "#").last,
                  let answer = answers[String(task)] else { continue }
            sheets[0].rows[index][8] = .text(answer.0 ?? "")
            sheets[0].rows[index][9] = SheetCell(answer.1)
            sheets[0].rows[index][10] = .text(answer.2 ?? "")
        }
        if let asOf { sheets[0].rows[4][3] = SheetCell(asOf, .inputDate) }
        edit(&sheets[0])
        return try XLSXWriter.data(sheets, title: "t")
    }

    static func run(_ files: [(String, Data)], _ site: ResolvedSite, period: String = "2024-06") throws -> ProgressImport.Outcome {
        let plan = try #require(site.plan(PlanID("demo-2024")))
        return ProgressImport.run(files: files.map { (path: $0.0, data: $0.1) }, plan: plan, directory: site.directory,
                                  period: try #require(ReportPeriod(period)), asOf: nil, replacing: nil,
                                  reportPath: "plans/demo-2024/progress/\(period).yaml", otherReports: [])
    }

    @Test func aUnitsFormListsItsTasksWithTheirLastReport() throws {
        let site = try Self.mini()
        let police = try Self.form(site, unit: "demo-police")
        #expect(police.rows.map(\.task.number.rawValue) == ["2", "3"])
        #expect(police.rows.map(\.role) == [.cooperating, .responsible])
        #expect(try Self.form(site, unit: "demo-fire").rows.map(\.task.number.rawValue) == ["2"], "the lead written by its alias")
        #expect(try Self.form(site, unit: nil).rows.count == 3, "without a unit, every task")
        let sheets = try XLSXReader.read(try XLSXWriter.data(police.worksheets, title: "t"), file: "派出所.xlsx")
        #expect(sheets.map(\.name) == ["进展填报", "填表说明 Instructions"])
        let form = sheets[0]
        #expect(form.hiddenColumns == [1], "the key column is hidden")
        #expect(form.text(row: 7, column: 1) == "demo-2024#2")
        #expect(form.text(row: 4, column: 4) == "2024-06")
        #expect(form.text(row: 5, column: 4) == "2024-06-30", "as of: the period's last day, a date cell")

        // The last report before the period: 2024-03's line for task 3, not 2024-06's own.
        var plan = try #require(site.plan(PlanID("demo-2024")))
        let location = SourceLocation(file: "x")
        plan.reports = [
            ProgressReport(period: "2024-03", asOf: Day(iso: "2024-03-31")!, updates: [TaskUpdate(task: TaskNumber("3"), status: .delayed, percent: 20, note: BilingualText(zh: "进度滞后"), location: location)], location: location),
            ProgressReport(period: "2024-06", asOf: Day(iso: "2024-06-30")!, updates: [TaskUpdate(task: TaskNumber("3"), status: .done, location: location)], location: location),
        ]
        let last = ProgressForm.lastReported(plan, before: ReportPeriod("2024-06")!)
        #expect(last[TaskNumber("3")]?.status == .delayed)
        #expect(last[TaskNumber("3")]?.percent == 20)
    }

    @Test func filledFormsMergeIntoOneReport() throws {
        let site = try Self.mini()
        let police = try Self.filled(try Self.form(site, unit: "demo-police"), [
            "2": ("已完成", .number(100), "配合检查12次"),
            "3": ("推进中", .text("60%"), "已排查\n第二批"),
        ])
        let fire = try Self.filled(try Self.form(site, unit: "demo-fire"), ["2": ("推进中", .number(80), "检查了30家")],
                                   asOf: .date(Day(iso: "2024-07-05")!))
        let outcome = try Self.run([("派出所.xlsx", police), ("消防站.xlsx", fire)], site)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let text = try #require(outcome.text)
        #expect(text == """
            # 2024-06: merged by gen-site import progress from 2 form(s): 派出所.xlsx (demo-police), 消防站.xlsx (demo-fire)
            as_of: 2024-07-05
            updates:
              - task: 2
                status: in_progress
                percent: 80
                note:
                  zh: |-
                    消防站：检查了30家
                    派出所：配合检查12次
              - task: 3
                status: in_progress
                percent: 60
                note:
                  zh: |-
                    已排查
                    第二批

            """, "task 2: the lead's answer (the police only cooperate), both notes; as of the latest form's date")
        let notes = outcome.merged?.notes ?? []
        #expect(notes.contains { $0.hasPrefix("task 2: 消防站 推进中 80%, 派出所 已完成 100% → 推进中 80%") }, "\(notes)")
    }

    @Test func unitsThatCarryATaskTogetherRollUp() throws {
        var site = try Self.mini()
        // Task 2 with two lead units that disagree.
        let index = try #require(site.plans.firstIndex { $0.id == PlanID("demo-2024") })
        site.plans[index].tasks[1].lead.append(UnitReference(written: "demo-police", location: SourceLocation(file: ""), id: UnitID("demo-police")))
        site.reindex()
        let police = try Self.filled(try Self.form(site, unit: "demo-police"), ["2": ("已完成", .number(100), nil)])
        let fire = try Self.filled(try Self.form(site, unit: "demo-fire"), ["2": ("滞后", .number(40), nil)])
        let outcome = try Self.run([("p.xlsx", police), ("f.xlsx", fire)], site)
        #expect(outcome.merged?.updates.first == ProgressMerger.Update(task: TaskNumber("2"), status: .delayed, percent: 40, note: nil))
        let done = try Self.filled(try Self.form(site, unit: "demo-fire"), ["2": ("已完成", .number(100), nil)])
        let both = try Self.run([("p.xlsx", police), ("f.xlsx", done)], site)
        #expect(both.merged?.updates.first?.status == .done, "done when every unit says so")
    }

    /// Marks each expected problem with its cell: the test fails on a missing one, an extra one, or one elsewhere.
    static func problems(_ outcome: ProgressImport.Outcome) -> [String] {
        outcome.diagnostics.sorted.filter { $0.severity == .error }.map { "\($0.location) \($0.code)" }
    }

    @Test func badFormsGiveLocatedErrorsAndNoReport() throws {
        let site = try Self.mini()
        let form = try Self.form(site, unit: "demo-police")
        let bad = try Self.filled(form, ["2": ("进行中", .number(50), nil), "3": (nil, .number(120), "x")], asOf: .text("2024/6/30"))
        let noKey = try Self.filled(try Self.form(site, unit: nil), ["2": ("推进中", .empty, nil)]) { sheet in
            for index in sheet.rows.indices where !sheet.rows[index].isEmpty { sheet.rows[index].removeFirst() }
        }
        let otherPlan = try Self.filled(try Self.form(site, unit: "demo-fire"), ["2": ("推进中", .empty, nil)]) { sheet in
            sheet.rows[1][3] = .text("putuo-2022")
        }
        let outcome = try Self.run([("bad.xlsx", bad), ("nokey.xlsx", noKey), ("other.xlsx", otherPlan)], site)
        #expect(outcome.text == nil, "nothing to write")
        #expect(Self.problems(outcome) == [
            "bad.xlsx!进展填报!D5 invalid-date",
            "bad.xlsx!进展填报!I7 invalid-value",
            "bad.xlsx!进展填报!I8 missing-status",
            "bad.xlsx!进展填报!J8 percent-out-of-range",
            "nokey.xlsx!进展填报!A6 missing-column",
            "other.xlsx!进展填报!D2 wrong-plan",
        ])
        let message = outcome.diagnostics.items.first { $0.code == "invalid-value" }?.message ?? ""
        #expect(message.hasPrefix("status \"进行中\" is not one of 未启动, 推进中, 滞后, 已完成"), "\(message)")
    }

    @Test func formsThatDoNotFitThePlanOrPeriodAreRefused() throws {
        let site = try Self.mini()
        let police = try Self.form(site, unit: "demo-police")
        let a = try Self.filled(police, ["3": ("推进中", .empty, nil)])
        let twice = try Self.run([("a.xlsx", a), ("b.xlsx", a)], site)
        #expect(Self.problems(twice) == ["b.xlsx!进展填报!D3 duplicate-form"])
        let may = try Self.filled(try Self.form(site, unit: "demo-police", period: "2024-05"), ["3": ("推进中", .empty, nil)])
        #expect(Self.problems(try Self.run([("may.xlsx", may)], site)) == ["may.xlsx!进展填报!D4 wrong-period"])
        let early = try Self.filled(police, ["3": ("推进中", .empty, nil)], asOf: .date(Day(iso: "2024-05-31")!))
        #expect(Self.problems(try Self.run([("early.xlsx", early)], site)) == ["early.xlsx!进展填报!D5 report-date-mismatch"])
        let added = try Self.filled(police, [:]) { sheet in
            sheet.append([.empty(), .text("99"), .text("新任务"), .empty(), .empty(), .empty(), .empty(), .empty(), .text("推进中")])
            sheet.append([.empty(), .text("填表人：张三")])
        }
        let outcome = try Self.run([("added.xlsx", added)], site)
        #expect(Self.problems(outcome) == ["added.xlsx!进展填报!A9 missing-key"])
    }

    @Test func aFormThroughCSVReadsTheSame() throws {
        let site = try Self.mini()
        var sheets = try Self.form(site, unit: "demo-police").worksheets
        sheets[0].rows[6][8] = .text("滞后")
        sheets[0].rows[6][10] = .text("原因：天气")
        let outcome = try Self.run([("p.csv", CSVTable.write(sheets[0]))], site)
        #expect(outcome.merged?.updates == [ProgressMerger.Update(task: TaskNumber("2"), status: .delayed, percent: nil, note: "原因：天气")])
        #expect(outcome.merged?.notes == ["p.csv: 1 task(s) left blank"])
    }
}
