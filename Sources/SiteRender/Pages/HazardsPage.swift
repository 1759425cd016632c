import SiteModel

/// `/hazards/`: major accident hazards under listed supervision (挂牌督办),
/// open ones first (longest open first), with lead unit, dates, status and
/// days open at the build date.
enum HazardsPage {
    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.hazards, language))
        let site = context.site
        let day = site.buildDate
        let open = site.hazards.filter(\.isOpen)
        let closed = site.hazards.filter { !$0.isOpen }
        let view: TemplateObject = [
            .as_of: .text(page.asOfText),
            .figures: .objects([
                [.value: .text(String(open.count { $0.status == .open })), .label: .text(page.t("hazard_status_open")), .class: .text("delayed")],
                [.value: .text(String(open.count { $0.status == .rectifying })), .label: .text(page.t("hazard_status_rectifying")), .class: .text("in_progress")],
                [.value: .text(String(site.hazards.count { $0.status == .closed })), .label: .text(page.t("hazard_status_closed")), .class: .text("done")],
                [.value: .text(String(open.count { $0.isOverdue(at: day) })), .label: .text(page.t("hazard_overdue")), .class: .text("overdue")],
            ]),
            .open_hazards: .objects(open.map { row($0, &page) }),
            .has_open: .bool(!open.isEmpty),
            .closed_hazards: .objects(closed.map { row($0, &page) }),
            .has_closed: .bool(!closed.isEmpty),
            .has_hazards: .bool(!site.hazards.isEmpty),
            .data_href: .text(page.link(to: "data/hazards.json")),
        ]
        return page.layout("hazards", title: page.t("hazards_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("hazards_title"), nil)],
                           page: view)
    }

    static func row(_ hazard: Hazard, _ page: inout PageBuilder) -> TemplateObject {
        let day = page.site.buildDate
        // Absent values are present and empty: Mustache would look a missing key up in the enclosing contexts.
        var row: TemplateObject = [
            .id: .text(hazard.id),
            .name_html: .html(page.inline(hazard.name)),
            .listed: .text(page.date(hazard.listed)), .listed_iso: .text(hazard.listed.description),
            .status: .text(page.t("hazard_status_\(hazard.status.rawValue)")),
            .status_class: .text(hazard.status.rawValue),
            .days: .text(String(hazard.daysOpen(at: day))),
            .is_overdue: .bool(hazard.isOverdue(at: day)),
            .location_html: hazard.location.map { .html(page.inline($0)) },
            .description_html: hazard.description.map { .html(page.inline($0)) },
            .lead_html: hazard.lead.map { .html(page.unitLinks([$0], short: false)) },
            .cooperating_html: hazard.cooperating.isEmpty ? nil : .html(page.unitLinks(hazard.cooperating, short: false)),
            .due: hazard.due.map { .text(page.date($0)) },
            .closed: hazard.closed.map { .text(page.date($0)) },
        ]
        if let due = hazard.due { row[.due_iso] = .text(due.description) }
        if let closed = hazard.closed { row[.closed_iso] = .text(closed.description) }
        return row
    }
}
