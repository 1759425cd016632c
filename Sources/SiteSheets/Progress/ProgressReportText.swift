import SiteModel

/// The merged report as `progress/<YYYY-MM>.yaml`, in the style of the example
/// reports. When it replaces a report (`--force`), nothing of the old one is lost
/// that the forms do not answer: its comments at the top, its lines for tasks no
/// form answers, and its other keys (indicators, summary) as they were written.
public enum ProgressReportText {
    public struct Existing: Sendable {
        public var text: String
        public var report: ProgressReport

        public init(text: String, report: ProgressReport) {
            self.text = text
            self.report = report
        }
    }

    public static func yaml(_ result: ProgressMerger.Result, plan: Plan, period: ReportPeriod,
                            replacing existing: Existing?) -> (text: String, kept: [TaskNumber]) {
        var lines: [String] = []
        var blocks: [(key: String, lines: [String])] = []
        if let existing {
            let split = topLevel(existing.text)
            lines += split.leadingComments.filter { !$0.contains(": merged by gen-site import progress") }
            blocks = split.blocks
        }
        let sources = result.forms.map { form in
            (form.file.split(separator: "/").last.map(String.init) ?? form.file) + (form.unit.map { " (\($0))" } ?? " (every task)")
        }
        lines.append("# \(period): merged by gen-site import progress from \(sources.count) form(s): \(sources.joined(separator: ", "))")
        lines.append("as_of: \(result.asOf)")

        let answered = Set(result.updates.map(\.task))
        var kept: [TaskNumber] = []
        var entries: [TaskNumber: [String]] = [:]
        for update in result.updates {
            var entry = ["  - task: \(YAMLText.taskNumber(update.task.rawValue))", "    status: \(update.status.rawValue)"]
            if let percent = update.percent { entry.append("    percent: \(percent)") }
            if let note = update.note { entry.append(YAMLText.bilingual("note", note, nil, indent: "    ")) }
            entries[update.task] = entry
        }
        for update in existing?.report.updates ?? [] where !answered.contains(update.task) {
            var entry = ["  - task: \(YAMLText.taskNumber(update.task.rawValue))", "    status: \(update.status.rawValue)"]
            if let percent = update.percent { entry.append("    percent: \(percent)") }
            if let note = update.note { entry.append(YAMLText.bilingual("note", note.zh, note.en, indent: "    ")) }
            entries[update.task] = entry
            kept.append(update.task)
        }
        lines.append(entries.isEmpty ? "updates: []" : "updates:")
        for task in plan.tasks {
            if let entry = entries[task.number] { lines += entry }
        }
        for block in blocks where block.key != "as_of" && block.key != "updates" {
            lines += block.lines
        }
        return (lines.joined(separator: "\n") + "\n", kept.sorted())
    }

    /// A YAML file's comment lines before its first key, and its top-level keys with their lines.
    static func topLevel(_ text: String) -> (leadingComments: [String], blocks: [(key: String, lines: [String])]) {
        var comments: [String] = []
        var blocks: [(key: String, lines: [String])] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let first = line.first, first != " ", first != "#", first != "-", first != "\t", let colon = line.firstIndex(of: ":") {
                blocks.append((String(line[..<colon]).trimmingWhitespace, [line]))
            } else if blocks.isEmpty {
                if line.hasPrefix("#") { comments.append(line) }
            } else {
                blocks[blocks.count - 1].lines.append(line)
            }
        }
        // Blank lines at the end of the last block are the file's end.
        if var last = blocks.popLast() {
            while last.lines.last?.trimmingWhitespace.isEmpty == true { last.lines.removeLast() }
            blocks.append(last)
        }
        return (comments, blocks)
    }
}
