import SiteModel

/// What one unit's filled-in progress form says, each value with its cell.
public struct FilledForm: Sendable {
    public var file: String
    /// Where the form's table is (its header row's first cell), for problems of the whole form.
    public var location: SourceLocation
    public var plan: Located<String>?
    /// The unit's id; `-` on a form for every task.
    public var unit: Located<String>?
    public var period: Located<String>?
    public var asOf: Located<Day>?
    /// The 截至日期 line has a value, read or reported as not a date.
    public var hasAsOfValue = false
    public var answers: [Answer] = []
    /// Rows with a key and nothing filled in.
    public var blankRows = 0
    /// Cells outside the table that were not read (a signature line under it…), to be listed.
    public var unread: [Located<String>] = []

    /// One filled-in row.
    public struct Answer: Sendable {
        public var task: TaskNumber
        /// The plan named in the row's key.
        public var plan: String
        public var status: TaskStatus
        public var percent: Int?
        public var note: String?
        /// The key's cell, and the status cell (where problems of the answer are reported).
        public var keyLocation: SourceLocation
        public var location: SourceLocation
    }
}
