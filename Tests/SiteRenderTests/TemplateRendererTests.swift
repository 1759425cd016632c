import Foundation
import Mustache
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Our Mustache renderer: the language cases one by one, then every page of
/// the fixtures and of the example site rendered by it and by swift-mustache
/// from the same templates and views, byte for byte.
@Suite struct TemplateRendererTests {
    func render(_ template: String, _ view: Any, partials: [String: String] = [:]) throws -> String {
        var templates = ["main": try MustacheParser.parse(template)]
        for (name, text) in partials { templates[name] = try MustacheParser.parse(text) }
        return String(decoding: TemplateRenderer.render("main", view, templates: templates) ?? [], as: UTF8.self)
    }

    /// swift-mustache's output for the same template and view.
    func reference(_ template: String, _ view: Any, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        try library.register(template, named: "main")
        for (name, text) in partials { try library.register(text, named: name) }
        return library.render(view, withTemplate: "main") ?? ""
    }

    nonisolated(unsafe) static let cases: [(String, String, [String: Any], [String: String])] = [
        ("escaping", "{{a}}|{{{a}}}|{{&a}}", ["a": "<b>\"Tom\" & 'Jerry'</b>"], [:]),
        ("numbers and booleans", "{{n}} {{d}} {{b}}", ["n": 42, "d": 1.5, "b": true], [:]),
        ("missing", "[{{nothing}}]", [:], [:]),
        ("dotted", "{{a.b.c}}|{{a.x}}|{{#a}}{{b.c}}{{/a}}", ["a": ["b": ["c": "deep"]] as [String: Any]], [:]),
        ("dotted does not climb", "{{#a}}{{b.c}}{{/a}}", ["a": ["b": [:] as [String: Any]] as [String: Any], "b": ["c": "outer"] as [String: Any]], [:]),
        ("anchored", "{{#a}}{{.x}}|{{x}}{{/a}}", ["a": ["y": 1] as [String: Any], "x": "outer"], [:]),
        ("list", "{{#rows}}<{{name}}>{{/rows}}", ["rows": [["name": "a"], ["name": "b"]] as [[String: Any]]], [:]),
        ("implicit iterator", "{{#items}}({{.}}){{/items}}", ["items": ["x", "<y>"]], [:]),
        ("empty list and inverted", "{{#rows}}x{{/rows}}{{^rows}}none{{/rows}}", ["rows": [] as [[String: Any]]], [:]),
        ("false and inverted", "{{#f}}yes{{/f}}{{^f}}no{{/f}}{{#t}}yes{{/t}}{{^t}}no{{/t}}", ["f": false, "t": true], [:]),
        ("value as context", "{{#who}}{{name}} in {{place}}{{/who}}", ["who": ["name": "Li"] as [String: Any], "place": "Putuo"], [:]),
        ("string section", "{{#s}}[{{.}}]{{/s}}{{^s}}none{{/s}}", ["s": ""], [:]),
        ("empty trusted HTML is false", "{{#h}}has{{/h}}{{^h}}empty{{/h}}|{{#g}}{{{g}}}{{/g}}",
         ["h": TrustedHTML(""), "g": TrustedHTML("<em>x</em>")], [:]),
        ("trusted HTML escaped by double braces", "{{h}}|{{{h}}}", ["h": TrustedHTML("<em>x</em>")], [:]),
        ("strings table", "{{t.a}}/{{t.missing}}", ["t": ["a": "甲"]], [:]),
        ("standalone lines", "begin\n{{#a}}\n  line\n{{/a}}\n{{! comment }}\nend\n", ["a": true], [:]),
        ("not standalone", "  {{#a}}x{{/a}}  \n", ["a": true], [:]),
        ("indented standalone section", "  {{#a}}\n  x\n  {{/a}}\n", ["a": true], [:]),
        ("comment inline", "a{{! hidden }}b\n  {{! alone }}\nc", [:], [:]),
        ("set delimiters", "{{=<% %>=}}<% a %>{{a}}<%={{ }}=%>{{a}}", ["a": "v"], [:]),
        ("partial", "[{{>p}}]", ["x": "1"], ["p": "x={{x}}"]),
        ("standalone partial", "a\n{{>p}}\nb", ["x": "1"], ["p": "x={{x}}\n"]),
        ("parent with blocks", "{{<layout}}\n{{$main}}\n<p>{{x}}</p>\n{{/main}}\n{{/layout}}\n", ["x": "body", "title": "T"],
         ["layout": "<title>{{title}}</title>\n{{$head}}default head{{/head}}\n<main>\n{{$main}}{{/main}}</main>\n"]),
        ("parent defaults", "{{<layout}}{{/layout}}", [:], ["layout": "{{$a}}A{{/a}}-{{$b}}B{{/b}}"]),
        ("nested parents", "{{<mid}}{{$a}}child{{/a}}{{/mid}}", [:],
         ["mid": "{{<base}}{{$a}}mid{{/a}}{{$b}}midb{{/b}}{{/base}}", "base": "{{$a}}base{{/a}}|{{$b}}baseb{{/b}}"]),
        ("CJK and emoji", "{{a}}·{{{a}}}", ["a": "燃气 & 电动自行车 🚲"], [:]),
        ("CRLF", "a\r\n{{#b}}\r\nx\r\n{{/b}}\r\n", ["b": true], [:]),
    ]

    @Test(arguments: cases.map(\.0))
    func rendersAsSwiftMustacheDoes(_ name: String) throws {
        let (_, template, view, partials) = try #require(Self.cases.first { $0.0 == name })
        #expect(try render(template, view, partials: partials) == reference(template, view, partials: partials))
    }

