import SiteModel

/// The statuses as the forms write them, in Chinese (the words progress reports
/// also accept), and the other spellings a filled form may give.
public enum StatusWords {
    /// In the drop-down's order.
    public static let all: [(TaskStatus, String)] = [
        (.notStarted, "未启动"), (.inProgress, "推进中"), (.delayed, "滞后"), (.done, "已完成"),
    ]

    public static func chinese(_ status: TaskStatus) -> String {
        all.first { $0.0 == status }?.1 ?? status.rawValue
    }

    /// `推进中`, `in_progress` or `in progress` (any case) → the status; nil for other words.
    public static func status(_ written: String) -> TaskStatus? {
        let word = written.trimmingWhitespace
        if let found = all.first(where: { $0.1 == word }) { return found.0 }
        let lowered = word.lowercased().replacingOccurrences(of: " ", with: "_")
        return TaskStatus(rawValue: lowered)
    }

    /// `未启动, 推进中, 滞后, 已完成`, for messages.
    public static var list: String { all.map(\.1).joined(separator: ", ") }
}
