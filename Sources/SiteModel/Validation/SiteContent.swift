import Dispatch

/// The validate stage's output: typed content, unit references not yet resolved.
public struct SiteContent: Sendable {
    public var site: SiteConfig
    public var units: [Unit]
    public var plans: [Plan]
    public var hazards: [Hazard]
    public var statistics: AccidentStatistics?
    public var articles: [Article] = []

    public init(site: SiteConfig, units: [Unit], plans: [Plan], hazards: [Hazard] = [], statistics: AccidentStatistics? = nil) {
        self.site = site
        self.units = units
        self.plans = plans
        self.hazards = hazards
        self.statistics = statistics
    }
}

/// The validate stage: decodes every loaded file, collecting diagnostics.
public enum ContentValidator {
    public static func validate(_ content: LoadedContent) -> (SiteContent?, Diagnostics) {
        var diagnostics = Diagnostics()
        let site = content.site.flatMap { SiteDecoder.decode($0, into: &diagnostics) }
        let units = content.units.map { UnitsDecoder.decode($0, into: &diagnostics) } ?? []
        // Plans (each with its tasks and reports) and the statistics decode independently, in parallel,
        // into slots by index: the result and the diagnostics' order never depend on timing.
        let plans = content.plans
        var decoded = [(plan: Plan?, diagnostics: Diagnostics)](repeating: (nil, Diagnostics()), count: plans.count)
        var statisticsSlot = [(statistics: AccidentStatistics?, diagnostics: Diagnostics)](repeating: (nil, Diagnostics()), count: 1)
        decoded.withUnsafeMutableBufferPointer { planSlots in
            statisticsSlot.withUnsafeMutableBufferPointer { statisticsSlots in
                let results = UnsafeSlots(planSlots), statisticsResult = UnsafeSlots(statisticsSlots)
                DispatchQueue.concurrentPerform(iterations: plans.count + 1) { index in
                    var found = Diagnostics()
                    if index == plans.count {
                        let statistics = StatisticsDecoder.decode(csv: content.accidents, categories: content.categories, into: &found)
                        statisticsResult[0] = (statistics, found)
                    } else {
                        let plan = PlanDecoder.decode(plans[index], into: &found)
                        results[index] = (plan, found)
                    }
                }
            }
        }
        for result in decoded { diagnostics.append(contentsOf: result.diagnostics) }
        let hazards = content.hazards.map { HazardsDecoder.decode($0, into: &diagnostics) } ?? []
        diagnostics.append(contentsOf: statisticsSlot[0].diagnostics)
        let statistics = statisticsSlot[0].statistics
        guard let site else { return (nil, diagnostics) }
        var result = SiteContent(site: site, units: units, plans: decoded.compactMap(\.plan), hazards: hazards, statistics: statistics)
        result.articles = content.articles.compactMap { ArticleDecoder.decode($0, into: &diagnostics) }
        return (result, diagnostics)
    }
}

/// Distinct slots of one buffer, filled by concurrent iterations (each index by one only).
struct UnsafeSlots<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
    subscript(index: Int) -> Element {
        get { buffer[index] }
        nonmutating set { buffer[index] = newValue }
    }
}
