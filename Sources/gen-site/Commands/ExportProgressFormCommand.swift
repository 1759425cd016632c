import ArgumentParser
import Foundation
import SiteBuild
import SiteModel
import SiteSheets

/// `gen-site export progress-form CONTENT --plan ID [--unit UNIT] [--period YYYY-MM] -o FILE.xlsx`.
struct ExportProgressFormCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress-form",
        abstract: "Write the monthly progress form of a unit (or of every task) as .xlsx or .csv.",
        discussion: """
            One row per task the unit leads, is responsible for or cooperates on, with its number, title,
            due date and last reported status, percent and note; the status (a drop-down), percent and
            note of the period to fill in. Without --unit and with -o naming a folder (ending in /),
            one form per unit is written into it, named after the unit; without --unit and with a
            file, one form lists every task.
            """
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The plan's id.")
    var plan: String

    @Option(name: .long, help: "The unit that fills it in: its id, name, short name or an alias.")
    var unit: String?

    @Option(name: .long, help: "The reporting period, YYYY-MM (default: this month).")
    var period: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "The form to write (.xlsx or .csv), or a folder ending in /.")
    var output: String

    func validate() throws {
        if let period, ReportPeriod(period) == nil { throw ValidationError("--period must be a month written YYYY-MM") }
    }

    func run() throws {
        guard let site = SheetContent.load(content, command: "export progress-form"),
              let plan = SheetContent.plan(plan, in: site, content: content, command: "export progress-form") else { throw ExitCode(1) }
        let period = period.flatMap(ReportPeriod.init) ?? ReportPeriod(SiteBuild.today())
        let issuer = plan.issuer?.id.flatMap { site.unit($0) }.map { $0.short ?? $0.name }
        var isFolder: ObjCBool = false
        let toFolder = unit == nil && (output.hasSuffix("/") || (FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) && isFolder.boolValue))
        if toFolder {
            let forms = ProgressFormExport.perUnit(plan: plan, units: site.units, period: period, issuer: issuer)
            guard !forms.isEmpty else {
                Terminal.err("gen-site export progress-form: no task of \(plan.id) names a unit\n")
                throw ExitCode(1)
            }
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            for (name, form) in forms {
                let path = (output.hasSuffix("/") ? output : output + "/") + name + ".xlsx"
                try write(form, to: path)
            }
            return
        }
        var chosen: SiteModel.Unit?
        if let unit {
            switch site.directory.lookup(unit) {
            case .found(let id): chosen = site.unit(id)
            case .ambiguous(let ids):
                Terminal.err("gen-site export progress-form: \(unit) names several units: \(ids.map(\.rawValue).joined(separator: ", "))\n")
                throw ExitCode(2)
            case .unknown:
                Terminal.err("gen-site export progress-form: no unit \(unit) in \(content)/units.yaml\n")
                throw ExitCode(2)
            }
        }
        let form = ProgressForm(plan: plan, unit: chosen, period: period, issuer: issuer)
        if form.rows.isEmpty, let chosen {
            Terminal.err("gen-site export progress-form: \(chosen.id) has no task in \(plan.id)\n")
            throw ExitCode(1)
        }
        try write(form, to: output)
    }

    func write(_ form: ProgressForm, to path: String) throws {
        let data: Data
        do {
            data = try ProgressFormExport.data(form, csv: SheetFile.isCSV(path))
        } catch {
            Terminal.err("gen-site export progress-form: \(error)\n")
            throw ExitCode(1)
        }
        try SheetContent.write(data, to: path)
        let who = form.unit.map { " for \($0.id)" } ?? ""
        Terminal.out("wrote \(path): \(form.rows.count) task(s) of \(form.plan.id)\(who), \(form.period)\n")
    }
}
