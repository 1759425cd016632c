import SiteModel

/// tasks.yaml in the style of the example plans: chapters, then tasks with their
/// keys in a fixed order (no, group, title, leaders, lead, responsible,
/// cooperating, requirements, due, milestones, remarks, tags), then indicators.
enum TasksText {
    static func yaml(comments: [String], groups: [TaskGroup], tasks: [PlanTask], indicators: [Indicator],
                     dueNotes: [TaskNumber: String]) -> String {
        var lines = comments
        lines.append(groups.isEmpty ? "groups: []" : "groups:")
        for group in groups {
            lines.append("  - id: \(group.id)")
            lines.append("    title: \(YAMLText.inline(group.title.zh, group.title.en))")
        }
        lines.append(tasks.isEmpty ? "tasks: []" : "tasks:")
        for task in tasks {
            lines.append("  - no: \(YAMLText.taskNumber(task.number.rawValue))")
            if let group = task.group { lines.append("    group: \(group)") }
            lines.append("    title: \(YAMLText.inline(task.title.zh, task.title.en))")
            if !task.leaders.isEmpty {
                lines.append("    leaders: [" + task.leaders.map { YAMLText.inline($0.zh, $0.en) }.joined(separator: ", ") + "]")
            }
            for role in UnitRole.allCases.sorted() where !task.units(role).isEmpty {
                lines.append("    \(role.rawValue): [" + task.units(role).map { $0.id?.rawValue ?? YAMLText.quote($0.written) }.joined(separator: ", ") + "]")
            }
            if let requirements = task.requirements { lines.append(blocks("requirements", requirements, indent: "    ")) }
            if let due = task.due {
                lines.append("    due: \(due)" + (dueNotes[task.number].map { "  # 完成时限：\($0.replacingOccurrences(of: "\n", with: " "))" } ?? ""))
            }
            if !task.milestones.isEmpty {
                lines.append("    milestones:")
                for milestone in task.milestones {
                    lines.append("      - {date: \(milestone.date), what: \(YAMLText.inline(milestone.what.zh, milestone.what.en))}")
                }
            }
            if let remarks = task.remarks { lines.append(YAMLText.bilingual("remarks", remarks.zh, remarks.en, indent: "    ")) }
            if !task.tags.isEmpty { lines.append("    tags: [" + task.tags.map(YAMLText.quote).joined(separator: ", ") + "]") }
        }
        if !indicators.isEmpty {
            lines.append("indicators:")
            for indicator in indicators {
                lines.append("  - id: \(indicator.id)")
                lines.append("    title: \(YAMLText.inline(indicator.title.zh, indicator.title.en))")
                if let unit = indicator.unit { lines.append("    unit: \(YAMLText.quote(unit))") }
                if let baseline = indicator.baseline { lines.append("    baseline: \(XLSXWriter.number(baseline))") }
                if let target = indicator.target { lines.append("    target: \(XLSXWriter.number(target))") }
                lines.append("    direction: \(indicator.direction.rawValue)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `key:` with `zh: |-` and `en: |-` blocks under it (a language that cannot be a block is quoted).
    static func blocks(_ key: String, _ text: BilingualText, indent: String) -> String {
        var lines = ["\(indent)\(key):"]
        for (language, value) in [("zh", text.zh), ("en", text.en)] {
            guard let value else { continue }
            lines.append("\(indent)  \(language): " + (YAMLText.block(value, indent: indent + "    ") ?? YAMLText.quote(value)))
        }
        return lines.joined(separator: "\n")
    }
}
