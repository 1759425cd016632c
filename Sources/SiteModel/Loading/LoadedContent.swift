/// The load stage's output: the content folder's files, read and normalised,
/// not yet interpreted.
public struct LoadedContent: Sendable {
    /// The content folder as given on the command line.
    public var root: String
    public var site: SourceFile?
    public var units: SourceFile?
    public var plans: [PlanFiles]
    /// hazards.yaml, optional.
    public var hazards: SourceFile?
    /// holidays.yaml, optional: public holidays, for `check --inspection`'s working days.
    public var holidays: SourceFile?
    /// statistics/accidents.csv and statistics/categories.yaml, optional.
    public var accidents: SourceFile?
    public var categories: SourceFile?
    /// notices/*.md and pages/*.md with their .en.md companions, by file name.
    public var articles: [ArticleFiles] = []
    /// Every text file read without a diagnostic, by relative path (what a later load may reuse).
    public var cleanFiles: [String: SourceFile] = [:]

    public init(root: String, site: SourceFile? = nil, units: SourceFile? = nil, plans: [PlanFiles] = [],
                hazards: SourceFile? = nil) {
        self.root = root
        self.site = site
        self.units = units
        self.plans = plans
        self.hazards = hazards
    }
}

/// The files of one `plans/<id>/` folder.
public struct PlanFiles: Sendable, Equatable {
    /// The folder name, which is the plan's id.
    public var folder: String
    public var plan: SourceFile?
    public var planEN: SourceFile?
    public var tasks: SourceFile?
    /// Files in `attachments/`: name → size in bytes.
    public var attachments: [String: Int]
    /// The text of the `.txt` files in `attachments/` that are not UTF-8 with a BOM already (UTF-8
    /// or GB18030, line ends normalised): name → text.
    public var textAttachments: [String: String] = [:]
    /// `progress/*.yaml`, sorted by file name.
    public var progress: [SourceFile] = []

    public init(folder: String, plan: SourceFile? = nil, planEN: SourceFile? = nil,
                tasks: SourceFile? = nil, attachments: [String: Int] = [:]) {
        self.folder = folder
        self.plan = plan
        self.planEN = planEN
        self.tasks = tasks
        self.attachments = attachments
    }

    public var path: String { "plans/\(folder)" }
}
