import Foundation
import SiteModel

/// The templates, interface strings and static assets a site is rendered with:
/// the default theme (`Templates/`) with a site's own folder laid over it, file
/// by file. Templates are parsed once, here, into a `TemplateSet` that
/// `TemplateRenderer` walks: their names numbered as slots, which the page
/// views' `TemplateKey`s and the interface strings (`t`) are held by.
public struct Theme: Sendable {
    /// The parsed templates (file name without `.mustache` → template).
    let templates: TemplateSet
    /// Their text, by name, as loaded (for tools that compare renderers).
    public var templateTexts: [String: String]
    public var strings: StringTable {
        didSet { stringValues = Self.stringValues(strings, keys: templates.keys) }
    }
    /// Files under `assets/`, published as-is: path relative to the site root → bytes.
    public var assets: [String: Data]
    public var templateNames: Set<String>
    /// `t` in each language: every interface string a template names, by slot.
    private var stringValues: [TemplateValue]
    /// Each template's file as diagnostics name it (`templates/plan.mustache` for a site's own).
    public var templatePaths: [String: String] = [:]

    init(templates: TemplateSet, templateTexts: [String: String], strings: StringTable,
         assets: [String: Data], templateNames: Set<String>) {
        self.templates = templates
        self.templateTexts = templateTexts
        self.strings = strings
        self.assets = assets
        self.templateNames = templateNames
        self.stringValues = Self.stringValues(strings, keys: templates.keys)
    }

    /// The largest template the theme may have.
    static let maximumTemplateSize = 512 * 1024

    /// Each circle of templates that include (`{{>name}}`) or extend (`{{<name}}`) one another,
    /// once, from its first name in sorted order: `[a, b, a]`.
    static func includeCycles(_ templates: TemplateSet, names: [String]) -> [[String]] {
        var cycles: [[String]] = []
        var reported = Set<String>()
        for start in names {
            // Depth-first from `start`, looking for a way back to it.
            var stack: [(name: String, path: [String])] = [(start, [start])]
            var seen = Set<String>()
            while let (name, path) = stack.popLast() {
                for next in Set(templates.template(name)?.partialNames ?? []).sorted() {
                    if next == start {
                        let cycle = path + [start]
                        if reported.isDisjoint(with: cycle) { cycles.append(cycle) }
                        reported.formUnion(cycle)
                    } else if seen.insert(next).inserted {
                        stack.append((next, path + [next]))
                    }
                }
            }
        }
        return cycles
    }

    /// The interface strings of `language` as the object templates see as `t` (`{{t.plans_title}}`).
    func stringsValue(in language: Language) -> TemplateValue {
        Language.allCases.firstIndex(of: language).map { stringValues[$0] } ?? .object(TemplateObject())
    }

    /// Only the strings some template names have a slot; the others no template can ask for.
    private static func stringValues(_ strings: StringTable, keys: TemplateKeyTable) -> [TemplateValue] {
        Language.allCases.map { language in
            .object(TemplateObject(slots: strings.strings(in: language).compactMap { key, text in
                keys.slot(key).map { ($0, .text(text)) }
            }))
        }
    }

    /// A folder the theme is read from.
    public struct Folder: Sendable {
        public var path: String
        /// Links in the folder are followed only to real paths inside this folder (a site's
        /// `templates/`: the content folder).
        public var boundary: String
        /// What a file's path relative to the folder is prefixed with in diagnostics: `templates/`
        /// for a site's own folder (diagnostics of content are relative to the content folder),
        /// the folder's absolute path for the default theme.
        public var reportPrefix: String

        public init(path: String, boundary: String, reportPrefix: String) {
            self.path = path
            self.boundary = boundary
            self.reportPrefix = reportPrefix
        }

        /// A folder standing alone: links inside it only, reported by its absolute path.
        public init(_ path: String) {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            self.init(path: path, boundary: path, reportPrefix: absolute + "/")
        }
    }

