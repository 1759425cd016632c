import Foundation
import SiteModel

/// The templates, interface strings and static assets a site is rendered with:
/// the default theme (`Templates/`) with a site's own folder laid over it, file
/// by file. Templates are parsed once, here, into `CompiledTemplate`s that
/// `TemplateRenderer` walks.
public struct Theme: Sendable {
    /// The parsed templates by name (file name without `.mustache`).
    public var templates: [String: CompiledTemplate]
    /// Their text, by name, as loaded (for tools that compare renderers).
    public var templateTexts: [String: String]
    public var strings: StringTable
    /// Files under `assets/`, published as-is: path relative to the site root → bytes.
    public var assets: [String: Data]
    public var templateNames: Set<String>

    public init(templates: [String: CompiledTemplate], templateTexts: [String: String], strings: StringTable,
                assets: [String: Data], templateNames: Set<String>) {
        self.templates = templates
        self.templateTexts = templateTexts
        self.strings = strings
        self.assets = assets
        self.templateNames = templateNames
    }

    /// Loads the theme from `folders`, later folders overriding earlier ones.
    public static func load(from folders: [String]) -> (Theme?, Diagnostics) {
        var diagnostics = Diagnostics()
        var templateFiles: [String: String] = [:]   // name → path
        var stringsFiles: [String] = []
        var assetFiles: [String: String] = [:]      // relative → path
        let fm = FileManager.default
        for folder in folders {
            guard let items = fm.enumerator(atPath: folder) else { continue }
            for case let relative as String in items {
                let path = (folder as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                if relative.hasSuffix(".mustache") && !relative.contains("/") {
                    templateFiles[String(relative.dropLast(".mustache".count))] = path
                } else if relative == "strings.yaml" {
                    stringsFiles.append(path)
                } else if relative.hasPrefix("assets/") && !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                    assetFiles[relative] = path
                }
            }
        }
        var templates: [String: CompiledTemplate] = [:]
        var texts: [String: String] = [:]
        for name in templateFiles.keys.sorted() {
            guard let path = templateFiles[name] else { continue }
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            texts[name] = text
            do {
                templates[name] = try MustacheParser.parse(text)
            } catch {
                diagnostics.append(.error("template-syntax", at: SourceLocation(file: path, line: error.line, column: error.column),
                                          "模板语法错误 (template syntax error): \(error.message)"))
            }
        }
        var table: [String: BilingualText] = [:]
        for path in stringsFiles {
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            let (entries, stringDiagnostics) = StringTableDecoder.decode(SourceFile(path: path, text: text))
            diagnostics.append(contentsOf: stringDiagnostics)
            table.merge(entries) { _, new in new }
        }
        var assets: [String: Data] = [:]
        for (relative, path) in assetFiles {
            if let data = fm.contents(atPath: path) { assets[relative] = data }
        }
        for required in ["layout", "home", "plans", "plan", "task", "progress", "hazards", "data", "statistics", "report", "notices", "article", "search", "translation-status", "units", "unit", "404"] where templateFiles[required] == nil {
            diagnostics.append(.error("missing-template", at: SourceLocation(file: folders.first ?? "Templates"),
                                      "缺少模板 (template missing): \(required).mustache"))
        }
        // A partial or parent that names no template would render as nothing, silently.
        for name in templates.keys.sorted() {
            guard let template = templates[name], let path = templateFiles[name] else { continue }
            for missing in Set(template.partialNames).subtracting(templateFiles.keys).sorted() {
                diagnostics.append(.error("missing-template", at: SourceLocation(file: path),
                                          "模板引用了不存在的模板 (\(name).mustache includes \(missing), which does not exist)",
                                          hint: "add \(missing).mustache to the theme, or fix the name in {{>\(missing)}}"))
            }
        }
        if diagnostics.hasErrors { return (nil, diagnostics) }
        return (Theme(templates: templates, templateTexts: texts, strings: StringTable(table), assets: assets,
                      templateNames: Set(templateFiles.keys)), diagnostics)
    }

    /// Renders `template` with `view` as UTF-8; a missing template renders as empty (reported at load).
    public func renderBytes(_ template: String, _ view: Any) -> [UInt8] {
        TemplateRenderer.render(template, view, templates: templates) ?? []
    }

    /// Renders `template` with `view`; a missing template renders as empty (reported at load).
    public func render(_ template: String, _ view: Any) -> String {
        String(decoding: renderBytes(template, view), as: UTF8.self)
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
