import ArgumentParser
import Foundation
import SiteModel
import SiteSheets

/// `gen-site export tasks CONTENT --plan ID -o FILE.xlsx`: the responsibility list as a sheet.
struct ExportTasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tasks",
        abstract: "Write a plan's responsibility list (tasks.yaml) as .xlsx or .csv.",
        discussion: """
            序号, 重点任务, 牵头领导, 牵头单位, 责任单位, 配合单位, 完成时限, 工作要求, 备注, 行业领域 and
            节点安排, each chapter a row across the table; then the chapter ids and the English, which
            gen-site import tasks reads back into the same tasks.yaml. Indicators on a second sheet
            (in a CSV file, under the tasks after an empty row).
            """
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The plan's id.")
    var plan: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write (.xlsx or .csv).")
    var output: String

    func run() throws {
        guard let site = SheetContent.load(content, command: "export tasks"),
              let plan = SheetContent.plan(plan, in: site, content: content, command: "export tasks") else { throw ExitCode(1) }
        let sheet = TaskSheet(plan: plan, directory: site.directory)
        let data: Data
        do {
            data = try TaskSheetExport.data(sheet, csv: SheetFile.isCSV(output))
        } catch {
            Terminal.err("gen-site export tasks: \(error)\n")
            throw ExitCode(1)
        }
        try SheetContent.write(data, to: output)
        Terminal.out("wrote \(output): \(plan.tasks.count) task(s), \(plan.groups.count) chapter(s), \(plan.indicators.count) indicator(s) of \(plan.id)\n")
    }
}
