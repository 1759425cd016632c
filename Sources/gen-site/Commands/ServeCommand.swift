import ArgumentParser
import Foundation
import SiteBuild
import SiteModel

/// `gen-site serve [CONTENT] [--port N]`: a local preview on 127.0.0.1. The
/// site is built in memory, the same bytes a build writes; when a file of the
/// content or the theme changes it is built again, only the pages that depend
/// on the change are rendered again, and the open pages among them reload
/// (assets/site.js polls /__gen-site/version when a response carries the Server-Timing entry gen-site-serve). Content
/// errors are printed and the last good site stays on screen.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on 127.0.0.1 and rebuild it when a file changes."
    )

    @Argument(help: "The content folder.")
    var content: String = "content"

    @Option(name: .long, help: "The port on 127.0.0.1.")
    var port: Int = 8000

    @Option(name: .long, help: "The default theme folder (normally found automatically).")
    var templates: String?

    @Option(name: .customLong("build-date"), help: "The date statuses are computed at (YYYY-MM-DD).")
    var buildDate: String?

    @Flag(name: .long, help: "Leave out drafts (shown by default in the preview).")
    var noDrafts = false

    @Option(name: .customLong("host"), help: "A host name the preview answers to besides localhost, 127.0.0.1 and [::1] (repeatable).")
    var hosts: [String] = []

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
        if let buildDate, Day(iso: buildDate) == nil { throw ValidationError("--build-date must be a real day written YYYY-MM-DD") }
    }

    func run() throws {
        let log: @Sendable (String) -> Void = { Terminal.err($0 + "\n") }
        let printer = DiagnosticPrinter(format: .text, contentRoot: content)
        // GEN_SITE_SERVE_TIMINGS: how long each rebuild's stages took, and each generation of the site-wide files.
        let timed = ProcessInfo.processInfo.environment["GEN_SITE_SERVE_TIMINGS"] != nil
        let timings: @Sendable (String) -> Void = { line in if timed { log(line) } }
        let state = PreviewState(timings: timings)
        let builder = PreviewBuilder(SiteBuild(content: content, templates: templates, buildDate: buildDate.flatMap(Day.init(iso:)), drafts: !noDrafts),
                                     log: log, report: { Terminal.err(printer.render($0)) }, timings: timings)
        let first = builder.scan()
        if !builder.rebuild(into: state, files: first) {
            Terminal.err("gen-site serve: fix the errors above and save; watching \(content)\n")
        }
        try serve(state)
        builder.watch(into: state, from: first)
    }

    func serve(_ state: PreviewState) throws {
        let server: PreviewServer
        do {
            server = try PreviewServer(port: port, state: state, hosts: hosts)
        } catch {
            throw ValidationError(error.description)
        }
        Terminal.err("gen-site serve: http://127.0.0.1:\(port)/ (Ctrl-C to stop)\n")
        server.start()
    }
}
