import Foundation
import SiteModel

/// The link check's diagnostics: a link that content writes is reported at
/// each place it is written, once, naming the page it breaks on (and how many
/// more); a link the theme makes is reported at its template, once per place
/// in the template and kind of problem, however many pages it breaks.
struct LinkReport {
    var broken: [LinkCheck.Broken]
    var theme: Theme
    var draftSeverity: Diagnostic.Severity
    /// The ids of a page, by output path (for "did you mean" hints).
    var ids: (String) -> [String]

    func diagnostics() -> [Diagnostic] {
        var order: [String] = []
        var groups: [String: (first: LinkCheck.Broken, location: SourceLocation, pages: Set<String>, fromContent: Bool)] = [:]
        func add(_ key: String, _ link: LinkCheck.Broken, _ location: SourceLocation, fromContent: Bool) {
            if groups[key] == nil {
                order.append(key)
                groups[key] = (link, location, [], fromContent)
            }
            groups[key]?.pages.insert(link.page)
        }
        for link in broken {
            if link.sources.isEmpty {
                // Made by the theme: one diagnostic per place in the template and kind of problem.
                let location = templateLocation(of: link)
                add("theme\u{0}\(location)\u{0}\(Self.kind(of: link.problem))", link, location, fromContent: false)
            } else {
                for source in Set(link.sources).sorted(by: { $0.location < $1.location }) {
                    var written = link
                    written.kind = source.kind
                    // One link is written at one place; a path from site.yaml is linked from each page its own way.
                    add("content\u{0}\(source.location)\u{0}\(Self.kind(of: link.problem))", written, source.location, fromContent: true)
                }
            }
        }
        return order.compactMap { key in
            guard let group = groups[key] else { return nil }
            return diagnostic(group.first, at: group.location, pages: group.pages.sorted(), fromContent: group.fromContent)
        }
    }

    static func kind(of problem: LinkCheck.Problem) -> String {
        switch problem {
        case .missing: "missing"
        case .anchor: "anchor"
        case .outside: "outside"
        case .localFile: "local file"
        case .unpublished: "unpublished"
        case .heldBack: "held back"
        }
    }

    /// Where on the site, for people: `/en/plans/x/`.
    static func shown(_ path: String) -> String { "/" + path }

    func diagnostic(_ link: LinkCheck.Broken, at location: SourceLocation, pages: [String], fromContent: Bool) -> Diagnostic {
        let page = Self.shown(link.page)
        let others = pages.count - 1
        let on = others == 0 ? page : fromContent ? "\(page) and \(others) more page\(others == 1 ? "" : "s")" : "\(pages.count) pages, e.g. \(page)"
        let what = link.kind == .image ? "图片" : "链接"
        let whatEN = link.kind == .image ? "image" : "link"
        let by = fromContent ? "" : "模板生成的 (made by the theme) "
        switch link.problem {
        case .missing(let path):
            var hint = missingHint(path, link: link)
            if location.file == "site.yaml" {
                hint = "a nav path is a page of the site from its root, without a leading slash (plans/, statistics/); the site has no \(Self.shown(path))"
            }
            if location.file.hasSuffix("tasks.yaml"), !link.href.hasPrefix("/"), !link.href.contains(":") { hint += "; " + Self.sharedTextHint }
            return .error(.linkNotFound, at: location,
                          "\(by)\(what)指向不存在的\(link.kind == .image ? "文件" : "页面或文件") (the \(whatEN) leads to nothing): \(link.href) → \(Self.shown(path)) (on \(on))",
                          hint: hint)
        case .anchor(let path, let fragment):
            let known = ids(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)
            var hint = "\(Self.shown(path)) has no id \"\(fragment)\""
            if let near = Self.nearest(fragment, in: known) { hint += "; did you mean #\(near)?" }
            else if !known.isEmpty { hint += "; its anchors include " + known.prefix(8).map { "#" + $0 }.joined(separator: ", ") }
            if location.file.hasSuffix("tasks.yaml") { hint += "; " + Self.sharedTextHint }
            return .error(.anchorNotFound, at: location,
                          "\(by)锚点不存在 (no such anchor on the page): \(link.href) (on \(on))", hint: hint)
        case .outside(let resolved):
            return .error(.linkOutsideSite, at: location,
                          "\(by)\(what)超出网站范围 (the \(whatEN) leaves the site's folder): \(link.href) → \(resolved) (on \(on))",
                          hint: "relative links start from the page they are on (\(page)); the site is served under base_url's path, so a link climbing above it, or from the host's root outside it, leads off the site")
        case .localFile:
            return .error(.linkOutsideSite, at: location,
                          "\(by)\(what)指向作者电脑上的文件 (the \(whatEN) points at a file on the author's computer): \(link.href) (on \(on))",
                          hint: "readers cannot open a file: link; publish the file as one of the plan's attachments and link to it there")
        case .unpublished(let path, .draft, let what):
            return .error(.linkToDraft, at: location,
                          "\(by)链接指向未发布的草稿 (links to \(what), a draft this build leaves out): \(link.href) → \(Self.shown(path)) (on \(on))",
                          hint: "draft: true is built only with --drafts; publish it (remove draft: true) or remove the link until it is")
        case .unpublished(let path, .withheld, let what):
            return .error(.linkToWithheld, at: location,
                          "\(by)链接指向因错误未发布的页面 (links to \(what), withheld for its errors): \(link.href) → \(Self.shown(path)) (on \(on))",
                          hint: "fix the errors reported in its files; until then it is not published and the link leads nowhere")
        case .heldBack(let path, let what, .withheld):
            return .error(.linkToWithheld, at: location,
                          "\(by)链接指向未发布的方案 (links to \(what), not published until its fields are filled in): \(link.href) → \(Self.shown(path)) (on \(on))",
                          hint: "fill in what plan-field-missing reports in its plan.md; until then it is not published and the link leads nowhere")
        case .heldBack(let path, let what, .draft):
            return Diagnostic(draftSeverity, .linkToDraft, at: location,
                              "\(by)链接指向草稿 (links to \(what), a draft): \(link.href) → \(Self.shown(path)) (on \(on))",
                              hint: "draft: true is built only with --drafts, and a publishing build leaves this link leading nowhere; publish it or remove the link until it is")
        }
    }

