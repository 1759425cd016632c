import SiteModel

/// The pieces of progress every page shows the same way: status labels,
/// counts, bars and the "figures as of" line.
extension PageBuilder {
    func taskStatusLabel(_ status: TaskStatus) -> String {
        context.layoutParts(language).statusLabels[status] ?? t("task_status_\(status.rawValue)")
    }

    /// Sentences one after the other: no space after a Chinese full stop, one after an English one.
    func sentences(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: language == .zh ? "" : " ")
    }

    /// "数据截至2024年6月30日" — printed wherever statuses are shown.
    var asOfText: String { t("progress_as_of") + date(site.buildDate) }

    /// A task's status as a badge: label, CSS class, percent, overdue.
    func statusBadge(_ progress: TaskProgress?) -> TemplateValue {
        let status = progress?.status ?? .notStarted
        // Absent values are present and empty, never missing: Mustache would look a missing key up in the enclosing contexts.
        return .object([.label: .text(taskStatusLabel(status)), .class: .text(status.rawValue),
                        .percent: progress?.percent.map { .text("\($0)%") },
                        .overdue: progress?.isOverdue == true ? .text(t("task_status_overdue")) : nil])
    }

    /// The counts as figures: done, in progress, delayed and not started, which add up to the
    /// total shown after them; then overdue, a flag on some of those tasks (not a fifth status),
    /// in a sentence of its own that says so.
    func countFigures(_ counts: StatusCounts) -> TemplateValue {
        let items = StatusBarChart.order.map { status -> TemplateObject in
            [.value: .text(String(counts[status])), .label: .text(taskStatusLabel(status)), .class: .text(status.rawValue)]
        } + [[.value: .text(String(counts.total)), .label: .text(t("progress_col_total")), .class: .text("total")]]
        let sentence = t(counts.overdue == 0 ? "progress_overdue_none" : counts.overdue == 1 ? "progress_overdue_one" : "progress_overdue_flag")
        let parts = sentence.components(separatedBy: "{n}")
        return .object([.items: .objects(items), .overdue_count: .text(String(counts.overdue)),
                        .overdue_before: .text(parts.first ?? ""),
                        .overdue_after: .text(parts.dropFirst().joined(separator: String(counts.overdue)))])
    }

    /// One line of a status table: the bar and the counts.
    func countsRow(_ counts: StatusCounts, name: String) -> TemplateObject {
        [.total: .number(counts.total), .done: .number(counts.done), .in_progress: .number(counts.inProgress),
         .delayed: .number(counts.delayed), .not_started: .number(counts.notStarted), .overdue: .number(counts.overdue),
         .bar_html: .html(StatusBarChart.svg(counts, title: "\(name)\(language == .zh ? "：" : ": ")\(countsSentence(counts))"))]
    }

    /// "已完成 3，推进中 5，滞后 1，未启动 2，共 11 项；其中逾期 1 项": the statuses add up to the
    /// total, and overdue is counted among them.
    func countsSentence(_ counts: StatusCounts) -> String {
        let separator = language == .zh ? "，" : ", "
        let parts = StatusBarChart.order.map { "\(taskStatusLabel($0)) \(counts[$0])" }
        let total = language == .zh ? "，共 \(counts.total) 项" : " (\(counts.total) tasks"
        let overdue = language == .zh ? "；其中逾期 \(counts.overdue) 项" : ", of which \(counts.overdue) overdue)"
        return parts.joined(separator: separator) + total + overdue
    }

    /// The legend of the status bars: colour and name of each status.
    func statusLegend() -> TemplateValue {
        .objects(StatusBarChart.order.map {
            [.label: .text(taskStatusLabel($0)), .class: .text($0.rawValue), .colour: .text(StatusBarChart.colour($0))]
        })
    }

    /// Overdue since a date, in words.
    func overdueSince(_ progress: TaskProgress) -> String {
        guard let since = progress.overdueSince else { return "" }
        return language == .zh ? "\(date(since))到期" : "due \(date(since))"
    }
}
