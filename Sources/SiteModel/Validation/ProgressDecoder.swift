import Yams

/// Decodes a plan's `progress/<YYYY-MM>.yaml` reports and checks them against
/// the plan: known task numbers and indicators, statuses, percents in 0–100,
/// dates inside the plan's period, reports in date order.
enum ProgressDecoder {
    static let keys = ["as_of", "updates", "indicators", "summary"]

    /// More progress reports than this in one plan, in bytes, are refused before any is read: a
    /// monthly report of a large plan is tens of kilobytes, ten years of them a few megabytes;
    /// 600 reports of 5,000 tasks (130 MB) took minutes to read.
    static let maximumTotalSize = 32 * 1024 * 1024

    static func decode(_ files: [SourceFile], into plan: inout Plan, diagnostics: inout Diagnostics) {
        let total = files.reduce(0) { $0 + $1.text.utf8.count }
        if total > maximumTotalSize, let first = files.min(by: { $0.path < $1.path }) {
            diagnostics.append(.error(.yamlTooLarge, at: first.start,
                                      "进展报告过多 (the plan's progress reports hold \(total / (1024 * 1024)) MB, more than \(maximumTotalSize / (1024 * 1024)) MB)",
                                      hint: "a plan's monthly reports are kilobytes each; move reports of finished periods out of progress/"))
            return
        }
        var previous: (Day, SourceLocation)?
        for file in files.sorted(by: { $0.path < $1.path }) {
            guard let report = decode(file, plan: plan, diagnostics: &diagnostics) else { continue }
            if let (last, where_) = previous, report.asOf <= last {
                diagnostics.append(.error(.reportOutOfOrder, at: report.location,
                                          "报告日期早于上一期 (report is not later than the previous one): as_of \(report.asOf) ≤ \(last)",
                                          hint: "reports are named by month and dated in order; the previous one is \(where_.file)"))
            }
            previous = (report.asOf, report.location)
            plan.reports.append(report)
        }
        plan.reports.sort { $0.asOf < $1.asOf }
    }

    static func decode(_ file: SourceFile, plan: Plan, diagnostics: inout Diagnostics) -> ProgressReport? {
        let name = NSStringLike(path: file.path).lastComponent
        guard let period = reportPeriod(name) else {
            diagnostics.append(.error(.invalidReportName, at: file.start,
                                      "报告文件名应为 YYYY-MM.yaml (a report file is named by its month): \(name)",
                                      hint: "for example 2024-06.yaml"))
            return nil
        }
        guard let root = YAMLDocument.compose(file.text, file: file.path, into: &diagnostics) else { return nil }
        var reader = YAMLReader(file: file.path)
        defer { diagnostics.append(contentsOf: reader.diagnostics) }
        guard let map = reader.mapping(root, "progress report") else { return nil }
        reader.checkKeys(map, known: keys)
        guard let asOfNode = reader.required(map, "as_of", "progress report"),
              let asOf = reader.day(asOfNode, "as_of") else { return nil }
        if let start = Day(year: period.year, month: period.month, day: 1), asOf < start {
            reader.error(.reportDateMismatch, asOfNode,
                         "as_of 早于报告月份 (as_of \(asOf) is before the report's month \(period.text))",
                         hint: "a report for \(period.text) is dated in that month or after it")
        }
        if let range = plan.period, !range.contains(asOf) {
            reader.error(.dateOutsidePeriod, asOfNode,
                         "报告日期不在方案实施期限内 (as_of \(asOf) is outside the plan's period \(range.start)–\(range.end))")
        }
        var report = ProgressReport(period: period.text, asOf: asOf, location: file.start)
        let taskNumbers = Set(plan.tasks.map(\.number))
        var seen: [TaskNumber: SourceLocation] = [:]
        if let node = map["updates"] {
            for item in reader.list(node, "updates") {
                guard let entry = reader.mapping(item, "update") else { continue }
                reader.checkKeys(entry, known: ["task", "status", "percent", "note"])
                guard let taskNode = reader.required(entry, "task", "update"), let no = reader.string(taskNode, "task") else { continue }
                let number = TaskNumber(no)
                guard taskNumbers.contains(number) else {
                    reader.error(.unknownTask, taskNode, "方案中没有此任务 (no task \(no) in plan \(plan.id))",
                                 hint: "task numbers are the `no` values of tasks.yaml")
                    continue
                }
                if let first = seen[number] {
                    reader.error(.duplicateTask, taskNode, "同一报告中任务重复 (task \(no) appears twice in this report)",
                                 hint: "first at \(first)")
                    continue
                }
                seen[number] = reader.location(taskNode)
                guard let statusNode = reader.required(entry, "status", "update"),
                      let status = reader.choice(statusNode, "status", TaskStatus.self, aliases: [
                          "not started": .notStarted, "in progress": .inProgress, "未启动": .notStarted,
                          "推进中": .inProgress, "已完成": .done, "滞后": .delayed,
                      ])
                else { continue }
                var update = TaskUpdate(task: number, status: status, location: reader.location(item))
                if let percentNode = entry["percent"], let value = reader.number(percentNode, "percent") {
                    if value < 0 || value > 100 || value != value.rounded() {
                        reader.error(.percentOutOfRange, percentNode,
                                     "完成百分比应为 0–100 的整数 (percent must be a whole number from 0 to 100): \(formatNumber(value))")
                    } else {
                        update.percent = Int(value)
                        if status == .done && value < 100 {
                            reader.warning(.inconsistentProgress, percentNode,
                                           "已完成但百分比不足100 (status done with percent \(Int(value)))")
                        }
                    }
                }
                update.note = entry["note"].flatMap { reader.text($0, "note") }
                report.updates.append(update)
            }
        }
        let indicatorIDs = Set(plan.indicators.map(\.id))
        if let node = map["indicators"] {
            for item in reader.list(node, "indicators") {
                guard let entry = reader.mapping(item, "indicator value") else { continue }
                reader.checkKeys(entry, known: ["id", "value"])
                guard let idNode = reader.required(entry, "id", "indicator value"), let id = reader.string(idNode, "id") else { continue }
                guard indicatorIDs.contains(id) else {
                    reader.error(.unknownIndicator, idNode, "指标未在 tasks.yaml 中声明 (indicator \(id) is not declared)",
                                 hint: nearest(id, in: indicatorIDs.sorted()).map { "did you mean \($0)?" } ?? "declare it under indicators: in tasks.yaml")
                    continue
                }
                guard let valueNode = reader.required(entry, "value", "indicator value"),
                      let value = reader.number(valueNode, "value") else { continue }
                report.indicators.append(IndicatorValue(id: id, value: value, location: reader.location(item)))
            }
        }
        return report
    }

    /// `2024-06.yaml` → 2024, 6.
    static func reportPeriod(_ name: String) -> (year: Int, month: Int, text: String)? {
        guard name.hasSuffix(".yaml") else { return nil }
        let stem = String(name.dropLast(5))
        let parts = stem.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year > 1900 else { return nil }
        return (year, month, stem)
    }
}

/// The last path component, without Foundation.
struct NSStringLike {
    let path: String
    var lastComponent: String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// Numbers in messages: whole numbers without ".0".
func formatNumber(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
}
