import Foundation
import SiteModel

/// The render stage: `(ResolvedSite, Theme, BuildOptions) → [OutputFile]`.
/// Every page is a function of the context and its address, rendered in
/// parallel into slots indexed by job, so the output never depends on timing.
public enum SiteRenderer {
    public static func render(_ context: RenderContext, parallel: Bool = true) -> ([OutputFile], Diagnostics) {
        let routes = allRoutes(context.site)
        let jobs = routes.flatMap { route in context.languages.map { PageAddress(route, $0) } }
        var results = [(OutputFile, [Diagnostic])?](repeating: nil, count: jobs.count)
        if parallel && jobs.count > 1 {
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = SendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                    slots.set(index, renderPage(jobs[index], context))
                }
            }
        } else {
            for index in jobs.indices { results[index] = renderPage(jobs[index], context) }
        }
        var diagnostics = Diagnostics()
        var files: [OutputFile] = []
        files.reserveCapacity(jobs.count + 8)
        for result in results {
            guard let (file, pageDiagnostics) = result else { continue }
            files.append(file)
            diagnostics.append(contentsOf: pageDiagnostics)
        }
        files.append(OutputFile(path: "404.html", text: context.theme.render("404", NotFoundPage.view(context))))
        files.append(OutputFile(path: "sitemap.xml", text: Sitemap.xml(routes: routes, context: context)))
        files.append(OutputFile(path: "robots.txt", text: Sitemap.robots(context: context)))
        files += OpenData.files(context)
        for (path, data) in context.theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append(OutputFile(path: path, contents: .data(data)))
        }
        for plan in context.site.plans {
            for attachment in plan.attachments {
                files.append(OutputFile(path: "plans/\(plan.id.rawValue)/attachments/\(attachment.file)",
                                        contents: .copy(attachment.sourcePath)))
            }
        }
        return (files, diagnostics)
    }

    /// Every page route, in a fixed order.
    public static func allRoutes(_ site: ResolvedSite) -> [PageRoute] {
        var routes: [PageRoute] = [.home, .plans, .units, .hazards, .data]
        if site.statistics != nil { routes.append(.statistics) }
        for plan in site.plans {
            routes.append(.plan(plan.id))
            routes.append(.progress(plan.id))
            routes += plan.tasks.map { .task(plan.id, $0.number) }
        }
        routes += site.units.map { .unit($0.id) }
        return routes
    }

    /// Renders one page in one language.
    public static func renderPage(_ address: PageAddress, _ context: RenderContext) -> (OutputFile, [Diagnostic]) {
        guard let page = pageView(address, context) else { return (OutputFile(path: address.outputPath, text: ""), []) }
        return (OutputFile(path: address.outputPath, text: context.theme.render(page.template, page.view)), page.diagnostics)
    }

    /// A page's template name and view model, before rendering; nil for a route that does not exist.
    public static func pageView(_ address: PageAddress, _ context: RenderContext)
        -> (template: String, view: [String: Any], diagnostics: [Diagnostic])? {
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
            guard let plan = site.plan(id), let task = plan.task(number) else { return nil }
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
        case .units:
            return ("units", UnitListPage.view(context, language), [])
        case .unit(let id):
            guard let unit = site.unit(id) else { return nil }
            return ("unit", UnitPage.view(context, unit, language), [])
        }
    }
}

/// Lets concurrent iterations fill distinct slots of one buffer.
struct SendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    func set(_ index: Int, _ value: Element) { buffer[index] = value }
}
