import SiteModel

/// `gen-site check --inspection`: the checks of the national government-website inspection that
/// a static site can answer from its content at the build date, as warnings that say what to do.
/// Each check and its source are listed in docs/inspection.md.
///
/// - home page not updated: its newest dated item (a notice, a plan) older than 14 days
///   (政府网站与政务新媒体检查指标, 国办函〔2019〕80号: 首页不更新, 监测2周; 未注明发布时间的视为不更新);
/// - pages without a date (the same note: an undated item counts as not updated);
/// - empty columns (空白栏目) and columns not updated (栏目不更新: 通知公告、政策文件类 6个月);
/// - disclosure later than 20 working days after the document's date (政府信息公开条例 第二十六条),
///   working days counted with holidays.yaml;
/// - the site's identity in its footer (网站标识码, 主办单位, ICP备案号: 政府网站发展指引);
/// - broken links: counted from the build's link check (`linkProblems`).
public enum SiteInspection {
    /// One check's outcome, for the summary line.
    public struct Check: Sendable {
        public var name: String
        public var warnings: Int
        /// What the reader of the summary should know about how it was counted.
        public var note: String?
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var checks: [Check] = []

        public var warningCount: Int { diagnostics.count }

        /// "gen-site check --inspection: 7 checks, 5 warning(s) (home page updated 1, …, broken links 0)".
        public var summary: String {
            let parts = checks.map { "\($0.name) \($0.warnings)" }.joined(separator: ", ")
            var line = "gen-site check --inspection: \(checks.count) checks, \(warningCount) warning(s) (\(parts))"
            for check in checks { if let note = check.note { line += "; \(check.name): \(note)" } }
            return line
        }
    }

    /// The codes of the build's link check (issue 16); their count is the broken-links check.
    public static let linkCodes: Set<DiagnosticCode> = [.linkNotFound, .anchorNotFound, .linkOutsideSite, .linkToWithheld, .linkToDraft]

    /// The home page counts as not updated after this many days.
    public static let homeDays = 14
    /// Notice and policy columns (通知公告、政策文件类) count as not updated after this many months.
    public static let columnMonths = 6
    /// 政府信息公开条例 Article 26: disclosed within 20 working days of being made.
    public static let disclosureWorkingDays = 20

    /// `linkProblems`: the number of broken links the build's link check found (diagnostics
    /// with one of `linkCodes`); they are reported by the check itself, here only counted.
    public static func run(_ context: RenderContext, linkProblems: Int) -> Report {
        var report = Report()
        let site = context.site
        let today = site.buildDate

        // 1. The home page's newest dated item.
        var homeWarnings = 0
        let dated: [(Day, SourceLocation, String)] =
            site.notices.compactMap { notice in notice.date.map { ($0, notice.location, "notices/\(notice.slug)") } }
            + site.plans.map { ($0.published ?? $0.issued, $0.location, "plans/\($0.id.rawValue)") }
        let shown = dated.filter { $0.0 <= today }.max { $0.0 < $1.0 }
        if let (day, location, item) = shown {
            let age = today.ordinal - day.ordinal
            if age > homeDays {
                homeWarnings += 1
                report.diagnostics.append(.warning(
                    .inspectionHomeStale, at: location,
                    "首页最新信息为 \(item)（\(day)），距生成日期 \(today) 已 \(age) 天，超过 \(homeDays) 天 (the home page's newest dated item, \(item) of \(day), is \(age) days old at the build date: over \(homeDays))",
                    hint: "publish a notice (notices/YYYY-MM-DD-slug.md) or a plan; the inspection counts a home page with nothing new for 2 weeks as not updated (首页不更新, a single-item veto)"))
            }
        } else {
            homeWarnings += 1
            report.diagnostics.append(.warning(.inspectionHomeStale, at: SourceLocation(file: "notices"),
                                               "首页没有带日期的信息 (the home page shows no dated item)",
                                               hint: "publish a notice or a plan: an item without a date counts as not updated"))
        }
        report.checks.append(Check(name: "home page updated", warnings: homeWarnings))

        // 2. Pages without a date.
        var undated = 0
        for page in site.pages where page.date == nil {
            undated += 1
            report.diagnostics.append(.warning(
                .inspectionUndatedPage, at: page.location,
                "页面 pages/\(page.slug).md 没有发布日期 (the page has no date)",
                hint: "add date: YYYY-MM-DD (its 发布日期, or the day it was last revised) to the front matter; the inspection counts an undated item as not updated"))
        }
        report.checks.append(Check(name: "pages with a date", warnings: undated))

        // 3. Columns: empty, or not updated for six months.
        var empty = 0, stale = 0
        let siteFile = SourceLocation(file: "site.yaml")
        for item in context.navItems {
            let name = item.title.zh ?? item.path
            let column = Self.column(item.path, site)
            if column.isEmpty {
                empty += 1
                report.diagnostics.append(.warning(
                    .inspectionEmptyColumn, at: site.site.nav.isEmpty ? column.location ?? siteFile : siteFile,
                    "栏目“\(name)”（/\(item.path)）没有内容 (the column \(item.path) is empty)",
                    hint: "publish what the column is for, or take it out of the navigation (site.yaml nav); the inspection counts empty columns (空白栏目)"))
            } else if let newest = column.newest, column.updatesEveryHalfYear, Self.monthsBetween(newest, today) >= columnMonths {
                stale += 1
                report.diagnostics.append(.warning(
                    .inspectionColumnStale, at: column.location ?? siteFile,
                    "栏目“\(name)”最近一次更新为 \(newest)，已超过 \(columnMonths) 个月 (the column \(item.path) was last updated on \(newest), over \(columnMonths) months before the build date)",
                    hint: "notice and policy columns (通知公告、政策文件) are checked for an update in the last 6 months"))
            }
        }
        report.checks.append(Check(name: "empty columns", warnings: empty))
        report.checks.append(Check(name: "columns updated", warnings: stale))

        // 4. Disclosed within 20 working days of the document's date.
        var late = 0
        var missingYears = Set<Int>()
        for plan in site.plans {
            guard let published = plan.published else {
                late += 1
                report.diagnostics.append(.warning(
                    .inspectionNoPublishDate, at: plan.location,
                    "方案 \(plan.id) 没有发布日期，无法核对是否在成文后20个工作日内公开 (no published date: the 20 working days cannot be checked)",
                    hint: "write published: YYYY-MM-DD, the day the plan went online"))
                continue
            }
            let calendar = site.site.holidays ?? HolidayCalendar()
            for year in plan.issued.year...max(plan.issued.year, published.year) where !calendar.covers(year) { missingYears.insert(year) }
            let days = calendar.workingDays(after: plan.issued, through: published)
            if days > disclosureWorkingDays {
                late += 1
                report.diagnostics.append(.warning(
                    .inspectionDisclosureLate, at: plan.location,
                    "方案 \(plan.id) 成文于 \(plan.issued)，\(published) 发布，相隔 \(days) 个工作日，超过 \(disclosureWorkingDays) 个工作日 (published \(days) working days after its date: over \(disclosureWorkingDays))",
                    hint: "政府信息公开条例 Article 26: information to be disclosed is published within 20 working days of being made; check published: and issued:"))
            }
        }
        var disclosure = Check(name: "disclosed within 20 working days", warnings: late)
        if !missingYears.isEmpty {
            let years = missingYears.sorted().map(String.init).joined(separator: ", ")
            disclosure.note = "counted without public holidays for \(years) (holidays.yaml does not give them)"
        }
        report.checks.append(disclosure)

        // 5. The site's identity.
        var identity = 0
        let given = site.site.identity
        let missing = [("sponsor", "主办单位", given.sponsor == nil), ("site_code", "网站标识码", given.siteCode == nil),
                       ("icp", "ICP备案号", given.icp == nil)].filter(\.2)
        if !missing.isEmpty {
            identity += 1
            report.diagnostics.append(.warning(
                .inspectionIdentityMissing, at: siteFile,
                "页脚缺少\(missing.map(\.1).joined(separator: "、")) (the footer lacks \(missing.map(\.0).joined(separator: ", ")))",
                hint: "add them to site.yaml (docs/content-format.md); government sites show them at the foot of every page"))
        }
        report.checks.append(Check(name: "site identity", warnings: identity))

        // 6. Broken links.
        report.checks.append(Check(name: "broken links", warnings: linkProblems))
        report.diagnostics.sort { a, b in
            a.location.file != b.location.file ? a.location.file < b.location.file
                : (a.location.line, a.code) < (b.location.line, b.code)
        }
        return report
    }

