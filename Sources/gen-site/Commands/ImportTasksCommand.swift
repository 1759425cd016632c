import ArgumentParser
import Foundation
import SiteModel
import SiteSheets

/// `gen-site import tasks FILE.xlsx --plan ID [-o CONTENT] [--force]`: a
/// responsibility list kept as a sheet becomes the plan's tasks.yaml.
struct ImportTasksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import tasks",
        abstract: "Read a responsibility list (.xlsx or .csv) into plans/<id>/tasks.yaml and new units.",
        discussion: """
            Columns are known by their headers (序号, 任务/工作内容, 牵头领导, 牵头单位/责任单位, 配合单位,
            完成时限, 工作要求, 备注, in any order); merged cells are read. Units not in units.yaml are
            appended to it as <plan-id>-unit-N. The plan must exist (gen-site import FILE.txt or gen-site new plan);
            a tasks.yaml that differs is replaced only with --force, keeping its comments at the top.
            Every problem is reported at its cell and nothing is written until there is none.
            """
    )

    @Argument(help: "The responsibility list.")
    var file: String

    @Option(name: .long, help: "The plan's id.")
    var plan: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The content folder to write into.")
    var content: String = "content"

    @Flag(name: .long, help: "Replace the plan's tasks.yaml when it differs.")
    var force = false

    func run() throws {
        guard let site = SheetContent.load(content, command: "import tasks"),
              let plan = SheetContent.plan(plan, in: site, content: content, command: "import tasks") else { throw ExitCode(1) }
        let fm = FileManager.default
        guard let data = fm.contents(atPath: file) else {
            Terminal.err("gen-site import tasks: cannot read \(file)\n")
            throw ExitCode(1)
        }
        let tasksPath = "\(content)/plans/\(plan.id)/tasks.yaml"
        let existing = try? String(contentsOfFile: tasksPath, encoding: .utf8)
        let area = plan.issuer?.id.flatMap { site.unit($0)?.area?.zh }
        let outcome = TasksImport.run(file: file, data: data, plan: plan, directory: site.directory, area: area, existingText: existing)
        let sheets = Diagnostics(outcome.diagnostics.items.filter { $0.location.sheet != nil || $0.location.file == file })
        let others = Diagnostics(outcome.diagnostics.items.filter { !($0.location.sheet != nil || $0.location.file == file) })
        SheetContent.printSheets(sheets)
        Terminal.err(DiagnosticPrinter(format: .text, contentRoot: content).render(others))
        guard let text = outcome.tasksYAML, !outcome.diagnostics.hasErrors else {
            Terminal.err("gen-site import tasks: \(outcome.diagnostics.errorCount) error(s); nothing was written\n")
            throw ExitCode(1)
        }
        for note in outcome.notes { Terminal.out("note: \(note)\n") }
        if let existing, existing != text, !force {
            Terminal.err("gen-site import tasks: \(tasksPath) exists and differs; use --force to replace it (nothing was written)\n")
            throw ExitCode(1)
        }
        if !outcome.newUnitsYAML.isEmpty {
            let unitsPath = "\(content)/units.yaml"
            var units = (try? String(contentsOfFile: unitsPath, encoding: .utf8)) ?? ""
            if units.trimmingCharacters(in: .whitespacesAndNewlines) == "[]" { units = "" }
            if !units.isEmpty && !units.hasSuffix("\n") { units += "\n" }
            try SheetContent.write(Data((units + outcome.newUnitsYAML).utf8), to: unitsPath)
        }
        try SheetContent.write(Data(text.utf8), to: tasksPath)
        let units = outcome.newUnits.isEmpty ? "" : "; \(outcome.newUnits.count) new unit(s) in \(content)/units.yaml"
        Terminal.out("wrote \(tasksPath): \(outcome.tasks.count) task(s)\(units)\n")
    }
}