    /// Loads the theme from `folders` (each its own boundary), later folders overriding earlier ones.
    public static func load(from folders: [String]) -> (Theme?, Diagnostics) {
        load(from: folders.map { Folder($0) })
    }

    /// Loads the theme from `folders`, later folders overriding earlier ones. Every folder is walked
    /// by FolderWalker's rule (no link out of its boundary, no loop); every text is read by
    /// ContentReader's (size, encoding, forbidden characters), so a template that is not UTF-8 is
    /// an error, not an empty page.
    public static func load(from folders: [Folder]) -> (Theme?, Diagnostics) {
        var diagnostics = Diagnostics()
        var templateFiles: [String: (path: String, report: String)] = [:]   // name → file
        var stringsFiles: [(path: String, report: String)] = []
        var assetFiles: [String: (path: String, report: String)] = [:]      // relative → file
        for folder in folders {
            let (entries, problems) = FolderWalker.walk(folder.path, boundary: folder.boundary)
            for problem in problems { diagnostics.append(problem.diagnostic(prefix: folder.reportPrefix)) }
            for entry in entries where entry.kind == .file {
                let relative = entry.path
                let file = (path: folder.path + "/" + relative, report: folder.reportPrefix + relative)
                if relative.hasSuffix(".mustache") && !relative.contains("/") {
                    templateFiles[String(relative.dropLast(".mustache".count))] = file
                } else if relative == "strings.yaml" {
                    stringsFiles.append(file)
                } else if relative.hasPrefix("assets/") {
                    assetFiles[relative] = file
                }
            }
        }
        var texts: [String: String] = [:]
        for name in templateFiles.keys.sorted() {
            guard let file = templateFiles[name] else { continue }
            guard let source = ContentReader.readTextFile(file.path, reportedAs: file.report, into: &diagnostics) else { continue }
            // Every page is rendered from its template: a template of megabytes makes every page
            // as large (a million tags ran for minutes). The theme's largest is 12 KB.
            guard source.text.utf8.count <= Self.maximumTemplateSize else {
                diagnostics.append(.error(.templateSyntax, at: SourceLocation(file: file.report),
                                          "模板过大 (a template of more than \(Self.maximumTemplateSize / 1024) KB)",
                                          hint: "a page's template is a few kilobytes; put text in content, not in the theme"))
                continue
            }
            texts[name] = source.text
        }
        let (templates, failures) = TemplateSet.compile(texts)
        for (name, error) in failures {
            guard let file = templateFiles[name] else { continue }
            diagnostics.append(.error(.templateSyntax, at: SourceLocation(file: file.report, line: error.line, column: error.column),
                                      "模板语法错误 (template syntax error): \(error.message)"))
        }
        var table: [String: BilingualText] = [:]
        for file in stringsFiles {
            guard let source = ContentReader.readTextFile(file.path, reportedAs: file.report, into: &diagnostics) else { continue }
            let (entries, stringDiagnostics) = StringTableDecoder.decode(source)
            diagnostics.append(contentsOf: stringDiagnostics)
            table.merge(entries) { _, new in new }
        }
        var assets: [String: Data] = [:]
        for (relative, file) in assetFiles {
            if let data = FileManager.default.contents(atPath: file.path) { assets[relative] = data } else {
                // Named as every theme file is: `templates/…` under the content folder as given, once.
                diagnostics.append(.error(.unreadableFile, at: SourceLocation(file: file.report), "无法读取文件 (cannot read the file)"))
            }
        }
        for required in ["layout", "home", "plans", "plan", "task", "progress", "hazards", "data", "statistics", "report", "notices", "article", "search", "translation-status", "units", "unit", "404"] where templateFiles[required] == nil {
            diagnostics.append(.error(.missingTemplate, at: SourceLocation(file: folders.first.map { $0.reportPrefix + "layout.mustache" } ?? "Templates"),
                                      "缺少模板 (template missing): \(required).mustache"))
        }
        // A partial or parent that names no template would render as nothing, silently.
        for name in texts.keys.sorted() {
            guard let template = templates.template(name), let file = templateFiles[name] else { continue }
            for missing in Set(template.partialNames).subtracting(templateFiles.keys).sorted() {
                diagnostics.append(.error(.missingTemplate, at: SourceLocation(file: file.report),
                                          "模板引用了不存在的模板 (\(name).mustache includes \(missing), which does not exist)",
                                          hint: "add \(missing).mustache to the theme, or fix the name in {{>\(missing)}}"))
            }
            diagnostics.append(contentsOf: unescapedText(in: template, file: file.report, keys: templates.keys))
        }
        // A template that includes or extends itself, directly or through others, renders nothing.
        for cycle in includeCycles(templates, names: texts.keys.sorted()) {
            guard let file = cycle.first.flatMap({ templateFiles[$0] }) else { continue }
            diagnostics.append(.error(.templateSyntax, at: SourceLocation(file: file.report),
                                      "模板循环引用 (templates include each other in a circle: \(cycle.map { $0 + ".mustache" }.joined(separator: " → ")))",
                                      hint: "a template may include or extend others, never itself"))
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        var theme = Theme(templates: templates, templateTexts: texts, strings: StringTable(table), assets: assets,
                          templateNames: Set(templateFiles.keys))
        theme.templatePaths = templateFiles.mapValues(\.report)
        return (theme, diagnostics)
    }

    /// Renders `template` with `view` as UTF-8; a missing template renders as empty (reported at load).
    public func renderBytes(_ template: String, _ view: TemplateObject) -> [UInt8] {
        TemplateRenderer.render(template, .object(view), templates: templates) ?? []
    }

    /// Renders `template` with `view`; a missing template renders as empty (reported at load).
    public func render(_ template: String, _ view: TemplateObject) -> String {
        String(decoding: renderBytes(template, view), as: UTF8.self)
    }

    /// `{{{name}}}` and `{{&name}}` may write only a key that holds HTML the generator made
    /// (`TemplateKey.holdsHTML`): anything else would be text from content, which the renderer
    /// escapes all the same, against what the template says. A site's own template that asks
    /// for it is refused at load, where it stands, rather than render other than it reads.
    static func unescapedText(in template: CompiledTemplate, file: String, keys: TemplateKeyTable) -> [Diagnostic] {
        template.rawTags.compactMap { tag in
            if let last = tag.slots.last, keys.key(last)?.holdsHTML == true { return nil }
            let shown = tag.name
            return .error(.templateUnescapedText, at: SourceLocation(file: file, line: tag.line, column: tag.column),
                          "模板不转义输出纯文本 ({{{\(shown)}}} would write text unescaped; only HTML the generator made may be written with {{{…}}} or {{&…}})",
                          hint: "write {{\(shown)}}: text is escaped; the keys that hold HTML are listed in docs/templates.md")
        }
    }
}

/// The interface strings in both languages (strings.yaml).
public struct StringTable: Sendable {
    public var entries: [String: BilingualText] {
        didSet { byLanguage = Self.split(entries) }
    }
    /// Every string in each language, made once: each page's `t` is one of these.
    private var byLanguage: [Language: [String: String]]

    public init(_ entries: [String: BilingualText]) {
        self.entries = entries
        self.byLanguage = Self.split(entries)
    }

    static func split(_ entries: [String: BilingualText]) -> [Language: [String: String]] {
        Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
            (language, entries.mapValues { $0[language] ?? $0[language.other] ?? "" })
        })
    }

    /// All strings in one language, for templates (`{{t.plans}}`).
    public func strings(in language: Language) -> [String: String] {
        byLanguage[language] ?? [:]
    }

    public subscript(key: String, language: Language) -> String {
        entries[key]?[language] ?? entries[key]?[language.other] ?? key
    }
}
