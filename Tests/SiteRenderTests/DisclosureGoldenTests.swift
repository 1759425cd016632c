import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Golden files for what makes the site read as an official disclosure site, on a fixture
/// that gives every element (Tests/Fixtures/disclosure): the footer's identity (主办单位,
/// 承办单位, 网站标识码, contact, the ICP and police filings), each page's metadata
/// (SiteName … Url), and a plan's disclosure box with 索引号, 原文出处, 政策解读 (a page of
/// the site and an address elsewhere), the plans it replaces and that amend it, the banner of a
/// replaced plan and the revision history, plus the feed that carries the revisions.
@Suite struct DisclosureGoldenTests {
    static let context: Result<RenderContext, any Error> = Result {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: Repository.fixture("disclosure"), buildDate: nil,
                                                      today: Day(year: 2030, month: 1, day: 1) ?? Day(year: 2000, month: 1, day: 1)!)
        guard let site, !diagnostics.hasErrors, diagnostics.items.isEmpty else { throw Failure(description: "\(diagnostics.sorted)") }
        let (theme, _) = Theme.load(from: [Repository.templates])
        guard let theme else { throw Failure(description: "no theme") }
        return RenderContext(site: site, theme: theme)
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    static let pages: [(String, PageRoute)] = [
        ("plan-new-2024", .plan(PlanID("new-2024"))),
        ("plan-old-2023", .plan(PlanID("old-2023"))),
        ("notice", .notice("2024-05-20-points-published")),
        ("page-interpretation-2024", .page("interpretation-2024")),
    ]

    @Test(arguments: pages.map(\.0), Language.allCases)
    func pageMatchesItsGoldenFile(name: String, language: Language) throws {
        let context = try Self.context.get()
        let route = try #require(Self.pages.first { $0.0 == name }?.1)
        let file = SiteRenderer.renderPage(PageAddress(route, language), context).file
        guard case .data(let data) = file.contents else { Issue.record("not text"); return }
        let path = Repository.path("Tests/SiteRenderTests/Golden/disclosure-\(name).\(language.rawValue).html")
        if let diff = Golden.compare(String(decoding: data, as: UTF8.self), to: path) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    @Test(arguments: Language.allCases)
    func feedCarriesTheRevisions(language: Language) throws {
        let context = try Self.context.get()
        let path = Repository.path("Tests/SiteRenderTests/Golden/disclosure-feed.\(language.rawValue).xml")
        if let diff = Golden.compare(Feeds.atom(context, language), to: path) {
            Issue.record(Comment(rawValue: diff))
        }
    }

    /// A plain-text original is published twice: its own bytes, and its text as UTF-8 with a BOM,
    /// which a browser reads right even from a host that sends text/plain without a charset.
    @Test func aPlainTextOriginalGetsAUTF8CopyWithABOM() throws {
        let context = try Self.context.get()
        let files = SiteRenderer.staticFiles(context)
        let original = try #require(files.first { $0.path == "plans/old-2023/attachments/original.txt" })
        guard case .copy(let source) = original.contents else { Issue.record("the original is not copied as it is"); return }
        #expect(source == "plans/old-2023/attachments/original.txt")
        let copy = try #require(files.first { $0.path == "plans/old-2023/attachments/original.utf8.txt" }?.madeBytes)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Repository.fixture("disclosure") + "/" + source))
        #expect(copy == Data([0xEF, 0xBB, 0xBF]) + bytes)
        let page = SiteRenderer.renderPage(PageAddress(.plan(PlanID("old-2023")), .zh), context).file.madeBytes ?? Data()
        #expect(String(decoding: page, as: UTF8.self).contains("<a class=\"readable-copy\" href=\"attachments/original.utf8.txt\">"))
    }

    /// Every page carries the site's identity in its footer and its metadata, whatever its kind.
    @Test func everyPageHasTheFooterAndTheSiteMetadata() throws {
        let context = try Self.context.get()
        for address in SiteRenderer.pageAddresses(context) {
            let file = SiteRenderer.renderPage(address, context).file
            guard case .data(let data) = file.contents else { continue }
            let html = String(decoding: data, as: UTF8.self)
            for needle in ["<meta name=\"SiteName\"", "<meta name=\"SiteDomain\" content=\"safety.test.example\">",
                           "<meta name=\"SiteIDCode\" content=\"9900000001\">", "<meta name=\"ColumnName\"",
                           "<meta name=\"Url\" content=\"https://safety.test.example/\(address.path)\">",
                           "9900000001</dd>", "测ICP备00000000号-1", "测公网安备00000000000000号", "mailto:office@safety.test.example"] {
                #expect(html.contains(needle), "\(address.path) lacks \(needle)")
            }
            #expect(!html.contains("gen-site"), "\(address.path) credits the tool without tool_credit: true")
        }
    }

    /// SiteDomain: the host of base_url, as written (port included, user left out); none without one.
    @Test func siteDomainIsTheHostOfTheBaseURL() {
        #expect(PageBuilder.domain(of: "https://work-safety.example.org/x/") == "work-safety.example.org")
        #expect(PageBuilder.domain(of: "http://user@safety.example:8080/p?q#f") == "safety.example:8080")
        #expect(PageBuilder.domain(of: "https://安全.example/") == "安全.example")
        #expect(PageBuilder.domain(of: "example.org/") == nil)
        #expect(PageBuilder.domain(of: "https:///x") == nil)
    }
}
