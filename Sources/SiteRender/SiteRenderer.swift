import Foundation
import SiteModel

/// The render stage: `(ResolvedSite, Theme, BuildOptions) → [OutputFile]`.
/// Every page is a function of the context and its address, rendered in
/// parallel (`concurrentMap`, results in job order), so the output never depends on timing.
public enum SiteRenderer {
    /// More pages than this is refused before any is rendered: the 100,000-page benchmark builds in
    /// about a minute in half a gigabyte; a site several times larger is content gone wrong.
    public static let maximumPages = 250_000

    /// An error when the site has more than `maximumPages` pages, at the content folder.
    public static func pageLimit(_ context: RenderContext) -> Diagnostic? {
        let count = pageAddresses(context).count
        guard count > maximumPages else { return nil }
        return .error(.tooManyPages, at: SourceLocation(file: "."),
                      "页面过多 (the site would have \(count) pages, more than \(maximumPages))",
                      hint: "check for lists that grew by mistake; a large city's site has tens of thousands of pages")
    }

    /// Renders the pages in batches and hands each file to `sink` as soon as it is made
    /// (from several threads at once), so that a large site is never all in memory; the
    /// translation-status pages come last. Returns the pages' diagnostics, in page order.
    /// Each page is handed to `links` too, to be scanned on the thread that rendered it.
    /// `alongside`: other work (writing the site-wide files), done one item after another on a
    /// thread of its own while the pages render, and finished before this returns: the cores
    /// never wait for it, and only one of the large files (the open data, the sitemap) is in
    /// memory at a time.
    public static func renderStreaming(_ context: RenderContext, parallel: Bool = true, batch: Int = 512, links: LinkCheck? = nil,
                                       alongside: [@Sendable () -> Void] = [],
                                       into sink: @Sendable (OutputFile) -> Void) -> Diagnostics {
        let others = DispatchGroup()
        if !parallel {
            for work in alongside { work() }
        } else if !alongside.isEmpty {
            DispatchQueue.global().async(group: others) { for work in alongside { work() } }
        }
        let jobs = pageAddresses(context)
        var diagnostics = PageDiagnostics()
        var pending: [PageRoute] = []
        var start = 0
        while start < jobs.count {
            let end = min(start + batch, jobs.count)
            let results = jobs[start..<end].concurrentMap(parallel: parallel) { address -> (diagnostics: [Diagnostic], pending: Bool) in
                let page = renderPage(address, context)
                sink(page.file)
                links?.add(page)
                return (page.diagnostics, page.translationPending)
            }
            for (offset, result) in results.enumerated() {
                diagnostics.append(result.diagnostics)
                if result.pending && jobs[start + offset].language == .en { pending.append(jobs[start + offset].route) }
            }
            start = end
        }
        others.wait()
        for page in translationStatusPages(context, pending: pending) {
            sink(page.file)
            links?.add(page)
        }
        var found = diagnostics.collected
        // What a skeleton left is published by this stage: a preview renders it, a build refuses it.
        found.append(contentsOf: context.site.unfinished)
        return found
    }

    /// Every page rendered from a template but the translation status (which lists
    /// the pages found pending among these), in a fixed order.
    public static func pageAddresses(_ context: RenderContext) -> [PageAddress] {
        allRoutes(context.site).filter { $0 != .translationStatus }.flatMap { route in context.languages.map { PageAddress(route, $0) } }
    }

    /// The translation-status page in each language, listing `pending`.
    public static func translationStatusFiles(_ context: RenderContext, pending: [PageRoute]) -> [OutputFile] {
        translationStatusPages(context, pending: pending).map(\.file)
    }

    /// The same, with what each page took from content (for the link check).
    static func translationStatusPages(_ context: RenderContext, pending: [PageRoute]) -> [RenderedPage] {
        guard allRoutes(context.site).contains(.translationStatus) else { return [] }
        return context.languages.map { language in
            let page = TranslationStatusPage.view(context, pending: pending, language)
            return RenderedPage(file: OutputFile(path: PageAddress(.translationStatus, language).outputPath,
                                                 bytes: context.theme.renderBytes(page.template, page.view)),
                                diagnostics: [], translationPending: false, template: page.template, sources: page.sources)
        }
    }

    /// Everything else: the not-found page, sitemap, robots.txt, feeds, open data,
    /// the theme's assets and the plans' attachments.
    public static func supportFiles(_ context: RenderContext) -> [OutputFile] {
        staticFiles(context) + generatedFiles(context)
    }