    /// What the missing target most likely is, and what to do.
    func missingHint(_ path: String, link: LinkCheck.Broken) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let language = parts.first == "en" ? "en/" : ""
        let rest = language.isEmpty ? parts[...] : parts.dropFirst()
        if rest.count >= 2, rest.first == "plans" {
            let plan = rest[rest.startIndex + 1]
            let planExists = ids(language + "plans/\(plan)/index.html").isEmpty == false
            if rest.count >= 4, rest[rest.startIndex + 2] == "tasks", planExists {
                return "plan \(plan) has no task \(rest[rest.startIndex + 3]); its tasks are listed on \(Self.shown(language + "plans/\(plan)/"))#tasks"
            }
            if rest.count >= 4, rest[rest.startIndex + 2] == "attachments", planExists {
                return "a plan publishes the files listed under attachments: in its plan.md; put \(rest[rest.startIndex + 3]) in plans/\(plan)/attachments/ and list it there"
            }
            if !planExists { return "there is no plan \(plan)" }
        }
        if link.kind == .image {
            return "an image must be a file the site publishes (a plan's listed attachment, the theme's assets)"
        }
        return "links are resolved from the page they are on (\(Self.shown(link.page))): `../` climbs one folder; check the path"
    }

    /// Said of a link in a text shown on more than one page.
    static let sharedTextHint = "a task's requirements and remarks are shown on the task's page and in the plan's responsibility table, and a relative link is resolved from each: write it from the site root (/plans/<id>/tasks/<no>/, under base_url's path)"

    /// The place in the theme that most likely made `link`: the href as written, then its last
    /// segment, in the page's template, then the layout, then any template; else its first line.
    func templateLocation(of link: LinkCheck.Broken) -> SourceLocation {
        let file = theme.templatePaths[link.template] ?? "\(link.template).mustache"
        var needles = [link.href]
        let trimmed = link.href.split(separator: "#").first.map(String.init) ?? ""
        if let last = trimmed.split(separator: "/").last, last != ".." { needles.append(String(last)) }
        if let hash = link.href.firstIndex(of: "#") { needles.append(String(link.href[hash...])) }
        let names = [link.template, "layout"] + theme.templateTexts.keys.sorted().filter { $0 != link.template && $0 != "layout" }
        for needle in needles where !needle.isEmpty {
            for name in names {
                guard let text = theme.templateTexts[name], let found = Self.position(of: needle, in: text) else { continue }
                return SourceLocation(file: theme.templatePaths[name] ?? "\(name).mustache", line: found.line, column: found.column)
            }
        }
        return SourceLocation(file: file)
    }

    static func position(of needle: String, in text: String) -> (line: Int, column: Int)? {
        guard let range = text.range(of: needle) else { return nil }
        let before = text[..<range.lowerBound]
        let line = before.reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text.unicodeScalars[lineStart..<range.lowerBound].count + 1)
    }

    static func nearest(_ text: String, in candidates: [String]) -> String? {
        Suggestions.nearest(text, in: candidates).first
    }
}
