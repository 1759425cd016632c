import SiteModel

/// `/statistics/`: accident figures per year with year-on-year change, the
/// year to date against the same months of last year when the latest year is
/// incomplete, a trend chart, a by-category chart and a by-region table, and
/// the downloads. Every chart has its numbers in a table beside it.
enum StatisticsPage {
    static let accidentsColour = "#0969da"
    static let deathsColour = "#a40e26"

    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        var page = PageBuilder(context, PageAddress(.statistics, language))
        var view: TemplateObject = [
            .csv_href: .text(page.link(to: "data/accidents.csv")),
            .json_href: .text(page.link(to: "data/accidents.json")),
            .data_href: .text(page.href(.data)),
        ]
        guard let statistics = context.site.statistics, let summary = context.site.statisticsSummary,
              !summary.years.isEmpty else {
            view[.has_statistics] = .bool(false)
            return page.layout("statistics", title: page.t("statistics_title"),
                               breadcrumbs: [(page.t("nav_home"), .home), (page.t("statistics_title"), nil)], page: view)
        }
        view[.has_statistics] = .bool(true)
        if let source = statistics.source { view[.source_html] = .html(page.inline(source)) }

        // Per year, with year-on-year change.
        view[.years] = .objects(summary.years.map { year in
            var row = totalsRow(year.totals, &page)
            row[.label] = .text(yearLabel(year, &page))
            row[.accidents_change] = .text(year.accidentsChange.map { page.change($0) } ?? "—")
            row[.deaths_change] = .text(year.deathsChange.map { page.change($0) } ?? "—")
            return row
        })
        if let ytd = summary.yearToDate {
            var box: TemplateObject = [
                .heading: .text(page.language == .zh ? "\(ytd.year)年1–\(ytd.throughMonth)月" : "\(page.monthName(1))–\(page.monthName(ytd.throughMonth)) \(ytd.year)"),
                .previous_heading: .text(page.language == .zh ? "\(ytd.year - 1)年同期" : "Same months of \(ytd.year - 1)"),
                .current: .object(totalsRow(ytd.current, &page)),
                .previous: nil,
            ]
            if let previous = ytd.previous {
                box[.previous] = .object(totalsRow(previous, &page))
                box[.accidents_change] = .text(ytd.accidentsChange.map { page.change($0) } ?? "—")
                box[.deaths_change] = .text(ytd.deathsChange.map { page.change($0) } ?? "—")
            }
            view[.ytd] = .object(box)
        }

        // The trend: accidents and deaths per year.
        let yearLabels = summary.years.map { yearLabel($0, &page) }
        let trend = BarChart(
            id: "chart-trend", title: page.t("statistics_trend_title"),
            description: summary.years.map { year in
                "\(yearLabel(year, &page))\(page.t("colon"))\(page.t("stat_accidents")) \(page.count(year.totals.accidents))\(page.language == .zh ? "，" : ", ")\(page.t("stat_deaths")) \(page.count(year.totals.deaths))"
            }.joined(separator: page.language == .zh ? "；" : "; "),
            labels: yearLabels,
            series: [.init(name: page.t("stat_accidents"), colour: accidentsColour, values: summary.years.map { Double($0.totals.accidents) }),
                     .init(name: page.t("stat_deaths"), colour: deathsColour, values: summary.years.map { Double($0.totals.deaths) })],
            valueAxisTitle: page.t("progress_legend"),
            partial: summary.years.map { !$0.isComplete },
            partialNote: summary.years.last(where: { !$0.isComplete }).map { year in
                page.t("statistics_partial_note").replacingOccurrences(of: "{year}", with: yearLabel(year, &page))
            } ?? "")
        view[.trend_chart_html] = .html(trend.rows())

