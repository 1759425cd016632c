import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// A site's own templates that would render nothing, overflow the stack or make every page
/// megabytes are refused when the theme loads, at their file (found by the probes: each built
/// empty pages with exit 0, crashed, or ran for minutes).
@Suite struct ThemeLimitsTests {
    static func load(_ files: String) throws -> Diagnostics {
        let root = try Fixture.write(files)
        return TemplateEscapingTests.theme(site: root).1
    }

    @Test(arguments: [
        ("-- templates/article.mustache --\n{{> article}}\n", "article.mustache → article.mustache"),
        ("-- templates/article.mustache --\n{{> badge}}\n-- templates/badge.mustache --\n{{> article}}\n",
         "article.mustache → badge.mustache → article.mustache"),
        ("-- templates/article.mustache --\n{{<article}}{{/article}}\n", "article.mustache → article.mustache"),
    ])
    func aTemplateThatIncludesItselfIsRefused(_ files: String, _ circle: String) throws {
        let diagnostics = try Self.load(files)
        let found = diagnostics.items.first { $0.kind == .templateSyntax }
        #expect(found?.message.contains(circle) == true, "\(diagnostics.items)")
        #expect(found?.location.file == "templates/article.mustache")
    }

    @Test func sectionsNestedTooDeepAreRefused() throws {
        let deep = String(repeating: "{{#title_html}}", count: 10_000) + String(repeating: "{{/title_html}}", count: 10_000)
        let diagnostics = try Self.load("-- templates/article.mustache --\n\(deep)\n")
        #expect(diagnostics.items.contains { $0.kind == .templateSyntax && $0.message.contains("more than 100 deep") }, "\(diagnostics.items)")
    }

    @Test func aTemplateOfMegabytesIsRefused() throws {
        let big = String(repeating: "{{{title_html}}}", count: 100_000)
        let diagnostics = try Self.load("-- templates/article.mustache --\n\(big)\n")
        #expect(diagnostics.items.contains { $0.kind == .templateSyntax && $0.location.file == "templates/article.mustache" }, "\(diagnostics.items)")
    }

    @Test func theDefaultThemeLoads() {
        let (theme, diagnostics) = Theme.load(from: [Repository.templates])
        #expect(theme != nil && !diagnostics.hasErrors, "\(diagnostics.items)")
    }
}
