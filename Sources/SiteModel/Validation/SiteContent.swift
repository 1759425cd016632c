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
        var plans: [Plan] = []
        for files in content.plans {
            if let plan = PlanDecoder.decode(files, into: &diagnostics) {
                plans.append(plan)
            }
        }
        let hazards = content.hazards.map { HazardsDecoder.decode($0, into: &diagnostics) } ?? []
        let statistics = StatisticsDecoder.decode(csv: content.accidents, categories: content.categories, into: &diagnostics)
        guard let site else { return (nil, diagnostics) }
        var result = SiteContent(site: site, units: units, plans: plans, hazards: hazards, statistics: statistics)
        result.articles = content.articles.compactMap { ArticleDecoder.decode($0, into: &diagnostics) }
        return (result, diagnostics)
    }
}
