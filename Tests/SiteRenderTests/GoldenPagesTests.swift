import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Golden files for whole pages of the example site (content/, built at its
/// build_date): the home page, a plan page, a unit page, a progress
/// dashboard and the statistics page, in both languages. A change to a
/// template, a string or the content shows up here as a reviewed diff;
/// GEN_SITE_UPDATE_GOLDEN=1 rewrites them.
@Suite struct GoldenPagesTests {
    static let context: Result<RenderContext, any Error> = Result {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: Repository.content, buildDate: nil,
                                                      today: Day(year: 2030, month: 1, day: 1) ?? Day(year: 2000, month: 1, day: 1)!)
        guard let site, !diagnostics.hasErrors else { throw Failure(description: "\(diagnostics.sorted)") }
        let (theme, _) = Theme.load(from: [Repository.templates])
        guard let theme else { throw Failure(description: "no theme") }
        return RenderContext(site: site, theme: theme)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let pages: [(String, PageRoute)] = [
        ("home", .home),
        ("plan-lvxiang-2024-2026", .plan(PlanID("lvxiang-2024-2026"))),
        ("unit-lvxiang-city-operations-centre", .unit(UnitID("lvxiang-city-operations-centre"))),
        ("progress-lvxiang-2024-2026", .progress(PlanID("lvxiang-2024-2026"))),
        ("statistics", .statistics),
    ]

    @Test(arguments: pages.map(\.0), Language.allCases)
    func pageMatchesItsGoldenFile(name: String, language: Language) throws {
        let context = try Self.context.get()
        let route = try #require(Self.pages.first { $0.0 == name }?.1)
        let file = SiteRenderer.renderPage(PageAddress(route, language), context).file
        guard case .data(let data) = file.contents else { Issue.record("not text"); return }
        let path = Repository.path("Tests/SiteRenderTests/Golden/\(name).\(language.rawValue).html")
        if let diff = Golden.compare(String(decoding: data, as: UTF8.self), to: path) {
            Issue.record(Comment(rawValue: diff))
        }
    }
}