        // By category: a chart of the latest year, a table of every year.
        let latest = summary.years.last?.year ?? 0
        let categories = statistics.categories.filter { summary.byCategory[$0.id] != nil }
        let categoryNames = categories.map { page.plain($0.name) }
        let latestValues = categories.map { Double(summary.byCategory[$0.id]?[latest]?.accidents ?? 0) }
        let latestYear = summary.years.last.map { yearLabel($0, &page) } ?? String(latest)
        let byCategory = BarChart(
            id: "chart-category", title: "\(page.t("statistics_category_title"))\(page.t("paren_open"))\(latestYear)\(page.t("paren_close"))",
            description: zip(categoryNames, latestValues).map { "\($0.0) \(page.count(Int($0.1)))" }
                .joined(separator: page.language == .zh ? "；" : "; "),
            labels: categoryNames,
            series: [.init(name: page.t("stat_accidents"), colour: accidentsColour, values: latestValues)],
            valueAxisTitle: page.t("progress_legend"),
            partial: categories.map { _ in summary.years.last?.isComplete == false },
            partialNote: summary.years.last.flatMap { $0.isComplete ? nil : page.t("statistics_partial_note").replacingOccurrences(of: "{year}", with: latestYear) } ?? "")
        view[.category_chart_html] = .html(byCategory.rows())
        view[.category_chart_year] = .text(latestYear)
        view[.year_headers] = .objects(yearLabels.map { [.label: .text($0)] })
        view[.categories] = .objects(categories.map { category in
            [.name_html: .html(page.inline(category.name)),
             .cells: .objects(summary.years.map { year in
                 let totals = summary.byCategory[category.id]?[year.year] ?? AccidentTotals()
                 return [.accidents: .text(page.count(totals.accidents)), .deaths: .text(page.count(totals.deaths))]
             })]
        })
        let regions = statistics.regions.filter { summary.byRegion[$0.id] != nil }
        view[.regions] = .objects(regions.map { region in
            [.name_html: .html(page.inline(region.name)),
             .cells: .objects(summary.years.map { year in
                 let totals = summary.byRegion[region.id]?[year.year] ?? AccidentTotals()
                 return [.accidents: .text(page.count(totals.accidents)), .deaths: .text(page.count(totals.deaths))]
             })]
        })
        view[.has_major] = .bool(statistics.records.contains { $0.severity != nil })
        view[.totals_cover] = .text(page.totalsCover(statistics, summary))
        view[.sample_download] = .bool(context.site.isSample)
        return page.layout("statistics", title: page.t("statistics_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("statistics_title"), nil)], page: view)
    }

    static func totalsRow(_ totals: AccidentTotals, _ page: inout PageBuilder) -> TemplateObject {
        [.accidents: .text(page.count(totals.accidents)), .deaths: .text(page.count(totals.deaths)),
         .injuries: .text(page.count(totals.injuries)), .loss: .text(page.decimal(totals.loss)),
         .major: .text(page.count(totals.majorAccidents))]
    }

    /// "2024" or, for an incomplete year, "2025（1–6月）" / "2025 (Jan–Jun)".
    static func yearLabel(_ year: StatisticsSummary.Year, _ page: inout PageBuilder) -> String {
        guard !year.isComplete, let last = year.lastMonth else { return String(year.year) }
        return page.language == .zh ? "\(year.year)（1–\(last)月）" : "\(year.year) (Jan–\(page.monthName(last, short: true)))"
    }
}

extension PageBuilder {
    /// What the totals add up: "各项合计为以下地区数字之和：普陀区（区级）、车墩镇（镇级）…", and, when
    /// the areas are of different levels, that the sum is no administrative area's figure.
    func totalsCover(_ statistics: AccidentStatistics, _ summary: StatisticsSummary) -> String {
        let regions = statistics.regions.filter { summary.byRegion[$0.id] != nil }
        let separator = language == .zh ? "、" : ", "
        let names = regions.map { region in
            plain(region.name) + (region.level.map { t("paren_open") + t("level_\($0.rawValue)") + t("paren_close") } ?? "")
        }.joined(separator: separator)
        var sentence = t("statistics_totals_cover").replacingOccurrences(of: "{areas}", with: names)
        let levels = Set(regions.compactMap(\.level))
        if levels.count > 1 || (regions.count > 1 && levels.isEmpty) {
            sentence += t(levels.count > 1 ? "statistics_levels_differ" : "statistics_levels_unknown")
        }
        return sentence
    }

    /// Whole numbers: "12,345" in English, "12345" in Chinese.
    func count(_ value: Int) -> String {
        language == .en ? grouped(String(value)) : String(value)
    }

    /// At most two decimals, grouped in English.
    func decimal(_ value: Double) -> String {
        let text = formatValue(value)
        guard language == .en else { return text }
        let parts = text.split(separator: ".", maxSplits: 1)
        return grouped(String(parts[0])) + (parts.count > 1 ? "." + parts[1] : "")
    }

    private func grouped(_ digits: String) -> String {
        let negative = digits.hasPrefix("-")
        let body = Array(negative ? digits.dropFirst() : Substring(digits))
        var out = ""
        for (index, character) in body.enumerated() {
            if index > 0 && (body.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return (negative ? "-" : "") + out
    }

    /// "+3 (+12.5%)", "−2 (−10%)", "0".
    func change(_ change: Change) -> String {
        let sign = change.difference > 0 ? "+" : (change.difference < 0 ? "−" : "")
        var text = sign + decimal(abs(change.difference))
        if let percent = change.percent {
            let p = (abs(percent) * 10).rounded() / 10
            text += "\(t("paren_open"))\(sign)\(formatValue(p))%\(t("paren_close"))"
        }
        return text
    }

    func monthName(_ month: Int, short: Bool = false) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"]
        guard (1...12).contains(month) else { return String(month) }
        if language == .zh { return "\(month)月" }
        return short ? String(names[month - 1].prefix(3)) : names[month - 1]
    }
}
