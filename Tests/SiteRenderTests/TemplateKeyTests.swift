import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Mustache renders a missing key as nothing, so a misspelt key in a template
/// would silently vanish. These tests walk the views of every page of the
/// fixtures and fail on a name the default theme asks for that no view ever
/// holds. They also hold the typing of HTML: a key that holds HTML
/// (`TemplateKey.holdsHTML`, the only keys a template may write raw) holds
/// nothing but `TrustedHTML`, and no other key holds any.
@Suite struct TemplateKeyTests {
    static func context(_ contentRoot: String) throws -> RenderContext {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: contentRoot, buildDate: Day(year: 2024, month: 6, day: 30), today: Day(year: 2024, month: 6, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let (theme, themeDiagnostics) = Theme.load(from: [Repository.templates])
        #expect(themeDiagnostics.items.isEmpty, "\(themeDiagnostics.sorted)")
        return RenderContext(site: try #require(site), theme: try #require(theme))
    }

    /// Every view of the fixture: each page in each language, and the not-found page.
    static func views(_ context: RenderContext) throws -> [(String, TemplateObject)] {
        var views: [(String, TemplateObject)] = []
        for route in SiteRenderer.allRoutes(context.site) {
            for language in Language.allCases {
                let page = try #require(SiteRenderer.pageView(PageAddress(route, language), context))
                views.append(("\(route) \(language)", page.view))
            }
        }
        views.append(("404", NotFoundPage.view(context)))
        return views
    }

    /// Calls `body` with every field of `value` and of the values inside it.
    static func walk(_ value: TemplateValue, _ body: (TemplateObject.Field) -> Void) {
        switch value {
        case .list(let list): for element in list { walk(element, body) }
        case .object(let object):
            for field in object.fields {
                body(field)
                if let inner = field.value { walk(inner, body) }
            }
        case .text, .html, .number, .bool: break
        }
    }

    /// The slots of every name a template looks up (each part of `a.b`), with the template's name.
    static func askedNames(_ templates: TemplateSet) -> [(template: String, slot: Int)] {
        var asked: [(String, Int)] = []
        func walk(_ nodes: [TemplateNode], _ template: String) {
            for node in nodes {
                switch node {
                case .text: break
                case .variable(let name, _): asked += name.slots.map { (template, $0) }
                case .section(let name, let body, _):
                    asked += name.slots.map { (template, $0) }
                    walk(body, template)
                case .partial(_, _, let overrides): for body in (overrides ?? [:]).values { walk(body, template) }
                case .block(_, let defaultNodes, _): walk(defaultNodes, template)
                }
            }
        }
        for (name, index) in templates.indices.sorted(by: { $0.key < $1.key }) {
            if let template = templates.templates[index] { walk(template.nodes, name) }
        }
        return asked
    }

    @Test func everyTemplateKeyExistsInSomeView() throws {
        var held = Set<Int>()
        var names: [String] = []
        var asked: [(template: String, slot: Int)] = []
        // The plain fixture, the ones with progress reports, hazards and statistics, and the one with
        // every field filled: together they fill every optional key.
        for fixture in ["mini", "progress", "statistics", "script"] {
            let context = try Self.context(Repository.fixture(fixture))
            for (_, view) in try Self.views(context) {
                Self.walk(.object(view)) { held.insert($0.slot) }
            }
            names = context.theme.templates.keys.names
            asked = Self.askedNames(context.theme.templates)
        }
        let unknown = Set(asked.filter { !held.contains($0.slot) }.map { "\($0.template): \(names[$0.slot])" })
        #expect(unknown.isEmpty, "template keys no view provides: \(unknown.sorted())")
        #expect(asked.count > 300)
    }

    /// HTML is a type: the keys that hold HTML hold only `TrustedHTML` (or nothing), and HTML is
    /// held under no other key, so a template's `{{{…}}}` — allowed for those keys only — writes
    /// nothing but HTML the generator made.
    @Test func htmlKeysHoldHTMLAndNoOtherKeyDoes() throws {
        var misplaced = Set<String>()
        var htmlFields = 0
        for fixture in ["mini", "progress", "statistics", "disclosure", "script"] {
            let context = try Self.context(Repository.fixture(fixture))
            let names = context.theme.templates.keys.names
            for (page, view) in try Self.views(context) {
                Self.walk(.object(view)) { field in
                    let holdsHTML = TemplateKey(rawValue: field.slot)?.holdsHTML == true
                    switch (field.value, holdsHTML) {
                    case (.html?, true): htmlFields += 1
                    case (nil, _): break
                    case (.html?, false): misplaced.insert("\(page): HTML under \(names[field.slot])")
                    case (_?, true): misplaced.insert("\(page): \(names[field.slot]) holds no HTML")
                    case (_?, false): break
                    }
                }
            }
        }
        #expect(misplaced.isEmpty, "\(misplaced.sorted())")
        #expect(htmlFields > 1000)
    }

    @Test func everyInterfaceStringUsedExistsInBothLanguages() throws {
        let (theme, _) = Theme.load(from: [Repository.templates])
        let strings = try #require(theme).strings.entries
        let used = try Self.templateTexts().flatMap { Self.matches(#"\{\{t(?:_zh|_en)?\.([a-z0-9_]+)\}\}"#, in: $0) }
        for key in Set(used) {
            #expect(strings[key]?.zh != nil && strings[key]?.en != nil, "strings.yaml lacks \(key)")
        }
    }

    /// Keys the Swift code looks up (`page.t("…")`, and the ones built from enum cases) are all in strings.yaml.
    @Test func everyInterfaceStringTheCodeUsesExists() throws {
        let (theme, _) = Theme.load(from: [Repository.templates])
        let strings = try #require(theme).strings.entries
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Repository.path("Sources/SiteRender"))
            .filter { $0.hasSuffix(".swift") }
            .map { try String(contentsOfFile: Repository.path("Sources/SiteRender/\($0)"), encoding: .utf8) }
        var keys = Set(sources.flatMap { Self.matches(#"\bt\("([a-z0-9_]+)"\)"#, in: $0) })
        keys.formUnion(TaskStatus.allCases.map { "task_status_\($0.rawValue)" })
        keys.formUnion(Hazard.Status.allCases.map { "hazard_status_\($0.rawValue)" })
        keys.formUnion(UnitRole.allCases.map { "role_\($0.rawValue)" })
        keys.formUnion(Unit.Kind.allCases.map { "kind_\($0.rawValue)" })
        keys.formUnion(Plan.Status.allCases.map { "status_\($0.rawValue)" })
        keys.formUnion(Plan.Level.allCases.map { "level_\($0.rawValue)" })
        for entry in DataPage.schema + DataPage.accidentsSchema {
            let stem = entry.file.replacingOccurrences(of: ".", with: "_")
            keys.insert("schema_\(stem)")
            keys.formUnion(entry.fields.map { "schema_\(stem).\($0)" })
        }
        #expect(keys.count > 100)
        for key in keys.sorted() {
            #expect(strings[key]?.zh != nil && strings[key]?.en != nil, "strings.yaml lacks \(key)")
        }
    }

    static func templateTexts() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.templates).filter { $0.hasSuffix(".mustache") }
        return try names.sorted().map { try String(contentsOfFile: Repository.templates + "/" + $0, encoding: .utf8) }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
