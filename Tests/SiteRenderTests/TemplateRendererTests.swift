import Foundation
import Mustache
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Our Mustache renderer: the language cases one by one, then every page of
/// the fixtures and of the example site rendered by it and by swift-mustache
/// from the same templates and views, byte for byte (the typed values given to
/// swift-mustache as the dictionaries, arrays, strings and numbers it reads).
@Suite struct TemplateRendererTests {
    /// Compiles `template` (as `main`) and `partials` together, or throws the first parse failure.
    static func compile(_ template: String, partials: [String: String] = [:]) throws -> TemplateSet {
        let (set, failures) = TemplateSet.compile(partials.merging(["main": template]) { _, main in main })
        if let failure = failures.first { throw failure.failure }
        return set
    }

    func render(_ template: String, _ view: Any, partials: [String: String] = [:]) throws -> String {
        let set = try Self.compile(template, partials: partials)
        var keys = set.keys
        let value = Self.templateValue(view, &keys)
        return String(decoding: TemplateRenderer.render("main", value, templates: set) ?? [], as: UTF8.self)
    }

    /// A test's view, written as Swift literals, as template values (names numbered in `keys`).
    static func templateValue(_ view: Any, _ keys: inout TemplateKeyTable) -> TemplateValue {
        switch view {
        case let text as String: return .text(text)
        case let html as TrustedHTML: return .html(html)
        case let flag as Bool: return .bool(flag)
        case let number as Int: return .number(number)
        case let value as TemplateValue: return value
        case let object as [String: Any]:
            return .object(TemplateObject(slots: object.map { name, value in
                (keys.intern(name), value is NoValue ? nil : templateValue(value, &keys))
            }))
        case let strings as [String: String]: return templateValue(strings as [String: Any], &keys)
        case let list as [Any]: return .list(list.map { templateValue($0, &keys) })
        default: Issue.record("a test view holds \(type(of: view))"); return .text("")
        }
    }

    /// A field set to nil in a test view.
    struct NoValue {}

    /// A typed value as swift-mustache reads it: dictionaries by name, arrays, strings,
    /// numbers, `TrustedHTML` (rendered as it is, below); a field present and empty as
    /// `false`, which stops the lookup there as it does in ours.
    static func mustacheValue(_ value: TemplateValue, names: [String]) -> Any {
        switch value {
        case .text(let text): return text
        case .html(let html): return html
        case .number(let number): return number
        case .bool(let flag): return flag
        case .list(let list): return list.map { mustacheValue($0, names: names) }
        case .object(let object):
            var dictionary: [String: Any] = [:]
            for field in object.fields where field.slot < names.count {
                dictionary[names[field.slot]] = field.value.map { mustacheValue($0, names: names) } ?? false
            }
            return dictionary
        }
    }

    /// swift-mustache's output for the same template and view.
    func reference(_ template: String, _ view: Any, partials: [String: String] = [:]) throws -> String {
        var library = MustacheLibrary()
        try library.register(template, named: "main")
        for (name, text) in partials { try library.register(text, named: name) }
        return library.render(view, withTemplate: "main") ?? ""
    }

    nonisolated(unsafe) static let cases: [(String, String, [String: Any], [String: String])] = [
        ("escaping", "{{a}}|{{h}}|{{{h}}}|{{&h}}", ["a": "<b>\"Tom\" & 'Jerry'</b>", "h": TrustedHTML("<b>\"Tom\" &amp; 'Jerry'</b>")], [:]),
        ("numbers and booleans", "{{n}} {{z}} {{b}}", ["n": 42, "z": -7, "b": true], [:]),
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
        ("CJK and emoji", "{{a}}·{{{h}}}", ["a": "燃气 & 电动自行车 🚲", "h": TrustedHTML("燃气 &amp; 电动自行车 🚲")], [:]),
        ("CRLF", "a\r\n{{#b}}\r\nx\r\n{{/b}}\r\n", ["b": true], [:]),
    ]

