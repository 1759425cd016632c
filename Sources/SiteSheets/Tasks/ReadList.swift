import SiteModel

/// A responsibility list as read from its sheets, before its units are matched:
/// every value with the cell it came from.
struct ReadList: Sendable {
    struct Group: Sendable {
        var zh: String
        var en: String?
        /// From the 章节编号 column; nil in an office's own list.
        var id: Located<String>?
        var location: SourceLocation
    }

    struct Row: Sendable {
        var number: Located<String>
        var titleZH: String?
        var titleEN: String?
        var leaders: [BilingualText] = []
        var units: [UnitRole: [Located<String>]] = [:]
        /// The 完成时限 cell.
        var due: Located<CellValue>?
        var requirementsZH: String?
        var requirementsEN: String?
        var remarksZH: [String] = []
        var remarksEN: String?
        var tags: [String] = []
        var milestones: [Milestone] = []
        /// The 章节编号 cell: a group id, `-` for none; nil when blank or no such column.
        var groupCell: Located<String>?
        /// The chapter row above it, by index into `groups`.
        var groupAbove: Int?
        var location: SourceLocation
    }

    struct IndicatorRow: Sendable {
        var indicator: Indicator
        var location: SourceLocation
    }

    var groups: [Group] = []
    var rows: [Row] = []
    var indicators: [IndicatorRow] = []
    /// Cells not read (a title above the table, a line under it), to be listed: nothing is dropped unsaid.
    var unread: [Located<String>] = []
    var hasGroupColumn = false
}