    @Test func expectedOutputs() throws {
        #expect(try render("{{a}}|{{{a}}}", ["a": "<&\"'>"]) == "&lt;&amp;&quot;&#39;&gt;|<&\"'>")
        let standalone = try render("begin\n{{#a}}\n  line\n{{/a}}\nend\n", ["a": true])
        #expect(standalone == "begin\n  line\nend\n", "\(Array(standalone.utf8))")
        let rows = try render("{{#rows}}{{n}},{{/rows}}", ["rows": [["n": 1], ["n": 2]] as [[String: Any]]])
        #expect(rows == "1,2,", "\(rows)")
        // An optional stored in a view counts as its value, or as missing (never the text "nil").
        let missing: String? = nil
        #expect(try render("[{{a}}]{{#a}}yes{{/a}}{{^a}}no{{/a}}[{{b}}]", ["a": missing as Any, "b": Optional("x") as Any]) == "[]no[x]")
    }

    /// A partial may render itself, over a tree (a leaf says it has no children, or the
    /// lookup would find its parent's); a partial that always includes itself stops.
    @Test func recursivePartials() throws {
        let tree: [String: Any] = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": [] as [[String: Any]]]] as [[String: Any]]]] as [[String: Any]]]
        #expect(try render("{{>node}}", tree, partials: ["node": "({{name}}{{#children}}{{>node}}{{/children}})"]) == "(a(b(c)))")
        #expect(try render("x{{>main}}", [:]) == String(repeating: "x", count: TemplateRenderer.maximumPartialDepth + 1))
    }

    /// Every line of an indented standalone partial is indented (the spec's
    /// rule); swift-mustache leaves the later lines of a section inside the
    /// partial unindented, so this case is ours alone.
    @Test func indentedPartialsIndentEveryLine() throws {
        #expect(try render("<ul>\n  {{>item}}\n</ul>\n", ["x": "1"], partials: ["item": "<li>\n{{x}}\n</li>\n"])
                == "<ul>\n  <li>\n  1\n  </li>\n</ul>\n")
    }

    @Test func syntaxErrorsAreLocated() {
        for (template, line, column) in [("a\n{{#x}}\nb", 3, 2), ("{{#x}}{{/y}}", 1, 10), ("\n\n  {{name", 3, 9), ("{{upper(x)}}", 1, 13)] {
            do {
                _ = try MustacheParser.parse(template)
                Issue.record("\(template) parsed")
            } catch {
                #expect((error.line, error.column) == (line, column), "\(template): \(error.message)")
            }
        }
    }

    /// A site's own templates are input too: damaged copies of the theme's
    /// templates (characters dropped, doubled or swapped for tag characters,
    /// cut short) parse or are refused with a located error — never a crash —
    /// and whatever parses renders.
    @Test func damagedTemplatesNeverCrash() throws {
        let (loaded, _) = Theme.load(from: [Repository.templates])
        let theme = try #require(loaded)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(bound, 1)))
        }
        let view: [String: Any] = ["t": ["plans_title": "方案"], "rows": [["no": "1"]] as [[String: Any]], "x": true]
        var parsed = 0, refused = 0
        for (_, text) in theme.templateTexts.sorted(by: { $0.key < $1.key }) {
            let characters = Array(text)
            for _ in 0..<60 {
                var damaged = characters
                for _ in 0..<(1 + next(4)) where !damaged.isEmpty {
                    let at = next(damaged.count)
                    switch next(4) {
                    case 0: damaged.remove(at: at)
                    case 1: damaged.insert(damaged[at], at: at)
                    case 2: damaged[at] = ["{", "}", "#", "/", "^", "<", "$", ">", "=", "!", "&"][next(11)]
                    default: damaged = Array(damaged[..<at])
                    }
                }
                do {
                    let template = try MustacheParser.parse(String(damaged))
                    _ = TemplateRenderer.render("main", view, templates: ["main": template, "layout": template])
                    parsed += 1
                } catch {
                    #expect(error.line >= 1 && error.column >= 1)
                    refused += 1
                }
            }
        }
        #expect(parsed > 100 && refused > 100, "parsed \(parsed), refused \(refused)")
    }

    /// The fixtures' and the example site's pages, rendered by both.
    @Test(arguments: ["mini", "progress", "statistics", "example"])
    func everyPageRendersAsSwiftMustacheRendersIt(_ name: String) throws {
        let root = name == "example" ? Repository.content : Repository.fixture(name)
        let (site, diagnostics) = ContentPipeline.run(contentRoot: root, buildDate: Day(year: 2024, month: 6, day: 30), today: Day(year: 2024, month: 6, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let (loaded, _) = Theme.load(from: [Repository.templates])
        let theme = try #require(loaded)
        let context = RenderContext(site: try #require(site), theme: theme)
        var library = MustacheLibrary()
        for (template, text) in theme.templateTexts { try library.register(text, named: template) }
        var pages = 0
        for route in SiteRenderer.allRoutes(context.site) {
            for language in Language.allCases {
                let page = try #require(SiteRenderer.pageView(PageAddress(route, language), context))
                let ours = theme.render(page.template, page.view)
                let theirs = library.render(page.view, withTemplate: page.template) ?? ""
                if ours != theirs {
                    Issue.record(Comment(rawValue: "\(route) \(language):\n" + lineDiff(expected: theirs, actual: ours)))
                }
                pages += 1
            }
        }
        #expect(pages > 10)
    }
}

/// As the site rendered with swift-mustache: `TrustedHTML` is HTML already,
/// and an empty one counts as absent in a section.
extension TrustedHTML: MustacheCustomRenderable {
    public var renderText: String { html }
    public var isNull: Bool { html.isEmpty }
}
