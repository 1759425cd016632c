import Foundation
import SiteModel
import Testing
import TestSupport
@testable import SiteSheets

/// Responsibility lists: every example plan's tasks.yaml comes back byte for byte
/// through .xlsx and .csv, and an office's own list (merged cells, chapter rows,
/// a header over two rows, columns of its own) is read without inventing or losing.
@Suite struct TaskSheetTests {
    static let example: ResolvedSite? = {
        ContentPipeline.run(contentRoot: Repository.content, buildDate: nil, today: Day(year: 2025, month: 9, day: 30)!).0
    }()

    static func run(_ data: Data, file: String, plan: Plan, site: ResolvedSite, existing: String? = nil) -> TasksImport.Outcome {
        let area = plan.issuer?.id.flatMap { site.unit($0)?.area?.zh }
        return TasksImport.run(file: file, data: data, plan: plan, directory: site.directory, area: area, existingText: existing)
    }

    @Test(arguments: ["putuo-2022", "chedun-2023", "lvxiang-2024-2026"], [false, true])
    func exampleListsComeBackByteForByte(_ id: String, _ csv: Bool) throws {
        let site = try #require(Self.example)
        let plan = try #require(site.plan(PlanID(id)))
        let original = try String(contentsOfFile: Repository.path("content/plans/\(id)/tasks.yaml"), encoding: .utf8)
        let data = try TaskSheetExport.data(TaskSheet(plan: plan, directory: site.directory), csv: csv)
        let outcome = Self.run(data, file: "\(id).\(csv ? "csv" : "xlsx")", plan: plan, site: site, existing: original)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        #expect(outcome.newUnitsYAML.isEmpty, "every unit is found again by the name the list writes")
        let text = try #require(outcome.tasksYAML)
        if text != original {
            let a = original.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("tasks.yaml differs at line \((first?.offset ?? min(a.count, b.count)) + 1): \(first.map { "\($0.element.0)\n→ \($0.element.1)" } ?? "length")")
        }
        #expect(outcome.notes.contains("tasks added: none; removed: none; changed: none"), "\(outcome.notes)")
    }

    /// An office's list: a title row, a header over two rows (责任单位 across 牵头 | 配合), a chapter row
    /// merged across the table, a leader merged down over two tasks, a task merged down over two rows,
    /// a deadline in words, 全年, a column of its own, and a unit the site does not know.
    static func officeList() -> Worksheet {
        var sheet = Worksheet(name: "附件")
        sheet.append([.text("示例镇2024年安全生产重点工作责任清单")])
        sheet.merges.append(CellRange(CellAddress(row: 1, column: 1), CellAddress(row: 1, column: 8)))
        sheet.append([.text("序 号"), .text("工作内容"), .text("责任领导"), .text("责任单位"), .empty(), .text("完成时限"), .text("工作要求"), .text("督办科室")])
        sheet.append([.empty(), .empty(), .empty(), .text("牵头单位"), .text("配合单位")])
        sheet.merges.append(CellRange(CellAddress(row: 2, column: 4), CellAddress(row: 2, column: 5)))
        sheet.append([.text("一、压实责任（小计2项）")])
        sheet.merges.append(CellRange(CellAddress(row: 4, column: 1), CellAddress(row: 4, column: 8)))
        sheet.append([.text("1"), .text("学习法律法规"), .text("张 三"), .text("镇安委会"), .text("派出所、各村（居）"), .text("2024年6月底前"), .text("组织专题学习。"), .text("一科")])
        sheet.append([.text("2、"), .text("消防安全检查"), .empty(), .text("消防站"), .text("镇城管中队"), .text("全年"), .text("每季度检查一次。"), .empty()])
        sheet.merges.append(CellRange(CellAddress(row: 5, column: 3), CellAddress(row: 6, column: 3)))
        sheet.append([.text("二、整治隐患")])
        sheet.append([SheetCell(.number(3)), .text("整治电动自行车违规充电"), .text("李四、王五"), .text("派出所"), .empty(), SheetCell(.date(Day(iso: "2024-12-31")!), .date), .text("（1）排查。")])
        sheet.append([.empty(), .empty(), .empty(), .empty(), .text("消防站"), .empty(), .text("（2）整治。")])
        sheet.merges += [CellRange(CellAddress(row: 8, column: 1), CellAddress(row: 9, column: 1)),
                         CellRange(CellAddress(row: 8, column: 2), CellAddress(row: 9, column: 2))]
        sheet.append([])
        sheet.append([.text("注：本清单由镇安委办负责解释。")])
        return sheet
    }

