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
    /// A class: a rebuild hands the unchanged ones on, and a reference is one retain.
    final class DecodedPlan: Sendable {
        let files: PlanFiles
        let plan: Plan?
        let diagnostics: Diagnostics
        /// plan.md and plan.en.md decoded: kept when only tasks.yaml or a report changes.
        let head: PlanDecoder.Head?

        init(files: PlanFiles, plan: Plan?, diagnostics: Diagnostics, head: PlanDecoder.Head? = nil) {
            self.files = files
            self.plan = plan
            self.diagnostics = diagnostics
            self.head = head
        }
    }
    struct DecodedStatistics: Sendable {
        var accidents: SourceFile?
        var categories: SourceFile?
        var statistics: AccidentStatistics?
        var diagnostics: Diagnostics
    }
    /// A file decoded on its own (units.yaml, hazards.yaml), with what it gave.
    struct DecodedFile<Value: Sendable>: Sendable {
        var file: SourceFile
        var value: Value
        var diagnostics: Diagnostics
    }
    struct DecodedArticle: Sendable {
        var zh: SourceFile?
        var en: SourceFile?
        var article: Article?
        var diagnostics: Diagnostics
    }
    var plans: [String: DecodedPlan] = [:]
    var statistics: DecodedStatistics?
    var units: DecodedFile<[Unit]>?
    var hazards: DecodedFile<[Hazard]>?
    /// Notices and pages by folder and stem (`notices/2024-05-fire`).
    var articles: [String: DecodedArticle] = [:]
    /// The stand-ins of `gen-site new` found in each file (`SkeletonMarkers`), by path.
    var markers: [String: (file: SourceFile, found: [Diagnostic])] = [:]
    /// All of them, in the order a run reports them.
    var unfinished: [Diagnostic] = []
    /// The text files the load read cleanly, for the next load to reuse those that did not change.
    var files: [String: SourceFile] = [:]
    /// The last load and its diagnostics, for a load that reads only the files written since.
    var load: (content: LoadedContent, diagnostics: Diagnostics)?
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
        var next = DecodeCache()
        // A file whose text is the one decoded last time gives what it gave then.
        func reuse<Value>(_ file: SourceFile, _ previous: DecodeCache.DecodedFile<Value>?,
                            _ decode: (SourceFile, inout Diagnostics) -> Value) -> DecodeCache.DecodedFile<Value> {
            let result: DecodeCache.DecodedFile<Value>
            if let previous, previous.file == file {
                result = previous
            } else {
                var found = Diagnostics()
                result = .init(file: file, value: decode(file, &found), diagnostics: found)
            }
            diagnostics.append(contentsOf: result.diagnostics)
            return result
        }
        next.units = content.units.map { reuse($0, cache.units, UnitsDecoder.decode) }
        let units = next.units?.value ?? []
        // Plans (each with its tasks and reports) and the statistics decode independently, in parallel;
        // the result and the diagnostics' order never depend on timing.
        let plans = content.plans
        enum Decoded: Sendable {
            case plan(DecodeCache.DecodedPlan)
            case statistics(DecodeCache.DecodedStatistics)
        }
        // In parallel when more than one is to be decoded (a save changes one: the others are the cache's).
        let statisticsChanged = cache.statistics.map { $0.accidents != content.accidents || $0.categories != content.categories } ?? true
        let toDecode = plans.count { cache.plans[$0.folder]?.files != $0 } + (statisticsChanged ? 1 : 0)
        let results = (0..<plans.count + 1).concurrentMap(parallel: toDecode > 1) { index -> Decoded in
            var found = Diagnostics()
            guard index < plans.count else {
                if let previous = cache.statistics, previous.accidents == content.accidents, previous.categories == content.categories {
                    return .statistics(previous)
                }
                let statistics = StatisticsDecoder.decode(csv: content.accidents, categories: content.categories, into: &found)
                return .statistics(.init(accidents: content.accidents, categories: content.categories, statistics: statistics, diagnostics: found))
            }
            let files = plans[index]
            let previous = cache.plans[files.folder]
            if let previous, previous.files == files { return .plan(previous) }
            let (plan, head) = PlanDecoder.decode(files, reusing: previous?.head, into: &found)
            return .plan(.init(files: files, plan: plan, diagnostics: found, head: head))
        }
        let decoded = results.compactMap { if case .plan(let plan) = $0 { plan } else { nil } }
        let statisticsSlot = results.compactMap { if case .statistics(let statistics) = $0 { statistics } else { nil } }
        for (index, result) in decoded.enumerated() {
            diagnostics.append(contentsOf: result.diagnostics)
            next.plans[result.files.folder] = result
            if cache.plans[result.files.folder]?.files != plans[index] { next.decodedPlanCount += 1 }
        }
        next.hazards = content.hazards.map { reuse($0, cache.hazards, HazardsDecoder.decode) }
        let hazards = next.hazards?.value ?? []
        next.statistics = statisticsSlot.first
        diagnostics.append(contentsOf: statisticsSlot.first?.diagnostics ?? Diagnostics())
        let statistics = statisticsSlot.first?.statistics
        // Notices and pages are checked even when site.yaml has errors: one run shows every problem.
        var leftOut = LeftOut()
        let articles = content.articles.compactMap { files -> Article? in
            let key = (files.kind == .notice ? "notices/" : "pages/") + files.stem
            var result: DecodeCache.DecodedArticle
            if let previous = cache.articles[key], previous.zh == files.zh, previous.en == files.en {
                result = previous
            } else {
                var found = Diagnostics()
                result = .init(zh: files.zh, en: files.en, article: ArticleDecoder.decode(files, into: &found), diagnostics: found)
            }
            next.articles[key] = result
            diagnostics.append(contentsOf: result.diagnostics)
            let article = result.article
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
