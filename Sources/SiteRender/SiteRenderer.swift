import Foundation
import SiteModel

/// The render stage: `(ResolvedSite, Theme, BuildOptions) → [OutputFile]`.
/// Every page is a function of the context and its address, rendered in
/// parallel (`concurrentMap`, results in job order), so the output never depends on timing.
public enum SiteRenderer {
    public static func render(_ context: RenderContext, parallel: Bool = true) -> ([OutputFile], Diagnostics) {
        let jobs = pageAddresses(context)
        let results = jobs.concurrentMap(parallel: parallel) { renderPage($0, context) }
        var diagnostics = Diagnostics()
        var files: [OutputFile] = []
        files.reserveCapacity(jobs.count + 16)
        var pending: [PageRoute] = []
        for (index, result) in results.enumerated() {
            files.append(result.file)
            diagnostics.append(contentsOf: result.diagnostics)
            if result.translationPending && jobs[index].language == .en { pending.append(jobs[index].route) }
        }
        files += translationStatusFiles(context, pending: pending)
        files += supportFiles(context)
        return (files, diagnostics)
    }

    /// More pages than this is refused before any is rendered: the 100,000-page benchmark builds in
    /// about a minute in half a gigabyte; a site several times larger is content gone wrong.
    public static let maximumPages = 250_000

    /// An error when the site has more than `maximumPages` pages, at the content folder.
    public static func pageLimit(_ context: RenderContext) -> Diagnostic? {
        let count = pageAddresses(context).count
        guard count > maximumPages else { return nil }
        return .error("too-many-pages", at: SourceLocation(file: "."),
                      "页面过多 (the site would have \(count) pages, more than \(maximumPages))",
                      hint: "check for lists that grew by mistake; a large city's site has tens of thousands of pages")
    }

    /// Every output path the site has, pages and all (what `renderStreaming` will hand over).
    public static func outputPaths(_ context: RenderContext, supportFiles: [OutputFile]) -> [String] {
        var paths = pageAddresses(context).map(\.outputPath)
        if allRoutes(context.site).contains(.translationStatus) {
            paths += context.languages.map { PageAddress(.translationStatus, $0).outputPath }
        }
        return paths + supportFiles.map(\.path)
    }

    /// Renders the pages in batches and hands each file to `sink` as soon as it is made
    /// (from several threads at once), so that a large site is never all in memory; the
    /// translation-status pages come last. Returns the pages' diagnostics, in page order.
    public static func renderStreaming(_ context: RenderContext, parallel: Bool = true, batch: Int = 512,
                                       into sink: @Sendable (OutputFile) -> Void) -> Diagnostics {
        let jobs = pageAddresses(context)
        var diagnostics = Diagnostics()
        var pending: [PageRoute] = []
        var start = 0
        while start < jobs.count {
            let end = min(start + batch, jobs.count)
            let results = jobs[start..<end].concurrentMap(parallel: parallel) { address -> (diagnostics: [Diagnostic], pending: Bool) in
                let page = renderPage(address, context)
                sink(page.file)
                return (page.diagnostics, page.translationPending)
            }
            for (offset, result) in results.enumerated() {
                diagnostics.append(contentsOf: result.diagnostics)
                if result.pending && jobs[start + offset].language == .en { pending.append(jobs[start + offset].route) }
            }
            start = end
        }
        for file in translationStatusFiles(context, pending: pending) { sink(file) }
        return diagnostics
    }

    /// Every page rendered from a template but the translation status (which lists
    /// the pages found pending among these), in a fixed order.
    public static func pageAddresses(_ context: RenderContext) -> [PageAddress] {
        allRoutes(context.site).filter { $0 != .translationStatus }.flatMap { route in context.languages.map { PageAddress(route, $0) } }
    }

    /// The translation-status page in each language, listing `pending`.
    public static func translationStatusFiles(_ context: RenderContext, pending: [PageRoute]) -> [OutputFile] {
        guard allRoutes(context.site).contains(.translationStatus) else { return [] }
        return context.languages.map { language in
            let view = TranslationStatusPage.view(context, pending: pending, language)
            return OutputFile(path: PageAddress(.translationStatus, language).outputPath,
                              bytes: context.theme.renderBytes("translation-status", view))
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

    /// What is made from the whole site: sitemap, robots.txt, feeds and open data.
    public static func generatedFiles(_ context: RenderContext) -> [OutputFile] {
        // Four independent parts, made in parallel, joined in a fixed order.
        let parts: [@Sendable () -> [OutputFile]] = [
            { [OutputFile(path: "sitemap.xml", text: Sitemap.xml(routes: allRoutes(context.site), context: context))] },
            { [OutputFile(path: "robots.txt", text: Sitemap.robots(context: context))] },
            { Feeds.files(context) },
            { OpenData.files(context) },
        ]
        return parts.concurrentMap { $0() }.flatMap { $0 }
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
                            diagnostics: page.diagnostics,
                            translationPending: isTranslationPending(page.view))
    }

    /// Whether some text on the page is shown in the other language (the layout's `translation_pending`).
    static func isTranslationPending(_ view: TemplateObject) -> Bool {
        if case .bool(true)? = view[.translation_pending] { true } else { false }
    }

    /// A page's template name and view model, before rendering; nil for a route that does not exist.
    public static func pageView(_ address: PageAddress, _ context: RenderContext)
        -> (template: String, view: TemplateObject, diagnostics: [Diagnostic])? {
        let site = context.site
        let language = address.language
        switch address.route {
        case .home:
            return ("home", HomePage.view(context, language), [])
        case .plans:
            return ("plans", PlanListPage.view(context, language), [])
        case .plan(let id):
            guard let plan = site.plan(id) else { return nil }
            let (view, diagnostics) = PlanPage.view(context, plan, language)
            return ("plan", view, diagnostics)
        case .task(let id, let number):
            guard let plan = site.plan(id), let task = site.task(id, number) else { return nil }
            return ("task", TaskPage.view(context, plan, task, language), [])
        case .progress(let id):
            guard let plan = site.plan(id) else { return nil }
            return ("progress", ProgressPage.view(context, plan, language), [])
        case .hazards:
            return ("hazards", HazardsPage.view(context, language), [])
        case .data:
            return ("data", DataPage.view(context, language), [])
        case .statistics:
            guard site.statistics != nil else { return nil }
            return ("statistics", StatisticsPage.view(context, language), [])
        case .report:
            let (view, diagnostics) = ReportPage.view(context, language)
            return ("report", view, diagnostics)
        case .notices(let number):
            guard number >= 1, number <= NoticeListPage.pageCount(site) else { return nil }
            return ("notices", NoticeListPage.view(context, pageNumber: number, language), [])
        case .notice(let slug):
            guard let notice = site.notices.first(where: { $0.slug == slug }) else { return nil }
            let (view, diagnostics) = ArticlePage.view(context, notice, address.route, language)
            return ("article", view, diagnostics)
        case .page(let slug):
            guard let article = site.page(slug) else { return nil }
            let (view, diagnostics) = ArticlePage.view(context, article, address.route, language)
            return ("article", view, diagnostics)
        case .search:
            return ("search", SearchPage.view(context, language), [])
        case .translationStatus:
            return ("translation-status", TranslationStatusPage.view(context, pending: translationPending(context), language), [])
        case .units:
            return ("units", UnitListPage.view(context, language), [])
        case .unit(let id):
            guard let unit = site.unit(id) else { return nil }
            return ("unit", UnitPage.view(context, unit, language), [])
        }
    }
}
