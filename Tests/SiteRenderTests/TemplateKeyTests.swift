import Foundation
import Testing
import TestSupport
@testable import SiteModel
@testable import SiteRender

/// Mustache renders a missing key as nothing, so a misspelt key in a template
/// would silently vanish. These tests render every page of a fixture through a
/// view that records each key the templates ask for, and fail on keys no view
/// ever provides. They also hold the escaping rule: `{{{…}}}` only for
/// `_html` keys, which only ever hold `TrustedHTML`.
@Suite struct TemplateKeyTests {
    final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var asked: Set<String> = []
        private(set) var found: Set<String> = []
        private(set) var untrustedHTML: Set<String> = []

        func record(_ name: String, value: Any?) {
            lock.withLock {
                asked.insert(name)
                guard let value else { return }
                found.insert(name)
                // `false` stands for an absent value (so that Mustache does not look further up).
                if name.hasSuffix("_html") && !(value is TrustedHTML) && (value as? Bool) != false { untrustedHTML.insert(name) }
            }
        }
    }

    struct RecordingView: TemplateParent {
        let values: [String: Any]
        let recorder: Recorder

        func child(named name: String) -> Any? {
            let value = values[name]
            recorder.record(name, value: value)
            return value.map { RecordingView.wrap($0, recorder) }
        }

        static func wrap(_ value: Any, _ recorder: Recorder) -> Any {
            if let dictionary = value as? [String: Any] { return RecordingView(values: dictionary, recorder: recorder) }
            if let strings = value as? [String: String] { return RecordingView(values: strings, recorder: recorder) }
            if let list = value as? [[String: Any]] { return list.map { RecordingView(values: $0, recorder: recorder) } }
            return value
        }
    }

    static func context(_ contentRoot: String) throws -> RenderContext {
        let (site, diagnostics) = ContentPipeline.run(contentRoot: contentRoot, buildDate: Day(year: 2024, month: 6, day: 30), today: Day(year: 2024, month: 6, day: 30)!)
        #expect(!diagnostics.hasErrors, "\(diagnostics.sorted)")
        let (theme, themeDiagnostics) = Theme.load(from: [Repository.templates])
        #expect(themeDiagnostics.items.isEmpty, "\(themeDiagnostics.sorted)")
        return RenderContext(site: try #require(site), theme: try #require(theme))
    }

    @Test func everyTemplateKeyExistsInSomeView() throws {
        let recorder = Recorder()
        // The plain fixture and the one with progress reports and hazards: together they fill every optional key.
        for fixture in ["mini", "progress", "statistics"] {
            let context = try Self.context(Repository.fixture(fixture))
            for route in SiteRenderer.allRoutes(context.site) {
                for language in Language.allCases {
                    let page = try #require(SiteRenderer.pageView(PageAddress(route, language), context))
                    _ = context.theme.render(page.template, RecordingView(values: page.view, recorder: recorder))
                }
            }
            _ = context.theme.render("404", RecordingView(values: NotFoundPage.view(context), recorder: recorder))
        }
        let unknown = recorder.asked.subtracting(recorder.found)
        #expect(unknown.isEmpty, "template keys no view provides: \(unknown.sorted())")
        #expect(recorder.untrustedHTML.isEmpty, "_html keys holding plain strings: \(recorder.untrustedHTML.sorted())")
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

    @Test func tripleMustacheOnlyForHTMLKeys() throws {
        for text in try Self.templateTexts() {
            for name in Self.matches(#"\{\{\{\s*([^}\s]+)\s*\}\}\}"#, in: text) + Self.matches(#"\{\{&\s*([^}\s]+)\s*\}\}"#, in: text) {
                #expect(name.hasSuffix("_html"), "unescaped {{{\(name)}}} in a template: only _html keys may be unescaped")
            }
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
