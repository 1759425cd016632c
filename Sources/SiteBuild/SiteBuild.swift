import Foundation
import SiteModel
import SiteRender

/// The pipeline of one site, in the order it runs: load → validate → resolve (ContentPipeline),
/// the theme, plan the output (OutputPlan), render, check links, write. `gen-site build`, `check`
/// and `serve` (PreviewBuilder) all run it; the command line parses arguments, calls it and prints.
public struct SiteBuild: Sendable {
    /// The content folder.
    public var content: String
    /// The default theme folder; nil: found by ThemeLocator.
    public var templates: String?
    /// The day statuses and overdue tasks are computed at; nil: site.yaml's build_date, else `today`.
    public var buildDate: Day?
    /// Whether plans, notices and pages marked `draft: true` are part of the site.
    public var drafts: Bool
    public var options: BuildOptions
    /// False renders one page at a time (to compare with the parallel build).
    public var parallel: Bool
    /// The day the build runs: read from the clock once, by `init`'s default.
    public var today: Day

    public init(content: String, templates: String? = nil, buildDate: Day? = nil, drafts: Bool = false,
                options: BuildOptions = BuildOptions(), parallel: Bool = true, today: Day = SiteBuild.today()) {
        self.content = content
        self.templates = templates
        self.buildDate = buildDate
        self.drafts = drafts
        self.options = options
        self.parallel = parallel
        self.today = today
    }

    /// Wall time of each stage that ran, in order.
    public typealias Timings = [(stage: String, seconds: Double)]

    /// load → validate → resolve, and the theme: the context pages are rendered from when both
    /// could be read (also when the content has errors: `check` renders it all the same).
    public func load(timings: inout Timings) -> (context: RenderContext?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        // The load's own stages (read, decode, resolve), each timed from the end of the one before.
        var last = DispatchTime.now().uptimeNanoseconds
        var stages = Timings()
        let (site, found, _) = ContentPipeline.run(contentRoot: content, buildDate: buildDate, today: today, drafts: drafts,
                                                   reusing: DecodeCache(), stage: { stage in
            let now = DispatchTime.now().uptimeNanoseconds
            stages.append((stage, Double(now - last) / 1e9))
            last = now
        })
        timings += stages
        diagnostics.append(contentsOf: found)
        let (theme, themeDiagnostics) = Self.timed("theme", &timings) { Self.loadTheme(content: content, templates: templates) }
        diagnostics.append(contentsOf: themeDiagnostics)
        guard let site, let theme else { return (nil, diagnostics) }
        return (RenderContext(site: site, theme: theme, options: options), diagnostics)
    }

    public func load() -> (context: RenderContext?, diagnostics: Diagnostics) {
        var timings = Timings()
        return load(timings: &timings)
    }

    /// Runs `body`, appending its wall time under `stage`.
    static func timed<T>(_ stage: String, _ timings: inout Timings, _ body: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    /// The theme: the default theme with the site's own `templates/` over it.
    public static func loadTheme(content: String, templates: String?) -> (Theme?, Diagnostics) {
        guard let folders = ThemeLocator.folders(contentRoot: content, explicit: templates) else {
            return (nil, Diagnostics([.error(.missingTheme, at: SourceLocation(file: "Templates"),
                                             "找不到默认模板 (default templates not found)",
                                             hint: "run from the gen-site checkout, or pass --templates DIR or set GEN_SITE_TEMPLATES")]))
        }
        return Theme.load(from: folders)
    }

    /// Today in the local calendar: the only place gen-site reads the clock.
    public static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 1970, month: 1, day: 1)!
    }

    /// The output folder could not be written: at the folder, as given.
    public static func writeFailed(_ output: String, _ reason: String) -> Diagnostic {
        .error(.writeFailed, at: SourceLocation(file: URL(fileURLWithPath: output).standardizedFileURL.path),
               "无法写入输出目录 (cannot write the output): \(reason)")
    }
}
