import SiteModel

/// The pieces of progress every page shows the same way: status labels,
/// counts, bars and the "figures as of" line.
extension PageBuilder {
    func taskStatusLabel(_ status: TaskStatus) -> String { t("task_status_\(status.rawValue)") }

    /// Sentences one after the other: no space after a Chinese full stop, one after an English one.
    func sentences(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: language == .zh ? "" : " ")
    }

    /// "数据截至2024年6月30日" — printed wherever statuses are shown.
    var asOfText: String { t("progress_as_of") + date(site.buildDate) }

    /// A task's status as a badge: label, CSS class, percent, overdue.
    func statusBadge(_ progress: TaskProgress?) -> [String: Any] {
        let status = progress?.status ?? .notStarted
        // Absent values are `false`, never missing: Mustache would look a missing key up in the enclosing contexts.
        var badge: [String: Any] = ["label": taskStatusLabel(status), "class": status.rawValue, "percent": false, "overdue": false]
        if let percent = progress?.percent { badge["percent"] = "\(percent)%" }
        if progress?.isOverdue == true {
            badge["overdue"] = t("task_status_overdue")
        }
        return badge
    }

    /// The counts as figures: done, in progress, delayed and not started, which add up to the
    /// total shown after them; then overdue, a flag on some of those tasks (not a fifth status),
    /// in a sentence of its own that says so.
    func countFigures(_ counts: StatusCounts) -> [String: Any] {
        let items = StatusBarChart.order.map { status -> [String: Any] in
            ["value": String(counts[status]), "label": taskStatusLabel(status), "class": status.rawValue]
        } + [["value": String(counts.total), "label": t("progress_col_total"), "class": "total"]]
        let sentence = t(counts.overdue == 0 ? "progress_overdue_none" : counts.overdue == 1 ? "progress_overdue_one" : "progress_overdue_flag")
        let parts = sentence.components(separatedBy: "{n}")
        return ["items": items, "overdue_count": String(counts.overdue),
                "overdue_before": parts.first ?? "", "overdue_after": parts.dropFirst().joined(separator: String(counts.overdue))]
    }

    /// One line of a status table: the bar and the counts.
    func countsRow(_ counts: StatusCounts, name: String) -> [String: Any] {
        var row: [String: Any] = [
            "total": counts.total, "done": counts.done, "in_progress": counts.inProgress,
            "delayed": counts.delayed, "not_started": counts.notStarted, "overdue": counts.overdue,
        ]
        row["bar_html"] = StatusBarChart.svg(counts, title: "\(name)\(language == .zh ? "：" : ": ")\(countsSentence(counts))")
        return row
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
    func statusLegend() -> [[String: Any]] {
        StatusBarChart.order.map { ["label": taskStatusLabel($0), "class": $0.rawValue, "colour": StatusBarChart.colour($0)] }
    }

    /// Overdue since a date, in words.
    func overdueSince(_ progress: TaskProgress) -> String {
        guard let since = progress.overdueSince else { return "" }
        return language == .zh ? "\(date(since))到期" : "due \(date(since))"
    }
}
