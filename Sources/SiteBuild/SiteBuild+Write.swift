import Foundation
import SiteModel
import SiteRender

extension SiteBuild {
    /// What a build did.
    public struct Result {
        public var diagnostics: Diagnostics
        /// Nil when nothing was written.
        public var pageCount: Int?
        public var fileCount: Int
        /// Wall time of each stage that ran, in order.
        public var timings: Timings = []
        /// The model, the planned files and the writer's session, which the command leaves to
        /// the end of the process rather than free them (a tenth of a rebuild at city scale).
        public var retained: Any? = nil
    }

    /// The whole pipeline into `output`: nothing is written when there is an error, and the new
    /// site replaces the old in one step (SiteWriter). `takeOver`: `--force` on a folder gen-site
    /// did not make.
    public func build(output: String, takeOver: Bool = false) -> Result {
        var diagnostics = Diagnostics()
        var timings = Timings()
        func failed() -> Result { Result(diagnostics: diagnostics, pageCount: nil, fileCount: 0, timings: timings) }
        func writeFailed(_ error: any Error) -> Result {
            diagnostics.append(Self.writeFailed(output, "\(error)"))
            return failed()
        }
        // The output's lock, and a scan of its staging folder while the content loads.
        let writer = SiteWriter(outputPath: output, contentRoot: content, takeOver: takeOver)
        let prefetched = writer.prefetch()
        let (loaded, found) = load(timings: &timings)
        diagnostics.append(contentsOf: found)
        guard let context = loaded, !diagnostics.hasErrors else { return failed() }
        if let tooMany = SiteRenderer.pageLimit(context) {
            diagnostics.append(tooMany)
            return failed()
        }
        // render → write: the pages are written as they are rendered (a large site is never all
        // in memory) into the staging folder, which is swapped in only when nothing went wrong.
        let support = Self.timed("support files", &timings) { SiteRenderer.supportFiles(context) }
        let plan = Self.timed("paths", &timings) { OutputPlan(context, support: support, searchIndex: options.searchIndex) }
        let paths = plan.paths
        let session: SiteWriter.Session
        do {
            session = try Self.timed("staging", &timings) { try writer.begin(paths: paths, prefetched: prefetched) }
        } catch {
            return writeFailed(error)
        }
        let links = LinkCheck(context, paths: paths, draftSeverity: drafts ? .warning : .error)
        let search = plan.search
        let renderDiagnostics = Self.timed("render and write", &timings) {
            links.add(supportFiles: support)
            // The site-wide files are made and written on the threads that render the pages, first.
            return SiteRenderer.renderStreaming(context, parallel: parallel, links: links,
                                                alongside: support.map { file in { session.write(file) } }) { file in
                session.write(file)
                search?.add(file, write: session.write)
            }
        }
        if let search {
            let files = Self.timed("search index", &timings) { search.finish() }
            files.concurrentForEach { session.write($0) }
        }
        diagnostics.append(contentsOf: renderDiagnostics)
        diagnostics.append(contentsOf: Self.timed("links", &timings) { links.finish() })
        timings.append(("link scan (CPU, summed over threads)", links.scanSeconds))
        guard !diagnostics.hasErrors else {
            session.cancel()
            return failed()
        }
        do {
            try Self.timed("swap", &timings) { try session.finish() }
        } catch {
            return writeFailed(error)
        }
        return Result(diagnostics: diagnostics, pageCount: paths.count { $0.hasSuffix(".html") }, fileCount: paths.count,
                      timings: timings, retained: (context, plan, session))
    }
}
