import SiteModel

/// `/plans/<id>/progress/`: the plan's tasks counted by status at the build
/// date, a bar per chapter and per unit, the tasks needing attention first,
/// indicators against baseline and target, and the reports received.
enum ProgressPage {
    static func view(_ context: RenderContext, _ plan: Plan, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.progress(plan.id), language))
        let site = context.site
        let counts = site.counts(plan)
        var view: TemplateObject = [
            .plan_title_html: .html(page.inline(plan.title)),
            .plan_href: .text(page.href(.plan(plan.id))),
            .as_of: .text(page.asOfText),
            .figures: page.countFigures(counts),
            .summary_bar: .object(page.countsRow(counts, name: page.t("progress_all_tasks"))),
            .legend: page.statusLegend(),
        ]
        let reports = plan.reports.filter { $0.asOf <= site.buildDate }
        view[.has_reports] = .bool(!reports.isEmpty)
        if let latest = reports.last {
            view[.latest_report] = .text(page.reportPeriod(latest.period) + page.t("paren_open") + page.t("report_as_of")
                + page.date(latest.asOf) + page.t("paren_close"))
        }

        // Tasks are read in place, by index: a task value is large, and copying one per row and per
        // count was a tenth of this page's time at 20,000 pages.
        let tasks = plan.tasks
        let progress = site.progress[plan.id] ?? [:]

        // Tasks needing attention: delayed or overdue, most urgent first.
        let attention = tasks.indices.filter { index in
            guard let progress = progress[tasks[index].number] else { return false }
            return progress.status == .delayed || progress.isOverdue
        }.sorted { a, b in
            let pa = progress[tasks[a].number], pb = progress[tasks[b].number]
            let oa = pa?.isOverdue == true, ob = pb?.isOverdue == true
            if oa != ob { return oa }
            let sa = pa?.overdueSince, sb = pb?.overdueSince
            if sa != sb, let sa, let sb { return sa < sb }
            return tasks[a].number < tasks[b].number
        }
        view[.attention] = .objects(attention.map { taskRow(plan, tasks[$0], &page) })
        view[.has_attention] = .bool(!attention.isEmpty)

        // Counts by chapter and by unit (every unit that leads or is responsible for a task), in one
        // pass over the tasks; a task counts once for a unit however many times it names it.
        let groupIDs = Set(plan.groups.map(\.id))
        var groupCounts: [GroupID: StatusCounts] = [:], ungroupedCounts = StatusCounts(), hasUngrouped = false
        var unitCounts: [UnitID: StatusCounts] = [:]
        var units: Set<UnitID> = []
        for index in tasks.indices {
            let found = progress[tasks[index].number]
            if let group = tasks[index].group, groupIDs.contains(group) {
                if let found { groupCounts[group, default: StatusCounts()].add(found) } else { groupCounts[group] = groupCounts[group] ?? StatusCounts() }
            } else {
                hasUngrouped = true
                if let found { ungroupedCounts.add(found) }
            }
            units.removeAll(keepingCapacity: true)
            for ref in tasks[index].lead { if let id = ref.id { units.insert(id) } }
            for ref in tasks[index].responsible { if let id = ref.id { units.insert(id) } }
            for id in units {
                if let found { unitCounts[id, default: StatusCounts()].add(found) } else { unitCounts[id] = unitCounts[id] ?? StatusCounts() }
            }
        }

        // By chapter, in the plan's order; tasks without a group last.
        var groups: [TemplateObject] = []
        for group in plan.groups {
            guard let counts = groupCounts[group.id] else { continue }
            var row = page.countsRow(counts, name: page.plain(group.title))
            row[.name_html] = .html(page.inline(group.title))
            groups.append(row)
        }
        if hasUngrouped && !groups.isEmpty {
            var row = page.countsRow(ungroupedCounts, name: page.t("tasks_other_group"))
            row[.name_html] = .html(TrustedHTML(text: page.t("tasks_other_group")))
            groups.append(row)
        }
        view[.groups] = .objects(groups)
        view[.has_groups] = .bool(!groups.isEmpty)

        view[.units] = .objects(unitCounts.keys.sorted().compactMap { id -> TemplateObject? in
            guard let unit = site.unit(id), let counts = unitCounts[id] else { return nil }
            var row = page.countsRow(counts, name: page.plain(unit.displayName))
            row[.name_html] = .html(page.inline(unit.displayName))
            row[.href] = .text(page.href(.unit(id)))
            return row
        })
        view[.has_units] = .bool(!unitCounts.isEmpty)

        view[.indicators] = .objects((site.indicatorProgress[plan.id] ?? []).map { indicatorView($0, &page) })
        view[.has_indicators] = .bool(!plan.indicators.isEmpty)

        // Done as of each report: the tasks done by then, whether this report or an earlier one said so,
        // so that the latest row is the figure at the top of the page (a report need not repeat a done task).
        let doneByDate = ProgressTracker.doneCounts(of: plan)
        view[.reports] = .objects(reports.reversed().map { report in
            [.period: .text(page.reportPeriod(report.period)), .as_of: .text(page.date(report.asOf)),
             .as_of_iso: .text(report.asOf.description), .count: .number(report.updates.count),
             .done: .number(doneByDate[report.asOf] ?? 0)]
        })
        view[.period_ended] = nil
        if let end = plan.period?.end, end < site.buildDate {
            view[.period_ended] = .text(page.t("progress_period_ended").replacingOccurrences(of: "{date}", with: page.date(end)))
        }
        view[.tasks] = .objects(tasks.indices.map { taskRow(plan, tasks[$0], &page) })
        let title = page.t("progress_title") + (language == .zh ? "：" : ": ") + page.plain(plan.title)
        view[.heading] = .text(page.t("progress_title"))
        return page.layout("progress", title: title,
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("plans_title"), .plans),
                                         (page.plain(plan.title), .plan(plan.id)), (page.t("progress_title"), nil)],
                           article: page.planArticle(plan, title: title, date: reports.last?.asOf ?? plan.published ?? plan.issued),
                           page: view)
    }

    static func taskRow(_ plan: Plan, _ task: PlanTask, _ page: inout PageBuilder) -> TemplateObject {
        let progress = page.site.progress(plan.id, task.number)
        // Absent values are present and empty: Mustache would look a missing key up in the enclosing contexts.
        return [
            .no: .text(task.number.rawValue),
            .href: .text(page.href(.task(plan.id, task.number))),
            .title_html: .html(page.inline(task.title)),
            .status: page.statusBadge(progress),
            .units_html: .html(page.unitLinks(task.lead + task.responsible)),
            .overdue_since: progress.flatMap { $0.isOverdue ? .text(page.overdueSince($0)) : nil },
            .note_html: progress?.note.map { .html(page.inline($0)) },
            .reported_on: progress?.asOf.map { .text(page.date($0)) },
        ]
    }

    static func indicatorView(_ item: IndicatorProgress, _ page: inout PageBuilder) -> TemplateObject {
        let indicator = item.indicator
        let unit = indicator.unit ?? ""
        let baseline = indicator.baseline.map { formatValue($0) + unit }
        let target = indicator.target.map { formatValue($0) + unit }
        let current = item.current.map { (value: formatValue($0.value) + unit, date: page.date($0.date)) }
        var view: TemplateObject = [.title_html: .html(page.inline(indicator.title)), .id: .text(indicator.id)]
        if let baseline { view[.baseline] = .text(baseline) }
        if let target { view[.target] = .text(target) }
        if let current {
            view[.current] = .text(current.value)
            view[.current_date] = .text(current.date)
        }
        let separator = page.language == .zh ? "，" : ", "
        var sentence = [page.plain(indicator.title)]
        if let baseline { sentence.append("\(page.t("indicator_baseline")) \(baseline)") }
        if let target { sentence.append("\(page.t("indicator_target")) \(target)") }
        if let current {
            sentence.append("\(page.t("indicator_current")) \(current.value)\(page.t("paren_open"))\(current.date)\(page.t("paren_close"))")
        } else {
            sentence.append(page.t("indicator_no_value"))
        }
        if let chart = IndicatorBarChart.svg(item, title: sentence.joined(separator: separator),
                                             baselineLabel: page.t("indicator_baseline"),
                                             targetLabel: page.t("indicator_target"),
                                             currentLabel: page.t("indicator_current")) {
            view[.chart_html] = .html(chart)
        }
        view[.values] = .objects(item.values.reversed().map { value in
            [.date: .text(page.date(value.date)), .value: .text(formatValue(value.value) + unit)]
        })
        view[.has_values] = .bool(!item.values.isEmpty)
        return view
    }
}

extension PageBuilder {
    /// `2024-06` → "2024年6月" / "June 2024".
    func reportPeriod(_ period: String) -> String {
        // `YYYY-MM`, as the progress decoder takes periods from report file names; anything else as below.
        if let parsed = StatisticsPeriod(period), let month = parsed.month, let day = Day(year: parsed.year, month: month, day: 1) {
            if language == .zh { return "\(day.year)年\(day.month)月" }
            let full = date(day)
            guard let space = full.utf8.firstIndex(of: UInt8(ascii: " ")) else { return full }
            return String(full[full.utf8.index(after: space)...])
        }
        let parts = period.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2, let day = Day(year: parts[0], month: parts[1], day: 1) else { return period }
        if language == .zh { return "\(day.year)年\(day.month)月" }
        let full = date(day)
        return full.split(separator: " ").dropFirst().joined(separator: " ")
    }
}
