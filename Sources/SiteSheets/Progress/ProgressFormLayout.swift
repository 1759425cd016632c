/// The words of a progress form: its sheets, the labels of the lines above the
/// table and the table's headers, in Chinese and English. The reader finds lines
/// and columns by these words, not by position, so a form whose columns were moved
/// or deleted (or that went through CSV) is still read, and a missing column is
/// named.
enum ProgressFormLayout {
    static let formSheet = "进展填报"
    static let instructionsSheet = "填表说明 Instructions"

    /// The lines above the table: label (what the reader looks for first), English.
    enum Meta: CaseIterable {
        case plan, unit, period, asOf

        var label: String {
            switch self {
            case .plan: "方案"
            case .unit: "填报单位"
            case .period: "报告期"
            case .asOf: "截至日期"
            }
        }

        var english: String {
            switch self {
            case .plan: "Plan"
            case .unit: "Unit"
            case .period: "Period"
            case .asOf: "As of"
            }
        }
    }

    /// The table's columns, in the order the form writes them.
    enum Column: Int, CaseIterable {
        case key = 1, number, title, role, due, lastStatus, lastPercent, lastNote, status, percent, note

        /// The header's Chinese word, by which the reader knows the column.
        var label: String {
            switch self {
            case .key: "键"
            case .number: "序号"
            case .title: "重点任务"
            case .role: "本单位职责"
            case .due: "完成时限"
            case .lastStatus: "上期状态"
            case .lastPercent: "上期完成%"
            case .lastNote: "上期进展"
            case .status: "本期状态"
            case .percent: "完成百分比"
            case .note: "进展情况"
            }
        }

        var english: String {
            switch self {
            case .key: "Key (do not change)"
            case .number: "No."
            case .title: "Task"
            case .role: "Role"
            case .due: "Due"
            case .lastStatus: "Last status"
            case .lastPercent: "Last %"
            case .lastNote: "Last note"
            case .status: "Status"
            case .percent: "Percent done"
            case .note: "Progress note"
            }
        }

        var header: String { label + "\n" + english }

        var width: Double {
            switch self {
            case .key: 24
            case .number: 6
            case .title: 34
            case .role: 10
            case .due: 11
            case .lastStatus: 10
            case .lastPercent: 10
            case .lastNote: 26
            case .status: 10
            case .percent: 12
            case .note: 40
            }
        }
    }

    /// The role words of the 本单位职责 column.
    static func roleWord(_ role: String) -> String {
        switch role {
        case "lead": "牵头"
        case "responsible": "责任"
        default: "配合"
        }
    }

    /// The unit line of a form for every task (the office's own).
    static let everyTask = "-"

    /// A row's hidden key: the plan and the task, `lvxiang-2024-2026#7`.
    static func key(plan: String, task: String) -> String { "\(plan)#\(task)" }

    static func parseKey(_ text: String) -> (plan: String, task: String)? {
        let parts = text.split(separator: "#", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