    @Test(arguments: cases.map(\.0))
    func rendersAsSwiftMustacheDoes(_ name: String) throws {
        let (_, template, view, partials) = try #require(Self.cases.first { $0.0 == name })
        #expect(try render(template, view, partials: partials) == reference(template, view, partials: partials))
    }

    @Test func expectedOutputs() throws {
        #expect(try render("{{a}}|{{h}}|{{{h}}}", ["a": "<&\"'>", "h": TrustedHTML("<i>&amp;</i>")])
                == "&lt;&amp;&quot;&#39;&gt;|&lt;i&gt;&amp;amp;&lt;/i&gt;|<i>&amp;</i>")
        let standalone = try render("begin\n{{#a}}\n  line\n{{/a}}\nend\n", ["a": true])
        #expect(standalone == "begin\n  line\nend\n", "\(Array(standalone.utf8))")
        let rows = try render("{{#rows}}{{n}},{{/rows}}", ["rows": [["n": 1], ["n": 2]] as [[String: Any]]])
        #expect(rows == "1,2,", "\(rows)")
        // A field set to nil is found and empty: it renders nothing, its sections do not render,
        // and it hides the same name further out (a key not set at all does not).
        #expect(try render("{{#rows}}[{{a}}]{{#a}}yes{{/a}}{{^a}}no{{/a}}{{/rows}}",
                           ["a": "outer", "rows": [["a": NoValue()], [:]] as [[String: Any]]]) == "[]no[outer]yes")
    }

    /// Escaping follows the type: text is escaped even where a template asks for it raw
    /// (the theme refuses such a template when it loads; this is the renderer's own guard),
    /// and only HTML the generator made goes out as it is.
    @Test func textIsEscapedEvenInTripleMustaches() throws {
        let view: [String: Any] = ["a": "<script>alert(1)</script>", "h": TrustedHTML("<em>x</em>")]
        #expect(try render("{{{a}}}|{{&a}}|{{a}}|{{{h}}}", view)
                == "&lt;script&gt;alert(1)&lt;/script&gt;|&lt;script&gt;alert(1)&lt;/script&gt;|&lt;script&gt;alert(1)&lt;/script&gt;|<em>x</em>")
        // Numbers and switches are written as they are; lists and objects write nothing.
        #expect(try render("{{{n}}}|{{{b}}}|{{{l}}}|{{{o}}}", ["n": 12, "b": false, "l": ["x"], "o": ["x": "y"]]) == "12|false||")
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
                var keys = TemplateKeyTable()
                _ = try MustacheParser.parse(template, keys: &keys, templates: [:])
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
        var keys = TemplateKeyTable()
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
                let (set, failures) = TemplateSet.compile(["main": String(damaged), "layout": String(damaged)])
                if let failure = failures.first?.failure {
                    #expect(failure.line >= 1 && failure.column >= 1)
                    refused += 1
                } else {
                    _ = TemplateRenderer.render("main", Self.templateValue(view, &keys), templates: set)
                    parsed += 1
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
        let names = theme.templates.keys.names
        for route in SiteRenderer.allRoutes(context.site) {
            for language in Language.allCases {
                let page = try #require(SiteRenderer.pageView(PageAddress(route, language), context))
                let ours = theme.render(page.template, page.view)
                let theirs = library.render(Self.mustacheValue(.object(page.view), names: names), withTemplate: page.template) ?? ""
                if ours != theirs {
                    Issue.record(Comment(rawValue: "\(route) \(language):\n" + lineDiff(expected: theirs, actual: ours)))
                }
                pages += 1
            }
        }
        let notFound = NotFoundPage.view(context)
        #expect(theme.render("404", notFound) == library.render(Self.mustacheValue(.object(notFound), names: names), withTemplate: "404"))
        #expect(pages > 10)
    }
}

/// As the site rendered with swift-mustache: `TrustedHTML` is HTML already,
/// and an empty one counts as absent in a section.
extension TrustedHTML: MustacheCustomRenderable {
    public var renderText: String { html }
    public var isNull: Bool { html.isEmpty }
}
