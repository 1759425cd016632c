import ArgumentParser
import Foundation
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
        let result = Build.run(content: content, output: output, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)),
                               options: BuildOptions(baseURL: baseURL, searchIndex: !noSearchIndex), parallel: !singleThreaded,
                               drafts: drafts, takeOver: force)
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

/// The build shared by the commands: the stages in the order they run.
enum Build {
    struct Result {
        var diagnostics: Diagnostics
        /// Nil when nothing was written.
        var pageCount: Int?
        var fileCount: Int
        /// Wall time of each stage that ran, in order.
        var timings: [(stage: String, seconds: Double)] = []
        /// The model, the support files and the writer's session, which the command leaves to
        /// the end of the process rather than free them (a tenth of a rebuild at city scale).
        var retained: Any? = nil
    }

    /// Runs `body`, appending its wall time under `stage`.
    static func timed<T>(_ stage: String, _ timings: inout [(stage: String, seconds: Double)], _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// `external`: also ask every http(s) link to another site whether it answers (warnings).
    static func check(content: String, templates: String?, buildDate: Day?, external: ExternalLinkCheck? = nil) -> Diagnostics {
        var diagnostics = Diagnostics()
        // Drafts too: check validates and renders everything.
        let (site, found) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today(), drafts: true)
        diagnostics.append(contentsOf: found)
        let (theme, themeDiagnostics) = loadTheme(content: content, templates: templates)
        diagnostics.append(contentsOf: themeDiagnostics)
        // The pages are rendered, and their links checked, even when the content has errors: one run
        // shows every problem (a link to a plan withheld for its errors says so).
        if let site, let theme {
            let context = RenderContext(site: site, theme: theme)
            if let tooMany = SiteRenderer.pageLimit(context) {
                diagnostics.append(tooMany)
            } else {
                let (renderDiagnostics, links) = SiteRenderer.check(context, collectsExternal: external != nil)
                diagnostics.append(contentsOf: renderDiagnostics)
                if let external { diagnostics.append(contentsOf: external.check(links).diagnostics) }
            }
        }
        return diagnostics
    }

    /// The English pages showing Chinese text, as the translation-status page lists them.
    static func translationPending(content: String, templates: String?, buildDate: Day?) -> [PageRoute] {
        let (site, _) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today())
        let (theme, _) = loadTheme(content: content, templates: templates)
        guard let site, let theme else { return [] }
        return SiteRenderer.translationPending(RenderContext(site: site, theme: theme))
    }

    static func run(content: String, output: String, templates: String?, buildDate: Day?, options: BuildOptions,
                    parallel: Bool, drafts: Bool = false, takeOver: Bool = false) -> Result {
        var diagnostics = Diagnostics()
        var timings: [(stage: String, seconds: Double)] = []
        func failed() -> Result { Result(diagnostics: diagnostics, pageCount: nil, fileCount: 0, timings: timings) }
        func writeFailed(_ error: any Error) -> Result {
            diagnostics.append(Build.writeFailed(output, "\(error)"))
            return failed()
        }
        // The output's lock, and a scan of its staging folder while the content loads.
        let writer = SiteWriter(outputPath: output, contentRoot: content, takeOver: takeOver)
        let prefetched = writer.prefetch()
        // load → validate → resolve
        let (site, found) = timed("load", &timings) {
            ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: Build.today(), drafts: drafts)
        }
        diagnostics.append(contentsOf: found)
        let (theme, themeDiagnostics) = timed("theme", &timings) { loadTheme(content: content, templates: templates) }
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let site, let theme, !diagnostics.hasErrors else { return failed() }
        // render → write: the pages are written as they are rendered (a large site is never all
        // in memory) into the staging folder, which is swapped in only when nothing went wrong.
        let context = RenderContext(site: site, theme: theme, options: options)
        if let tooMany = SiteRenderer.pageLimit(context) {
            diagnostics.append(tooMany)
            return failed()
        }
        let support = timed("support files", &timings) { SiteRenderer.supportFiles(context) }
        let search = options.searchIndex ? SearchIndex(context) : nil
        let paths = timed("paths", &timings) { SiteRenderer.outputPaths(context, supportFiles: support) + (search?.paths ?? []) }
        let session: SiteWriter.Session
        do {
            session = try timed("staging", &timings) { try writer.begin(paths: paths, prefetched: prefetched) }
        } catch {
            return writeFailed(error)
        }
        let links = LinkCheck(context, paths: paths, draftSeverity: drafts ? .warning : .error)
        let renderDiagnostics = timed("render and write", &timings) {
            DispatchQueue.concurrentPerform(iterations: support.count) { session.write(support[$0]) }
            links.add(supportFiles: support)
            return SiteRenderer.renderStreaming(context, parallel: parallel, links: links) { file in
                session.write(file)
                search?.add(file, write: session.write)
            }
        }
        if let search {
            let files = timed("search index", &timings) { search.finish() }
            DispatchQueue.concurrentPerform(iterations: files.count) { session.write(files[$0]) }
        }
        diagnostics.append(contentsOf: renderDiagnostics)
        diagnostics.append(contentsOf: timed("links", &timings) { links.finish() })
        timings.append(("link scan (CPU, summed over threads)", links.scanSeconds))
        guard !diagnostics.hasErrors else {
            session.cancel()
            return failed()
        }
        do {
            try timed("swap", &timings) {
                try session.finish()
            }
        } catch {
            return writeFailed(error)
        }
        let pageCount = paths.count { $0.hasSuffix(".html") }
        return Result(diagnostics: diagnostics, pageCount: pageCount, fileCount: paths.count,
                      timings: timings, retained: (context, support, paths, session, search as Any))
    }

    /// The output folder could not be written: at the folder, as given.
    static func writeFailed(_ output: String, _ reason: String) -> Diagnostic {
        .error(.writeFailed, at: SourceLocation(file: URL(fileURLWithPath: output).standardizedFileURL.path),
               "无法写入输出目录 (cannot write the output): \(reason)")
    }

    /// Today in the local calendar: the only place gen-site reads the clock.
    static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 1970, month: 1, day: 1)!
    }

    static func loadTheme(content: String, templates: String?) -> (Theme?, Diagnostics) {
        guard let folders = ThemeLocator.folders(contentRoot: content, explicit: templates) else {
            return (nil, Diagnostics([.error(.missingTheme, at: SourceLocation(file: "Templates"),
                                             "找不到默认模板 (default templates not found)",
                                             hint: "run from the gen-site checkout, or pass --templates DIR or set GEN_SITE_TEMPLATES")]))
        }
        return Theme.load(from: folders)
    }
}
