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
        let site = content.site.flatMap { SiteDecoder.decode($0, into: &diagnostics) }
        let units = content.units.map { UnitsDecoder.decode($0, into: &diagnostics) } ?? []
        // Plans (each with its tasks and reports) and the statistics decode independently, in parallel,
        // into slots by index: the result and the diagnostics' order never depend on timing.
        let plans = content.plans
        var decoded = [DecodeCache.DecodedPlan?](repeating: nil, count: plans.count)
        var statisticsSlot = [DecodeCache.DecodedStatistics?](repeating: nil, count: 1)
        decoded.withUnsafeMutableBufferPointer { planSlots in
            statisticsSlot.withUnsafeMutableBufferPointer { statisticsSlots in
                let results = UnsafeSlots(planSlots), statisticsResult = UnsafeSlots(statisticsSlots)
                DispatchQueue.concurrentPerform(iterations: plans.count + 1) { index in
                    var found = Diagnostics()
                    if index == plans.count {
                        if let previous = cache.statistics, previous.accidents == content.accidents, previous.categories == content.categories {
                            statisticsResult[0] = previous
                            return
                        }
                        let statistics = StatisticsDecoder.decode(csv: content.accidents, categories: content.categories, into: &found)
                        statisticsResult[0] = .init(accidents: content.accidents, categories: content.categories,
                                                    statistics: statistics, diagnostics: found)
                    } else {
                        let files = plans[index]
                        if let previous = cache.plans[files.folder], previous.files == files {
                            results[index] = previous
                            return
                        }
                        let plan = PlanDecoder.decode(files, into: &found)
                        results[index] = .init(files: files, plan: plan, diagnostics: found)
                    }
                }
            }
        }
        var next = DecodeCache()
        for (index, result) in decoded.enumerated() {
            guard let result else { continue }
            diagnostics.append(contentsOf: result.diagnostics)
            next.plans[result.files.folder] = result
            if cache.plans[result.files.folder]?.files != plans[index] { next.decodedPlanCount += 1 }
        }
        let hazards = content.hazards.map { HazardsDecoder.decode($0, into: &diagnostics) } ?? []
        next.statistics = statisticsSlot[0]
        diagnostics.append(contentsOf: statisticsSlot[0]?.diagnostics ?? Diagnostics())
        let statistics = statisticsSlot[0]?.statistics
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
        var result = SiteContent(site: site, units: units, plans: decoded.compactMap { $0?.plan }, hazards: hazards, statistics: statistics)
        result.articles = articles
        result.leftOut = leftOut
        return (result, diagnostics, next)
    }
}

/// Distinct slots of one buffer, filled by concurrent iterations (each index by one only).
public struct UnsafeSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    public subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
