import Foundation
import Synchronization
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Escaping follows the type of a value, not the name of its key or the tag
/// that writes it: text from content reaches no page as markup, and a template
/// that asks to write text raw is refused when the theme loads.
@Suite struct TemplateEscapingTests {
    /// A theme of the default templates with a site's own `templates/` folder over them.
    static func theme(site root: String) -> (Theme?, Diagnostics) {
        Theme.load(from: [Theme.Folder(Repository.templates),
                          Theme.Folder(path: root + "/templates", boundary: root, reportPrefix: "templates/")])
    }

    /// `{{{…}}}` and `{{&…}}` of a key that holds text, of an interface string, of `.`, or of a
    /// name no view fills: each refused at its line and column; of a key that holds HTML: accepted.
    @Test func aSiteTemplateThatWritesTextRawIsRefusedAtLoad() throws {
        let root = try Fixture.write("""
        -- templates/home.mustache --
        {{<layout}}
        {{$main}}
        <h1>{{{site_title}}}</h1>
        <p>{{{intro_html}}}</p>
          <p>{{&page_title}}</p>{{{t.home_title}}}
        {{#hotline_cards}}{{{name_html}}} {{{ number }}}{{/hotline_cards}}
        {{#nav}}{{{.}}}{{{no_such_key}}}{{/nav}}
        {{/main}}
        {{/layout}}
        """)
        let (theme, diagnostics) = Self.theme(site: root)
        #expect(theme == nil, "a theme with a raw text tag loaded")
        let found = diagnostics.sorted.map { "\($0.severity) \($0.location.file):\($0.location.line):\($0.location.column) \($0.code)" }
        #expect(found == [
            "error templates/home.mustache:3:5 template-unescaped-text",
            "error templates/home.mustache:5:6 template-unescaped-text",
            "error templates/home.mustache:5:25 template-unescaped-text",
            "error templates/home.mustache:6:35 template-unescaped-text",
            "error templates/home.mustache:7:9 template-unescaped-text",
            "error templates/home.mustache:7:16 template-unescaped-text",
        ], "\(diagnostics.sorted)")
        let first = try #require(diagnostics.sorted.first)
        #expect(first.message.contains("{{{site_title}}}") && first.hint?.contains("{{site_title}}") == true, "\(first)")
    }

    /// The same template with the text escaped loads, and its HTML keys go out as HTML.
    @Test func theSameTemplateEscapedLoads() throws {
        let root = try Fixture.write("""
        -- templates/home.mustache --
        {{<layout}}
        {{$main}}
        <h1>{{site_title}}</h1>
        <div class="intro">{{{intro_html}}}</div>
        {{/main}}
        {{/layout}}
        """)
        let (loaded, diagnostics) = Self.theme(site: root)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let theme = try #require(loaded)
        let (site, siteDiagnostics) = ContentPipeline.run(contentRoot: Repository.fixture("script"), buildDate: nil,
                                                          today: Day(year: 2024, month: 6, day: 30)!)
        #expect(!siteDiagnostics.hasErrors, "\(siteDiagnostics.sorted)")
        let context = RenderContext(site: try #require(site), theme: theme)
        let page = try #require(SiteRenderer.pageView(PageAddress(.home, .zh), context))
        let html = theme.render(page.template, page.view)
        #expect(html.contains("<h1>测试站&lt;script&gt;alert(&quot;x&#39;y&quot;)&lt;/script&gt;</h1>"))
        #expect(html.contains("<div class=\"intro\">站点简介&lt;script&gt;"))
    }

    /// The `script` fixture puts `<script>alert("x'y")</script>` after the text of every field a
    /// reader sees (titles, names, notes, requirements, remarks, unit names and aliases, notice
    /// titles and tags, the site's title, hotlines, identity, an interface string of its own…).
    /// Every file the build makes holds no script element but the theme's own, no quote of
    /// it unescaped in HTML or XML, and each field's text reaches some page or feed, escaped.
    @Test func aScriptInEveryFieldReachesNoPageUnescaped() throws {
        let root = Repository.fixture("script")
        let (site, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: nil, today: Day(year: 2024, month: 6, day: 30)!)
        #expect(diagnostics.items.isEmpty, "\(diagnostics.sorted)")
        let (theme, themeDiagnostics) = Self.theme(site: root)
        #expect(themeDiagnostics.items.isEmpty, "\(themeDiagnostics.sorted)")
        let context = RenderContext(site: try #require(site), theme: try #require(theme), options: BuildOptions(searchIndex: true))
        let rendered = Mutex<[OutputFile]>([])
        _ = SiteRenderer.renderStreaming(context, parallel: false) { file in rendered.withLock { $0.append(file) } }
        let files = rendered.withLock { $0 } + SiteRenderer.supportFiles(context)

        let ours = try NSRegularExpression(pattern: #"<script src="(\.\./)*assets/(site|search)\.js" defer></script>"#)
        var markup: [String] = []
        var shown: [String] = []
        var pages = 0
        for file in files {
            guard let data = file.madeBytes else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let isMarkup = file.path.hasSuffix(".html") || file.path.hasSuffix(".xml")
            let theirs = ours.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "")
            if theirs.range(of: "<script", options: .caseInsensitive) != nil { markup.append("\(file.path): a script element") }
            if isMarkup && text.contains(#"alert("x'y")"#) { markup.append("\(file.path): quotes unescaped") }
            if file.path.hasSuffix(".html") {
                pages += 1
                // Every page shows the site's title.
                if !text.contains("测试站&lt;script&gt;alert(&quot;x&#39;y&quot;)&lt;/script&gt;") && !text.contains("Test site&lt;script&gt;") {
                    markup.append("\(file.path): the site title is missing")
                }
            }
            if isMarkup { shown.append(text) }
        }
        #expect(markup.isEmpty, "\(markup)")
        #expect(pages > 40)

        // Each field's text, as the word before its script tag in the fixture, is on some page or in
        // a feed: as text, escaped, or as Markdown, whose raw HTML is left out.
        let sources = try FileManager.default.subpathsOfDirectory(atPath: root).sorted()
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }
            .map { try String(contentsOfFile: root + "/" + $0, encoding: .utf8) }
        let word = try NSRegularExpression(pattern: #"([^\s"{\[:,]+)<script>"#)
        let words = Set(sources.flatMap { source in
            word.matches(in: source, range: NSRange(source.startIndex..., in: source)).compactMap {
                Range($0.range(at: 1), in: source).map { String(source[$0]) }
            }
        })
        #expect(words.count > 100)
        let missing = words.filter { word in
            !shown.contains { $0.contains(word + "&lt;script&gt;") || $0.contains(word + "<!-- raw HTML omitted -->") }
        }
        #expect(missing.isEmpty, "fields of the fixture shown nowhere: \(missing.sorted())")
    }
}
