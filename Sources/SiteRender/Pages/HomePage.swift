import SiteModel

/// `/`: the reporting hotlines, key figures, the plans in force and the others.
enum HomePage {
    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.home, language))
        let site = context.site
        let current = site.plans.filter { $0.status == .inForce }
        let others = site.plans.filter { $0.status != .inForce }
        var view: TemplateObject = [
            .item_level: .number(3),
            .intro_html: .html(page.inline(site.site.description)),
        ]
        view[.hotline_cards] = .objects(site.site.hotlines.map { hotline in
            [.number: .text(hotline.number), .dial: .text(hotline.dialString), .name_html: .html(page.inline(hotline.name)),
             .use_html: .html(page.inline(hotline.use)), .hours_html: .html(page.inline(hotline.hours))]
        })
        view[.current_plans] = .objects(current.map { page.planSummary($0) })
        view[.has_current_plans] = .bool(!current.isEmpty)
        view[.other_plans] = .objects(others.map { page.planSummary($0) })
        view[.has_other_plans] = .bool(!others.isEmpty)
        let taskCount = site.plans.reduce(0) { $0 + $1.tasks.count }
        let activeUnits = site.units.filter { !site.assignments(of: $0.id).isEmpty }.count
        view[.figures] = .objects([
            [.value: .text(String(site.plans.count)), .label: .text(page.t("figure_plans"))],
            [.value: .text(String(current.count)), .label: .text(page.t("figure_plans_in_force"))],
            [.value: .text(String(taskCount)), .label: .text(page.t("figure_tasks"))],
            [.value: .text(String(activeUnits)), .label: .text(page.t("figure_units"))],
        ])
        view[.has_progress] = .bool(site.hasProgressData)
        if site.hasProgressData {
            view[.progress_figures] = page.countFigures(site.countsInForce)
            view[.progress_as_of] = .text(page.asOfText)
            view[.progress_intro] = .text(page.sentences(page.t("home_progress_intro"), page.asOfText))
            view[.progress_links] = .objects(current.map { plan in
                [.href: .text(page.href(.progress(plan.id))), .title_html: .html(page.inline(plan.title))]
            })
        }
        if !site.hazards.isEmpty {
            view[.hazards_href] = .text(page.href(.hazards))
            view[.open_hazards] = .number(site.hazards.count(where: \.isOpen))
        }
        view[.data_href] = .text(page.href(.data))
        // The latest notices (three), newest first.
        view[.latest_notices] = .objects(site.notices.prefix(3).map { notice in
            [.href: .text(page.href(.notice(notice.slug))), .title_html: .html(page.inline(notice.title)),
             .date: .text(page.date(notice.date)), .date_iso: .text(notice.date?.description ?? "")]
        })
        view[.has_notices] = .bool(!site.notices.isEmpty)
        view[.notices_href] = .text(page.href(.notices(1)))
        // Accidents this year against last year: the same months when this year is incomplete.
        if let summary = site.statisticsSummary, let latest = summary.latestYear {
            var figure: TemplateObject = [.href: .text(page.href(.statistics))]
            if let ytd = summary.yearToDate {
                figure[.period] = .text(language == .zh ? "\(ytd.year)年1–\(ytd.throughMonth)月" : "\(page.monthName(1))–\(page.monthName(ytd.throughMonth)) \(ytd.year)")
                figure[.accidents] = .text(page.count(ytd.current.accidents))
                figure[.deaths] = .text(page.count(ytd.current.deaths))
                figure[.change] = ytd.accidentsChange.map { .text(page.change($0)) }
            } else {
                figure[.period] = .text(language == .zh ? "\(latest.year)年" : String(latest.year))
                figure[.accidents] = .text(page.count(latest.totals.accidents))
                figure[.deaths] = .text(page.count(latest.totals.deaths))
                figure[.change] = latest.accidentsChange.map { .text(page.change($0)) }
            }
            if let statistics = site.statistics { figure[.cover] = .text(page.totalsCover(statistics, summary)) }
            view[.accident_figure] = .object(figure)
        }
        view[.plans_href] = .text(page.href(.plans))
        view[.units_href] = .text(page.href(.units))
        return page.layout("home", title: page.t("home_title"), page: view)
    }
}