    @Test func anOfficesOwnListIsReadAsItStands() throws {
        let (mini, diagnostics) = ContentPipeline.run(contentRoot: Repository.fixture("mini"), buildDate: nil, today: Day(year: 2024, month: 9, day: 30)!)
        #expect(!diagnostics.hasErrors)
        let site = try #require(mini)
        let plan = try #require(site.plan(PlanID("demo-2024")))
        let data = try XLSXWriter.data([Self.officeList()], title: "x")
        let outcome = Self.run(data, file: "清单.xlsx", plan: plan, site: site)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let text = try #require(outcome.tasksYAML)
        #expect(text == """
            # Imported from 清单.xlsx by gen-site import tasks.
            groups:
              - id: group-1
                title: "一、压实责任（小计2项）"
              - id: part-2
                title: {zh: "二、整治隐患", en: "II. Hazards"}
            tasks:
              - no: 1
                group: group-1
                title: "学习法律法规"
                leaders: ["张三"]
                lead: [demo-committee]
                cooperating: [demo-police, demo-villages]
                requirements:
                  zh: |-
                    组织专题学习。
                due: 2024-06-30  # 完成时限：2024年6月底前
                remarks: "督办科室：一科"
              - no: 2
                group: group-1
                title: "消防安全检查"
                leaders: ["张三"]
                lead: [demo-fire]
                cooperating: [demo-2024-unit-1]
                requirements:
                  zh: |-
                    每季度检查一次。
                remarks: "完成时限：全年"
              - no: 3
                group: part-2
                title: "整治电动自行车违规充电"
                leaders: ["李四", "王五"]
                lead: [demo-police]
                cooperating: [demo-fire]
                requirements:
                  zh: |-
                    （1）排查。
                    （2）整治。
                due: 2024-12-31

            """)
        #expect(outcome.newUnitsYAML.contains("- id: demo-2024-unit-1\n  name: \"镇城管中队\""))
        #expect(outcome.notes.contains("not read: 清单.xlsx!附件!A1: 示例镇2024年安全生产重点工作责任清单"), "\(outcome.notes)")
        #expect(outcome.notes.contains("not read: 清单.xlsx!附件!A11: 注：本清单由镇安委办负责解释。"), "\(outcome.notes)")
    }

    @Test func listsThatCannotBeReadWithoutGuessingAreRefused() throws {
        let site = try #require(Self.example)
        let plan = try #require(site.plan(PlanID("chedun-2023")))
        func problems(_ rows: [[SheetCell]]) throws -> [String] {
            var sheet = Worksheet(name: "S")
            sheet.append([.text("序号"), .text("重点任务"), .text("责任单位")])
            for row in rows { sheet.append(row) }
            let outcome = Self.run(try XLSXWriter.data([sheet], title: "x"), file: "l.xlsx", plan: plan, site: site)
            #expect(outcome.tasksYAML == nil)
            return outcome.diagnostics.sorted.filter { $0.severity == .error }.map { "\($0.location) \($0.code)" }
        }
        #expect(try problems([[.empty(), .text("没有序号的任务")]]).first == "l.xlsx!S!A2 missing-value")
        #expect(try problems([[.text("1"), .text("甲")], [.text("1"), .text("乙")]]).first == "l.xlsx!S!A3 duplicate-task")
        #expect(try problems([[.text("1"), .empty(), .text("镇应急办")]]).first == "l.xlsx!S!B2 missing-value")
        // Chedun's reports name tasks 1–12: a list without them is refused at the report's lines.
        #expect(try problems([[.text("1"), .text("甲")]]).first?.hasPrefix("plans/chedun-2023/progress/2023-12.yaml:") == true)
        var notAList = Worksheet(name: "S")
        notAList.append([.text("姓名"), .text("电话")])
        let outcome = Self.run(try XLSXWriter.data([notAList], title: "x"), file: "c.xlsx", plan: plan, site: site)
        #expect(outcome.diagnostics.items.map(\.code).contains("not-a-list"))
    }

    @Test func aListThatNumbersAgainUnderEachChapterGetsChapterRowNumbers() throws {
        let (mini, _) = ContentPipeline.run(contentRoot: Repository.fixture("mini"), buildDate: nil, today: Day(year: 2024, month: 9, day: 30)!)
        let site = try #require(mini)
        let plan = try #require(site.plan(PlanID("demo-2024")))
        var sheet = Worksheet(name: "S")
        sheet.append([.text("序号"), .text("重点任务"), .text("责任单位")])
        sheet.append([.text("一、压实责任")])
        sheet.append([.text("1"), .text("甲"), .text("派出所")])
        sheet.append([.text("二、整治隐患")])
        sheet.append([.text("1"), .text("乙"), .text("派出所")])
        let outcome = Self.run(try XLSXWriter.data([sheet], title: "x"), file: "l.xlsx", plan: plan, site: site)
        #expect(outcome.tasks.map(\.number.rawValue) == ["1-1", "2-1"], "\(outcome.diagnostics.sorted)")
    }
}
