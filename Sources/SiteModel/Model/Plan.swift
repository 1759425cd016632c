/// A plan (安全生产工作意见 / 工作要点 / 实施方案): its disclosure metadata,
/// its text and its responsibility list.
public struct Plan: Sendable, Equatable {
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case inForce = "in_force"
        case expired
        case superseded
    }

    public enum Level: String, Sendable, Hashable, CaseIterable {
        case city, district, town, subdistrict
    }

    public var id: PlanID
    public var title: BilingualText
    /// 文号: the document number, e.g. 普安委〔2022〕6号.
    public var docNumber: String?
    /// 发布机构: the issuing unit.
    public var issuer: UnitReference?
    /// 成文日期: the date on the document.
    public var issued: Day
    /// 发布日期: the date it was published, when different.
    public var published: Day?
    public var period: Period?
    public var level: Level?
    /// 索引号.
    public var indexNumber: String?
    /// 主题分类.
    public var category: BilingualText?
    /// 公开方式, e.g. 主动公开.
    public var disclosure: BilingualText?
    /// 主送: the recipients of the cover letter.
    public var recipients: BilingualText?
    /// 有效性: as front matter states it, else computed at the build date from the period
    /// (expired once it has ended), else in force.
    public var status: Status
    /// Where `status` comes from: the front matter, the period at the build date, or nothing
    /// (no status, no period: the page does not claim one).
    public var statusBasis: StatusBasis = .stated
    /// 共印N份.
    public var copies: Int?
    /// Rows of the disclosure box gen-site has no field for (`extra_metadata`: 公开主体, 生效日期…).
    public var extraMetadata: [MetadataRow] = []
    /// `source_url`: where the plan was first published (the issuing body's portal page).
    public var sourceURL: String?
    /// 解读: policy interpretations of the plan, on other sites or as pages of this one.
    public var interpretations: [Interpretation] = []
    /// Later and earlier plans: what this one replaces or changes, and (filled in by the resolve
    /// stage from either side) what replaces or changes it.
    public var relations = PlanRelations()
    /// 修订记录: when the published plan was changed, and what changed, oldest first.
    public var revisions: [Revision] = []
    public var summary: BilingualText?
    /// `draft: true`: built only with `--drafts`.
    public var isDraft = false
    /// `issued`, `issuer` or `level` left to fill in (`plan-field-missing`): not published until they are.
    public var isWithheld = false
    /// The 印发通知 text, Markdown.
    public var coverLetter: BilingualText?
    /// Where each language of `coverLetter` starts in plan.md.
    public var coverLetterOrigins = TextOrigins()
    public var attachments: [Attachment]
    /// The Chinese text and, when there is one, the English translation.
    public var body: MarkdownSource
    public var bodyEN: MarkdownSource?
    public var groups: [TaskGroup]
    public var tasks: [PlanTask]
    public var indicators: [Indicator]
    /// Progress reports, oldest first.
    public var reports: [ProgressReport]
    /// Where the front matter starts.
    public var location: SourceLocation

    public init(id: PlanID, title: BilingualText, issued: Day, status: Status, body: MarkdownSource, location: SourceLocation) {
        self.id = id
        self.title = title
        self.issued = issued
        self.status = status
        self.body = body
        self.location = location
        self.attachments = []
        self.groups = []
        self.tasks = []
        self.indicators = []
        self.reports = []
    }

    public func body(in language: Language) -> MarkdownSource? {
        language == .zh ? body : bodyEN
    }

    public func group(_ id: GroupID) -> TaskGroup? { groups.first { $0.id == id } }

    public func task(_ number: TaskNumber) -> PlanTask? { tasks.first { $0.number == number } }
}

extension Plan {
    public enum StatusBasis: String, Sendable, Hashable {
        /// `stated`: the front matter; `period`: computed from the period at the build date;
        /// `replaced`: a plan of the site supersedes it; `none`: neither.
        case stated, period, replaced, none
    }

    /// The status at `day` when the front matter states none: expired once the period has ended.
    /// Unchanged when it is stated.
    public mutating func computeStatus(at day: Day) {
        guard statusBasis != .stated else { return }
        if let period {
            status = period.end < day ? .expired : .inForce
            statusBasis = .period
        } else {
            status = .inForce
            statusBasis = .none
        }
    }
}

/// A row of a plan's disclosure box that has no field of its own: `{label: 公开主体, value: 某某街道办事处}`.
public struct MetadataRow: Sendable, Hashable {
    public var label: BilingualText
    public var value: BilingualText

    public init(label: BilingualText, value: BilingualText) {
        self.label = label
        self.value = value
    }
}

/// 实施期限: the period a plan covers.
public struct Period: Sendable, Hashable {
    public var start: Day
    public var end: Day

    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }
}

/// Markdown text with the place where it starts in its file, so that cmark's
/// line numbers can be turned into file lines.
public struct MarkdownSource: Sendable, Hashable {
    public var text: String
    public var file: String
    /// The file line of the text's first line.
    public var firstLine: Int

    public init(text: String, file: String, firstLine: Int) {
        self.text = text
        self.file = file
        self.firstLine = firstLine
    }
}

/// An original file published with a plan (PDF, DOCX…), copied as-is.
public struct Attachment: Sendable, Hashable {
    /// The file name inside `plans/<id>/attachments/`.
    public var file: String
    public var title: BilingualText
    /// The file's path relative to the content root.
    public var sourcePath: String
    public var byteCount: Int
    /// For a plain-text original that is not UTF-8 with a BOM: its text, which the site also
    /// publishes as a UTF-8 copy with a BOM, readable on any host.
    public var readableText: String?

    /// The name of the UTF-8 copy of a plain-text original: `putuo-2022.txt` → `putuo-2022.utf8.txt`.
    public var readableCopyName: String? {
        guard readableText != nil, file.lowercased().hasSuffix(".txt") else { return nil }
        return String(file.dropLast(4)) + ".utf8.txt"
    }

    public init(file: String, title: BilingualText, sourcePath: String, byteCount: Int) {
        self.file = file
        self.title = title
        self.sourcePath = sourcePath
        self.byteCount = byteCount
    }
}

/// A reference to a unit as written in content (an id or an alias); `id` is
/// filled in by the resolve stage.
public struct UnitReference: Sendable, Hashable {
    public var written: String
    public var location: SourceLocation
    public var id: UnitID?

    public init(written: String, location: SourceLocation, id: UnitID? = nil) {
        self.written = written
        self.location = location
        self.id = id
    }
}
