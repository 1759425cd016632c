import SiteModel

/// A link the fast path did not judge, read in full by `LinkResolver`: where it leads, and what
/// is wrong when it leads nowhere.
extension LinkCheck {
    /// What the site's pages folder path `page` holds: a page, another file, or nothing.
    enum Found {
        case page(String)
        case file
        case nothing
    }

    func find(_ path: String) -> Found {
        if path.isEmpty || path.hasSuffix("/") {
            let page = path + "index.html"
            return files.contains(page) ? .page(page) : .nothing
        }
        if files.contains(path) { return path.hasSuffix(".html") ? .page(path) : .file }
        // A folder without its last slash: servers answer with a redirect to it.
        if files.contains(path + "/index.html") { return .page(path + "/index.html") }
        if searchIndex && path.hasPrefix("pagefind/") { return .file }
        return .nothing
    }

    /// One link, read in full.
    func judge(_ value: String, kind: LinkSource.Kind, ids: [String], path: String, folder: String, template: String,
                       sources: SourceIndex, anyDepth: Bool, isHeldBackPage: Bool,
                       into record: inout PageRecord, external: inout [String: Set<SourceLocation>]) {
        func written() -> [LinkSource] { sources.sources(of: value) }
        func broken(_ problem: Problem) {
            record.broken.append(Broken(page: folder, template: template, href: value, kind: kind, problem: problem, sources: written()))
        }
        if value.hasPrefix("#") {
            // An anchor of this page.
            let fragment = LinkResolver.percentDecoded(String(value.dropFirst()))
            guard !fragment.isEmpty, fragment.lowercased() != "top" else { return }
            if !ids.contains(fragment) { broken(.anchor(path: anyDepth ? path : folder, fragment: fragment)) }
            return
        }
        switch resolver.resolve(value, from: folder) {
        case .ignored:
            return
        case .external(let url):
            guard collectsExternal else { return }
            let content = written()
            // A link the theme makes is reported at its template.
            external[url, default: []].formUnion(content.isEmpty ? [SourceLocation(file: theme.templatePaths[template] ?? "\(template).mustache")]
                                                                 : content.map(\.location))
        case .outside(let resolved):
            broken(.outside(resolved: resolved))
        case .localFile:
            broken(.localFile)
        case .site(let target, let fragment):
            let found = find(target)
            if case .nothing = found {
                if let left = unpublished.first(where: { target.hasPrefix($0.prefix) || target + "/" == $0.prefix }) {
                    broken(.unpublished(path: target, reason: left.reason, what: left.what))
                } else {
                    broken(.missing(path: target))
                }
                return
            }
            if !isHeldBackPage, let held = heldBack.first(where: { target.hasPrefix($0.prefix) || target + "/" == $0.prefix }) {
                // Pages list heldBack only in a build that has them; content that names one links to a
                // page a publishing build leaves out.
                let content = written()
                if !content.isEmpty {
                    record.broken.append(Broken(page: folder, template: template, href: value, kind: kind,
                                                problem: .heldBack(path: target, what: held.what, reason: held.reason), sources: content))
                }
            }
            guard case .page(let page) = found, let fragment, !fragment.isEmpty, fragment.lowercased() != "top" else { return }
            if page == path {
                if !ids.contains(fragment) { broken(.anchor(path: target, fragment: fragment)) }
            } else {
                record.deferred.append(Deferred(page: folder, template: template, href: value, kind: kind,
                                                target: page, fragment: fragment, sources: written()))
            }
        }
    }
}
