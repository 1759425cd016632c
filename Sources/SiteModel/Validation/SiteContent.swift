import Dispatch

/// The validate stage's output: typed content, unit references not yet resolved.
public struct SiteContent: Sendable {
    public var site: SiteConfig
    public var units: [Unit]
    public var plans: [Plan]
    public var hazards: [Hazard]
    public var statistics: AccidentStatistics?
    public var articles: [Article] = []
    /// Plans, notices and pages that could not be read and are not published.
    public var leftOut = LeftOut()

    public init(site: SiteConfig, units: [Unit], plans: [Plan], hazards: [Hazard] = [], statistics: AccidentStatistics? = nil) {
        self.site = site
        self.units = units
        self.plans = plans
        self.hazards = hazards
        self.statistics = statistics
    }
}

/// What the validate stage decoded from the files that are costly to decode
/// (each plan folder, the statistics), with the files they came from: a
/// preview that rebuilds on every save hands it back, and a folder whose
/// files are unchanged is not decoded again. A value, kept by the caller.
public struct DecodeCache: Sendable {
    struct DecodedPlan: Sendable {
        var files: PlanFiles
        var plan: Plan?
        var diagnostics: Diagnostics
    }
    struct DecodedStatistics: Sendable {
        var accidents: SourceFile?
        var categories: SourceFile?
        var statistics: AccidentStatistics?
        var diagnostics: Diagnostics
    }
    var plans: [String: DecodedPlan] = [:]
    var statistics: DecodedStatistics?
    /// The text files the load read cleanly, for the next load to reuse those that did not change.
    var files: [String: SourceFile] = [:]
    /// The last resolve's plans, reused for plans that decode to the same value.
    var resolution = Resolver.ResolveCache()
    /// How many plan folders the last validation decoded (not reused).
    public internal(set) var decodedPlanCount = 0

    public init() {}
}

/// The validate stage: decodes every loaded file, collecting diagnostics.
public enum ContentValidator {
    public static func validate(_ content: LoadedContent) -> (SiteContent?, Diagnostics) {
        let (result, diagnostics, _) = validate(content, reusing: DecodeCache())
        return (result, diagnostics)
    }

    /// As `validate(_:)`, reusing what `cache` holds for files that have not changed;
    /// returns the cache for the next run.
    public static func validate(_ content: LoadedContent, reusing cache: DecodeCache) -> (SiteContent?, Diagnostics, DecodeCache) {
        var diagnostics = Diagnostics()
        var site = content.site.flatMap { SiteDecoder.decode($0, into: &diagnostics) }
        if let holidays = content.holidays.flatMap({ HolidaysDecoder.decode($0, into: &diagnostics) }) { site?.holidays = holidays }
        let units = content.units.map { UnitsDecoder.decode($0, into: &diagnostics) } ?? []
        // Plans (each with its tasks and reports) and the statistics decode independently, in parallel;
        // the result and the diagnostics' order never depend on timing.
        let plans = content.plans
        enum Decoded: Sendable {
            case plan(DecodeCache.DecodedPlan)
            case statistics(DecodeCache.DecodedStatistics)
        }
        let results = (0..<plans.count + 1).concurrentMap { index -> Decoded in
            var found = Diagnostics()
            guard index < plans.count else {
                if let previous = cache.statistics, previous.accidents == content.accidents, previous.categories == content.categories {
                    return .statistics(previous)
                }
                let statistics = StatisticsDecoder.decode(csv: content.accidents, categories: content.categories, into: &found)
                return .statistics(.init(accidents: content.accidents, categories: content.categories, statistics: statistics, diagnostics: found))
            }
            let files = plans[index]
            if let previous = cache.plans[files.folder], previous.files == files { return .plan(previous) }
            let plan = PlanDecoder.decode(files, into: &found)
            return .plan(.init(files: files, plan: plan, diagnostics: found))
        }
        let decoded = results.compactMap { if case .plan(let plan) = $0 { plan } else { nil } }
        let statisticsSlot = results.compactMap { if case .statistics(let statistics) = $0 { statistics } else { nil } }
        var next = DecodeCache()
        for (index, result) in decoded.enumerated() {
            diagnostics.append(contentsOf: result.diagnostics)
            next.plans[result.files.folder] = result
            if cache.plans[result.files.folder]?.files != plans[index] { next.decodedPlanCount += 1 }
        }
        let hazards = content.hazards.map { HazardsDecoder.decode($0, into: &diagnostics) } ?? []
        next.statistics = statisticsSlot.first
        diagnostics.append(contentsOf: statisticsSlot.first?.diagnostics ?? Diagnostics())
        let statistics = statisticsSlot.first?.statistics
        // Notices and pages are checked even when site.yaml has errors: one run shows every problem.
        var leftOut = LeftOut()
        let articles = content.articles.compactMap { files -> Article? in
            let article = ArticleDecoder.decode(files, into: &diagnostics)
            if article == nil, files.zh != nil {
                if files.kind == .notice { leftOut.notices[files.stem] = .withheld } else { leftOut.pages[files.stem] = .withheld }
            }
            return article
        }
        for result in decoded.compactMap({ $0 }) where result.plan == nil {
            leftOut.plans[PlanID(result.files.folder)] = .withheld
        }
        guard let site else { return (nil, diagnostics, next) }
        var result = SiteContent(site: site, units: units, plans: decoded.compactMap { $0.plan }, hazards: hazards, statistics: statistics)
        result.articles = articles
        result.leftOut = leftOut
        return (result, diagnostics, next)
    }
}
