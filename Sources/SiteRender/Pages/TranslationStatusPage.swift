import SiteModel

/// `/translation-status/` (mainly `/en/translation-status/`): which English
/// pages still show Chinese text, found while rendering them (a page is
/// pending when any text on it fell back to Chinese), and per plan whether
/// its text and its tasks have English.
enum TranslationStatusPage {
    static func view(_ context: RenderContext, pending: [PageRoute], _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.translationStatus, language))
        let site = context.site
        var view = TemplateObject()
        view[.plans] = .objects(site.plans.map { plan in
            let translatedTasks = plan.tasks.count { $0.title.en != nil && ($0.requirements.map { $0.en != nil } ?? true) }
            return [.href: .text(page.href(.plan(plan.id))), .title_html: .html(page.inline(plan.title)),
                    .text: .text(page.t(plan.bodyEN != nil ? "translation_done" : "translation_missing")),
                    .text_done: .bool(plan.bodyEN != nil),
                    .tasks: .text("\(translatedTasks) / \(plan.tasks.count)")]
        })
        let englishPending = pending
        view[.pending] = .objects(englishPending.map { route in
            [.href: .text(page.link(to: PageAddress(route, .en).path)), .path: .text("/" + PageAddress(route, .en).path),
             .title: .text(title(route, context, &page))]
        })
        view[.pending_count] = .number(englishPending.count)
        view[.has_pending] = .bool(!englishPending.isEmpty)
        return page.layout("translation-status", title: page.t("translation_status_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("translation_status_title"), nil)], page: view)
    }

    /// A pending page's name in the list.
    static func title(_ route: PageRoute, _ context: RenderContext, _ page: inout PageBuilder) -> String {
        let site = context.site
        switch route {
        case .plan(let id): return site.plan(id).map { page.plain($0.title) } ?? id.rawValue
        case .task(let id, let number):
            let plan = site.plan(id)
            let task = plan?.task(number)
            return "\(plan.map { page.plain($0.title) } ?? id.rawValue) · \(page.t("task_label")) \(number.rawValue)\(task.map { page.t("colon") + page.plain($0.title) } ?? "")"
        case .progress(let id): return "\(site.plan(id).map { page.plain($0.title) } ?? id.rawValue) · \(page.t("progress_title"))"
        case .unit(let id): return site.unit(id).map { page.plain($0.name) } ?? id.rawValue
        case .notice(let slug): return site.notices.first { $0.slug == slug }.map { page.plain($0.title) } ?? slug
        case .page(let slug): return site.page(slug).map { page.plain($0.title) } ?? slug
        case .home: return page.t("home_title")
        case .plans: return page.t("plans_title")
        case .units: return page.t("units_title")
        case .hazards: return page.t("hazards_title")
        case .data: return page.t("data_title")
        case .statistics: return page.t("statistics_title")
        case .report: return page.t("report_title")
        case .notices(let n): return n > 1 ? "\(page.t("notices_title")) \(n)" : page.t("notices_title")
        case .search: return page.t("search_title")
        case .translationStatus: return page.t("translation_status_title")
        }
    }
}
