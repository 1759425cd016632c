import ArgumentParser
import Foundation
import SiteModel
import SiteRender

/// `gen-site check`: validates the content and prints every diagnostic.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the content and report every problem with its file, line and column."
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "Output format: text, json (stable, for CI) or github (workflow annotations).")
    var format: String = "text"

    @Option(name: .long, help: "The default theme folder (normally found automatically).")
    var templates: String?

    @Option(name: .customLong("build-date"), help: "The date overdue tasks are computed at (YYYY-MM-DD).")
    var buildDate: String?

    @Flag(name: .long, help: "Also list the English pages whose text is still (partly) Chinese.")
    var translations = false

    @Flag(name: .long, help: "Also run the checks of the national website inspection a static site can answer (docs/inspection.md), as warnings, and print a summary.")
    var inspection = false

    @Option(name: [.short, .customLong("output")], help: "Also check that `build -o` could write this folder.")
    var output: String?

    @Flag(name: .long, help: "With -o: as build --force would.")
    var force = false

    @Flag(name: .long, help: "Also ask every http(s) link to another site whether it answers (warnings; answers kept a week in .gen-site/link-cache.json).")
    var external = false

    @Option(name: .customLong("link-timeout"), help: "With --external: seconds to wait for each answer.")
    var linkTimeout: Double = 10

    func validate() throws {
        guard DiagnosticPrinter.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format \"\(format)\": use text, json or github")
        }
        if let buildDate, Day(iso: buildDate) == nil {
            throw ValidationError("--build-date must be a real day written YYYY-MM-DD")
        }
        guard linkTimeout > 0, linkTimeout <= 600 else {
            throw ValidationError("--link-timeout must be between 0 and 600 seconds")
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter(format: DiagnosticPrinter.Format(rawValue: format) ?? .text, contentRoot: content)
        var externalCheck: ExternalLinkCheck?
        if external {
            externalCheck = ExternalLinkCheck(cachePath: ".gen-site/link-cache.json", now: Date())
            externalCheck?.timeout = linkTimeout
        }
        var diagnostics = Build.check(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), external: externalCheck)
        if let output, let refusal = SiteWriter(outputPath: output, contentRoot: content, takeOver: force).refusal() {
            diagnostics.append(Build.writeFailed(output, refusal))
        }
        var inspected: SiteInspection.Report?
        if inspection && !diagnostics.hasErrors {
            inspected = Build.inspect(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), found: diagnostics)
            diagnostics.append(contentsOf: inspected?.diagnostics ?? [])
        }
        if printer.format == .text && diagnostics.isEmpty {
            Terminal.err("gen-site check: \(content): no problems\n")
        }
        let report = printer.render(diagnostics)
        if printer.format == .text { Terminal.err(report) } else { Terminal.out(report) }
        if printer.format == .text && !diagnostics.isEmpty {
            Terminal.err("gen-site check: \(diagnostics.errorCount) error(s), \(diagnostics.warningCount) warning(s)\n")
        }
        if let inspected { Terminal.err(inspected.summary + "\n") }
        if inspection && inspected == nil { Terminal.err("gen-site check --inspection: not run: the content has errors\n") }
        diagnostics = Diagnostics(diagnostics.items)
        if translations && !diagnostics.hasErrors {
            let pending = Build.translationPending(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)))
            Terminal.out("translation pending on \(pending.count) English page(s):\n")
            for route in pending { Terminal.out("  /\(PageAddress(route, .en).path)\n") }
        }
        throw ExitCode(diagnostics.hasErrors ? 1 : 0)
    }
}
