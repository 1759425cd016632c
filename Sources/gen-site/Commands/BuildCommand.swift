import ArgumentParser
import Foundation
import SiteBuild
import SiteModel
import SiteRender

/// `gen-site build`: validates, renders and writes the site; writes nothing when there are errors.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder (replaced atomically; untouched on errors)."
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: [.short, .customLong("output")], help: "The output folder.")
    var output: String = "public"

    @Option(name: .customLong("base-url"), help: "Override site.yaml's base_url.")
    var baseURL: String?

    @Option(name: .long, help: "The default theme folder (normally found automatically).")
    var templates: String?

    @Option(name: .customLong("build-date"), help: "The date statuses and overdue tasks are computed at (YYYY-MM-DD; default: site.yaml build_date, else today).")
    var buildDate: String?

    @Flag(name: .long, help: "Print how long each stage took (load, theme, support files, render and write, swap).")
    var timings = false

    @Flag(name: .long, help: "Render pages one at a time (for comparing with the parallel build).")
    var singleThreaded = false

    @Flag(name: .long, help: "Do not write the search index (the search page then links the lists instead).")
    var noSearchIndex = false

    @Flag(name: .long, help: "Include plans, notices and pages marked draft: true.")
    var drafts = false

    @Flag(name: .long, help: "Write into an existing folder gen-site did not make, replacing what is in it (hidden files such as .git, CNAME, _headers and _redirects are kept).")
    var force = false

    @Option(name: .long, help: "Diagnostics format: text, json or github.")
    var format: String = "text"

    func validate() throws {
        guard DiagnosticPrinter.Format(rawValue: format) != nil else {
            throw ValidationError("unknown format \"\(format)\": use text, json or github")
        }
        if let buildDate, Day(iso: buildDate) == nil {
            throw ValidationError("--build-date must be a real day written YYYY-MM-DD")
        }
        if let baseURL, !(baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://")) {
            throw ValidationError("--base-url must be an absolute http(s) URL")
        }
    }

    func run() throws {
        let printer = DiagnosticPrinter(format: DiagnosticPrinter.Format(rawValue: format) ?? .text, contentRoot: content)
        let started = Date()
        let result = SiteBuild(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), drafts: drafts,
                               options: BuildOptions(baseURL: baseURL, searchIndex: !noSearchIndex), parallel: !singleThreaded)
            .build(output: output, takeOver: force)
        let report = printer.render(result.diagnostics)
        if printer.format == .text { Terminal.err(report) } else { Terminal.out(report) }
        guard let pages = result.pageCount else {
            Terminal.err("gen-site build: \(result.diagnostics.errorCount) error(s); nothing was written\n")
            throw ExitCode(1)
        }
        let seconds = Date().timeIntervalSince(started)
        if timings {
            let stages = result.timings.map { "\($0.stage) \(String(format: "%.3f", $0.seconds)) s" }.joined(separator: ", ")
            Terminal.err("gen-site build: stages: \(stages)\n")
        }
        Terminal.err("gen-site build: \(pages) pages, \(result.fileCount) files → \(output) (\(String(format: "%.2f", seconds)) s)\n")
        if noSearchIndex {
            Terminal.err("gen-site build: search index skipped (--no-search-index)\n")
        }
        // The site is written: the process ends here, leaving the model to the kernel instead of
        // freeing it value by value (`result.retained`; compilers end the same way).
        withExtendedLifetime(result) { Foundation.exit(0) }
    }
}