    /// The not-found page, the theme's assets and the plans' attachments.
    public static func staticFiles(_ context: RenderContext) -> [OutputFile] {
        var files: [OutputFile] = []
        files.append(OutputFile(path: "404.html", bytes: context.theme.renderBytes("404", NotFoundPage.view(context))))
        for (path, data) in context.theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: .data(data)))
        }
        for plan in context.site.plans {
            for attachment in plan.attachments {
                files.append(OutputFile(path: "plans/\(plan.id.rawValue)/attachments/\(attachment.file)",
                                        contents: .copy(attachment.sourcePath)))
                // The original's bytes as they are, and beside them its text as UTF-8 with a BOM.
                if let text = attachment.readableText, let copy = attachment.readableCopyName,
                   !plan.attachments.contains(where: { $0.file == copy }) {
                    files.append(OutputFile(path: "plans/\(plan.id.rawValue)/attachments/\(copy)",
                                            contents: .data(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8))))
                }
            }
        }
        return files
    }

    /// What is made from the whole site: sitemap, robots.txt, feeds and open data — each made
    /// when it is written (`OutputFile.Contents.made`), so that listing them costs nothing.
    public static func generatedFiles(_ context: RenderContext) -> [OutputFile] {
        [OutputFile(path: "sitemap.xml", contents: .made { Data(Sitemap.xml(routes: allRoutes(context.site), context: context).utf8) }),
         OutputFile(path: "robots.txt", contents: .made { Data(Sitemap.robots(context: context).utf8) })]
            + Feeds.files(context) + OpenData.files(context)
    }

    /// The English pages that show some Chinese text in place of a missing translation.
    public static func translationPending(_ context: RenderContext) -> [PageRoute] {
        allRoutes(context.site).filter { $0 != .translationStatus }.filter { route in
            pageView(PageAddress(route, .en), context).map { isTranslationPending($0.view) } == true
        }
    }

    public struct RenderedPage: Sendable {
        public var file: OutputFile
        public var diagnostics: [Diagnostic]
        public var translationPending: Bool
        /// The template it was rendered with, and what it took from content (for the link check).
        public var template: String = ""
        public var sources = PageSources()
    }

    /// Every page route, in a fixed order.
    public static func allRoutes(_ site: ResolvedSite) -> [PageRoute] {
        var routes: [PageRoute] = [.home, .plans, .units, .hazards, .data, .report, .search, .translationStatus]
        if site.statistics != nil { routes.append(.statistics) }
        routes += (1...NoticeListPage.pageCount(site)).map { PageRoute.notices($0) }
        routes += site.notices.map { .notice($0.slug) }
        routes += site.pages.filter { $0.slug != "report" }.map { .page($0.slug) }
        for plan in site.plans { routes += self.routes(of: plan) }
        routes += site.units.map { .unit($0.id) }
        return routes
    }

    /// A plan's own pages: the plan, its progress dashboard, its tasks.
    public static func routes(of plan: Plan) -> [PageRoute] {
        [.plan(plan.id), .progress(plan.id)] + plan.tasks.map { .task(plan.id, $0.number) }
    }

    /// Renders one page in one language.
    public static func renderPage(_ address: PageAddress, _ context: RenderContext) -> RenderedPage {
        guard let page = pageView(address, context) else {
            return RenderedPage(file: OutputFile(path: address.outputPath, text: ""), diagnostics: [], translationPending: false)
        }
        return RenderedPage(file: OutputFile(path: address.outputPath, bytes: context.theme.renderBytes(page.template, page.view)),
                            diagnostics: page.sources.diagnostics,
                            translationPending: isTranslationPending(page.view),
                            template: page.template, sources: page.sources)
    }

    /// Whether some text on the page is shown in the other language (the layout's `translation_pending`).
    static func isTranslationPending(_ view: TemplateObject) -> Bool {
        if case .bool(true)? = view[.translation_pending] { true } else { false }
    }

    /// A page's template, view and sources, before rendering; nil for a route that does not exist.
    /// The problems of a page's Markdown texts travel in its sources.
    public static func pageView(_ address: PageAddress, _ context: RenderContext) -> PageView? {
        let site = context.site
        let language = address.language
        switch address.route {
        case .home:
            return HomePage.view(context, language)
        case .plans:
            return PlanListPage.view(context, language)
        case .plan(let id):
            guard let plan = site.plan(id) else { return nil }
            return PlanPage.view(context, plan, language)
        case .task(let id, let number):
            guard let plan = site.plan(id), let task = site.task(id, number) else { return nil }
            return TaskPage.view(context, plan, task, language)
        case .progress(let id):
            guard let plan = site.plan(id) else { return nil }
            return ProgressPage.view(context, plan, language)
        case .hazards:
            return HazardsPage.view(context, language)
        case .data:
            return DataPage.view(context, language)
        case .statistics:
            guard site.statistics != nil else { return nil }
            return StatisticsPage.view(context, language)
        case .report:
            return ReportPage.view(context, language)
        case .notices(let number):
            guard number >= 1, number <= NoticeListPage.pageCount(site) else { return nil }
            return NoticeListPage.view(context, pageNumber: number, language)
        case .notice(let slug):
            guard let notice = site.notices.first(where: { $0.slug == slug }) else { return nil }
            return ArticlePage.view(context, notice, address.route, language)
        case .page(let slug):
            guard let article = site.page(slug) else { return nil }
            return ArticlePage.view(context, article, address.route, language)
        case .search:
            return SearchPage.view(context, language)
        case .translationStatus:
            return TranslationStatusPage.view(context, pending: translationPending(context), language)
        case .units:
            return UnitListPage.view(context, language)
        case .unit(let id):
            guard let unit = site.unit(id) else { return nil }
            return UnitPage.view(context, unit, language)
        }
    }
}
