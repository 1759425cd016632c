import SiteModel

/// `/hazards/`: major accident hazards under listed supervision (挂牌督办),
/// open ones first (longest open first), with lead unit, dates, status and
/// days open at the build date.
enum HazardsPage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.hazards, language))
        let site = context.site
        let day = site.buildDate
        var view: [String: Any] = [:]
        view["as_of"] = page.asOfText
        let open = site.hazards.filter(\.isOpen)
        view["figures"] = [
            ["value": String(open.count { $0.status == .open }), "label": page.t("hazard_status_open"), "class": "delayed"],
            ["value": String(open.count { $0.status == .rectifying }), "label": page.t("hazard_status_rectifying"), "class": "in_progress"],
            ["value": String(site.hazards.count { $0.status == .closed }), "label": page.t("hazard_status_closed"), "class": "done"],
            ["value": String(open.count { $0.isOverdue(at: day) }), "label": page.t("hazard_overdue"), "class": "overdue"],
        ] as [[String: Any]]
        view["open_hazards"] = open.map { row($0, &page) }
        view["has_open"] = !open.isEmpty
        let closed = site.hazards.filter { !$0.isOpen }
        view["closed_hazards"] = closed.map { row($0, &page) }
        view["has_closed"] = !closed.isEmpty
        view["has_hazards"] = !site.hazards.isEmpty
        view["data_href"] = page.address.href(to: "data/hazards.json")
        return page.layout(title: page.t("hazards_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("hazards_title"), nil)],
                           page: view)
    }

    static func row(_ hazard: Hazard, _ page: inout PageBuilder) -> [String: Any] {
        let day = page.site.buildDate
        var row: [String: Any] = [
            "id": hazard.id,
            "name_html": page.inline(hazard.name),
            "listed": page.date(hazard.listed), "listed_iso": hazard.listed.description,
            "status": page.t("hazard_status_\(hazard.status.rawValue)"),
            "status_class": hazard.status.rawValue,
            "days": String(hazard.daysOpen(at: day)),
            "is_overdue": hazard.isOverdue(at: day),
            "location_html": false, "description_html": false, "lead_html": false, "cooperating_html": false,
            "due": false, "closed": false,
        ]
        if let location = hazard.location { row["location_html"] = page.inline(location) }
        if let description = hazard.description { row["description_html"] = page.inline(description) }
        if let lead = hazard.lead { row["lead_html"] = page.unitLinks([lead], short: false) }
        if !hazard.cooperating.isEmpty { row["cooperating_html"] = page.unitLinks(hazard.cooperating, short: false) }
        if let due = hazard.due { row["due"] = page.date(due); row["due_iso"] = due.description }
        if let closed = hazard.closed { row["closed"] = page.date(closed); row["closed_iso"] = closed.description }
        return row
    }
}
