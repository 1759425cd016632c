import SiteModel

/// `/`: the reporting hotlines, key figures, the plans in force and the others.
enum HomePage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.home, language))
        let site = context.site
        let current = site.plans.filter { $0.status == .inForce }
        let others = site.plans.filter { $0.status != .inForce }
        var view: [String: Any] = [:]
        view["item_level"] = 3
        view["intro_html"] = page.inline(site.site.description)
        view["hotline_cards"] = site.site.hotlines.map { hotline -> [String: Any] in
            ["number": hotline.number, "dial": hotline.dialString, "name_html": page.inline(hotline.name),
             "use_html": page.inline(hotline.use), "hours_html": page.inline(hotline.hours)]
        }
        view["current_plans"] = current.map { page.planSummary($0) }
        view["has_current_plans"] = !current.isEmpty
        view["other_plans"] = others.map { page.planSummary($0) }
        view["has_other_plans"] = !others.isEmpty
        let taskCount = site.plans.reduce(0) { $0 + $1.tasks.count }
        let activeUnits = site.units.filter { !site.assignments(of: $0.id).isEmpty }.count
        view["figures"] = [
            ["value": String(site.plans.count), "label": page.t("figure_plans")],
            ["value": String(current.count), "label": page.t("figure_plans_in_force")],
            ["value": String(taskCount), "label": page.t("figure_tasks")],
            ["value": String(activeUnits), "label": page.t("figure_units")],
        ]
        view["has_progress"] = site.hasProgressData
        if site.hasProgressData {
            view["progress_figures"] = page.countFigures(site.countsInForce)
            view["progress_as_of"] = page.asOfText
            view["progress_intro"] = page.sentences(page.t("home_progress_intro"), page.asOfText)
            view["progress_links"] = current.map { plan -> [String: Any] in
                ["href": page.href(.progress(plan.id)), "title_html": page.inline(plan.title)]
            }
        }
        if !site.hazards.isEmpty {
            view["hazards_href"] = page.href(.hazards)
            view["open_hazards"] = site.hazards.count(where: \.isOpen)
        }
        view["data_href"] = page.href(.data)
        // The latest notices (three), newest first.
        view["latest_notices"] = site.notices.prefix(3).map { notice -> [String: Any] in
            ["href": page.href(.notice(notice.slug)), "title_html": page.inline(notice.title),
             "date": page.date(notice.date), "date_iso": notice.date?.description ?? ""]
        }
        view["has_notices"] = !site.notices.isEmpty
        view["notices_href"] = page.href(.notices(1))
        // Accidents this year against last year: the same months when this year is incomplete.
        if let summary = site.statisticsSummary, let latest = summary.latestYear {
            var figure: [String: Any] = ["href": page.href(.statistics)]
            if let ytd = summary.yearToDate {
                figure["period"] = language == .zh ? "\(ytd.year)年1–\(ytd.throughMonth)月" : "\(page.monthName(1))–\(page.monthName(ytd.throughMonth)) \(ytd.year)"
                figure["accidents"] = page.count(ytd.current.accidents)
                figure["deaths"] = page.count(ytd.current.deaths)
                figure["change"] = ytd.accidentsChange.map { page.change($0) } ?? false
            } else {
                figure["period"] = language == .zh ? "\(latest.year)年" : String(latest.year)
                figure["accidents"] = page.count(latest.totals.accidents)
                figure["deaths"] = page.count(latest.totals.deaths)
                figure["change"] = latest.accidentsChange.map { page.change($0) } ?? false
            }
            if let statistics = site.statistics { figure["cover"] = page.totalsCover(statistics, summary) }
            view["accident_figure"] = figure
        }
        view["plans_href"] = page.href(.plans)
        view["units_href"] = page.href(.units)
        return page.layout(title: page.t("home_title"), page: view)
    }
}
