import ArgumentParser
import Foundation
import SiteModel
import SiteSheets

/// `gen-site import progress FILE... --plan ID --period YYYY-MM [-o CONTENT]`: the
/// units' filled-in forms become the period's progress report, all or nothing.
struct ImportProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import progress",
        abstract: "Merge the units' filled-in progress forms (.xlsx or .csv) into plans/<id>/progress/<YYYY-MM>.yaml.",
        discussion: """
            Every problem of every form is reported at its cell (吕巷镇安办.xlsx!进展填报!I7: …) and
            nothing is written until there is none. A report that exists is replaced only with
            --force; its lines for tasks no form answers, its indicators and its comments are kept.
            """
    )

    @Argument(help: "The filled-in forms.")
    var files: [String]

    @Option(name: .long, help: "The plan's id.")
    var plan: String

    @Option(name: .long, help: "The reporting period, YYYY-MM.")
    var period: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The content folder to write into.")
    var content: String = "content"

    @Option(name: .customLong("as-of"), help: "The report's date (YYYY-MM-DD; default: the latest date the forms give).")
    var asOf: String?

    @Flag(name: .long, help: "Replace the period's report if there is one.")
    var force = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one form") }
        guard ReportPeriod(period) != nil else { throw ValidationError("--period must be a month written YYYY-MM") }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of must be a real day written YYYY-MM-DD") }
    }

    func run() throws {
        guard let period = ReportPeriod(period) else { throw ExitCode(2) }
        guard let site = SheetContent.load(content, command: "import progress"),
              let plan = SheetContent.plan(plan, in: site, content: content, command: "import progress") else { throw ExitCode(1) }
        let folder = "plans/\(plan.id)/progress"
        let reportPath = "\(folder)/\(period).yaml"
        let fm = FileManager.default
        var existing: ProgressReportText.Existing?
        if fm.fileExists(atPath: "\(content)/\(reportPath)") {
            guard force else {
                Terminal.err("gen-site import progress: \(content)/\(reportPath) exists; use --force to replace it (its lines for tasks no form answers are kept; nothing was written)\n")
                throw ExitCode(1)
            }
            if let text = try? String(contentsOfFile: "\(content)/\(reportPath)", encoding: .utf8),
               let report = plan.reports.first(where: { $0.period == period.description }) {
                existing = ProgressReportText.Existing(text: text, report: report)
            }
        }
        var others: [SourceFile] = []
        for name in ((try? fm.contentsOfDirectory(atPath: "\(content)/\(folder)")) ?? []).sorted() where name.hasSuffix(".yaml") {
            if let text = try? String(contentsOfFile: "\(content)/\(folder)/\(name)", encoding: .utf8) {
                others.append(SourceFile(path: "\(folder)/\(name)", text: text))
            }
        }
        var inputs: [(path: String, data: Data)] = []
        var unreadable = Diagnostics()
        for file in files {
            guard let data = fm.contents(atPath: file) else {
                unreadable.append(.error(.unreadableFile, at: SourceLocation(file: file), "无法读取文件 (cannot read the file)"))
                continue
            }
            inputs.append((file, data))
        }
        var outcome = ProgressImport.run(files: inputs, plan: plan, directory: site.directory, period: period,
                                         asOf: asOf.flatMap(Day.init(iso:)), replacing: existing, reportPath: reportPath,
                                         otherReports: others)
        outcome.diagnostics.append(contentsOf: unreadable)
        let cells = Diagnostics(outcome.diagnostics.items.filter { $0.location.file != reportPath && !$0.location.file.hasPrefix(folder + "/") })
        let report = Diagnostics(outcome.diagnostics.items.filter { $0.location.file == reportPath || $0.location.file.hasPrefix(folder + "/") })
        SheetContent.printSheets(cells)
        Terminal.err(DiagnosticPrinter(format: .text, contentRoot: content).render(report))
        guard let text = outcome.text, let merged = outcome.merged, !outcome.diagnostics.hasErrors else {
            Terminal.err("gen-site import progress: \(outcome.diagnostics.errorCount) error(s) in \(files.count) form(s); nothing was written\n")
            throw ExitCode(1)
        }
        for note in merged.notes { Terminal.out("note: \(note)\n") }
        try fm.createDirectory(atPath: "\(content)/\(folder)", withIntermediateDirectories: true)
        try SheetContent.write(Data(text.utf8), to: "\(content)/\(reportPath)")
        let kept = outcome.kept.isEmpty ? "" : "; kept from the old report: task(s) \(outcome.kept.map(\.rawValue).joined(separator: ", "))"
        Terminal.out("wrote \(content)/\(reportPath): \(merged.updates.count) task(s) from \(merged.forms.count) form(s), as of \(merged.asOf)\(kept)\n")
    }
}