    struct Column {
        var isEmpty: Bool
        var newest: Day?
        /// 通知公告、政策文件类: checked for an update within six months.
        var updatesEveryHalfYear = false
        var location: SourceLocation?
    }

    /// What a navigation entry leads to, for the column checks.
    static func column(_ path: String, _ site: ResolvedSite) -> Column {
        let today = site.buildDate
        switch path {
        case "plans/":
            let newest = site.plans.map { $0.published ?? $0.issued }.filter { $0 <= today }.max()
            return Column(isEmpty: site.plans.isEmpty, newest: newest, updatesEveryHalfYear: true,
                          location: site.plans.first?.location ?? SourceLocation(file: "plans"))
        case "notices/":
            let newest = site.notices.compactMap(\.date).filter { $0 <= today }.max()
            return Column(isEmpty: site.notices.isEmpty, newest: newest, updatesEveryHalfYear: true,
                          location: site.notices.first?.location ?? SourceLocation(file: "notices"))
        case "units/":
            return Column(isEmpty: !site.units.contains { !site.assignments(of: $0.id).isEmpty }, location: SourceLocation(file: "units.yaml"))
        case "hazards/":
            return Column(isEmpty: site.hazards.isEmpty, location: SourceLocation(file: "hazards.yaml"))
        case "statistics/":
            return Column(isEmpty: site.statistics?.records.isEmpty ?? true, location: SourceLocation(file: "statistics/accidents.csv"))
        case "report/":
            return Column(isEmpty: site.site.hotlines.isEmpty && site.site.channels.isEmpty && site.page("report") == nil,
                          location: SourceLocation(file: "site.yaml"))
        default:
            if path.hasPrefix("pages/") {
                let slug = String(path.dropFirst(6).prefix { $0 != "/" })
                let page = site.page(slug)
                return Column(isEmpty: page == nil || page?.body.text.allSatisfy(\.isWhitespace) == true, location: page?.location)
            }
            return Column(isEmpty: false)
        }
    }

    /// Whole months from `a` to `b` (a day of the month not yet reached does not count).
    static func monthsBetween(_ a: Day, _ b: Day) -> Int {
        var months = (b.year - a.year) * 12 + (b.month - a.month)
        if b.day < a.day { months -= 1 }
        return months
    }
}
