import SiteModel

/// A page of the site, independent of language. Its path is the same in both
/// languages, under `/en/` for English.
public enum PageRoute: Sendable, Hashable {
    case home
    case plans
    case plan(PlanID)
    case task(PlanID, TaskNumber)
    /// A plan's progress dashboard.
    case progress(PlanID)
    /// Major hazards under listed supervision.
    case hazards
    /// The open-data files and their schema.
    case data
    /// Accident statistics.
    case statistics
    /// How to report a hazard.
    case report
    /// The list of notices, page 1, 2, …
    case notices(Int)
    case notice(String)
    /// A free page (`pages/<slug>.md`).
    case page(String)
    case search
    case translationStatus
    case units
    case unit(UnitID)

    /// Site-relative, ending in `/` (empty for the home page).
    public var path: String {
        switch self {
        case .home: ""
        case .plans: "plans/"
        case .plan(let id): "plans/\(id.rawValue)/"
        case .task(let plan, let number): "plans/\(plan.rawValue)/tasks/\(number.rawValue)/"
        case .progress(let plan): "plans/\(plan.rawValue)/progress/"
        case .hazards: "hazards/"
        case .data: "data/"
        case .statistics: "statistics/"
        case .report: "report/"
        case .notices(let page): page <= 1 ? "notices/" : "notices/page/\(page)/"
        case .notice(let slug): "notices/\(slug)/"
        case .page(let slug): "pages/\(slug)/"
        case .search: "search/"
        case .translationStatus: "translation-status/"
        case .units: "units/"
        case .unit(let id): "units/\(id.rawValue)/"
        }
    }
}

/// A route in one language: where the page is written and linked.
public struct PageAddress: Sendable, Hashable {
    public var route: PageRoute
    public var language: Language

    public init(_ route: PageRoute, _ language: Language) {
        self.route = route
        self.language = language
    }

    /// Site-relative path of the page's folder.
    public var path: String { PageAddress.prefix(language) + route.path }

    /// The HTML file written for the page.
    public var outputPath: String { path + "index.html" }

    /// The prefix of a language's pages: "" for Chinese, "en/" for English.
    public static func prefix(_ language: Language) -> String { language == .zh ? "" : "\(language.rawValue)/" }

    /// `../` repeated once per folder level, the way back to the site root.
    public var rootPrefix: String {
        // The path's folders: runs of bytes between `/`s (as `split(separator: "/")` counts them).
        var folders = 0, inFolder = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if inFolder { folders += 1 }
                inFolder = false
            } else {
                inFolder = true
            }
        }
        if inFolder { folders += 1 }
        return String(repeating: "../", count: folders)
    }

    /// The shortest relative link from this page to a site-relative path:
    /// up to the folder both share, then down (`../../units/x/` from
    /// `en/plans/p/` to `en/units/x/`).
    public func href(to sitePath: String) -> String {
        Self.relative(from: path, to: sitePath)
    }

    /// The relative link between two site paths (folders end in `/`), by one scan of their bytes.
    static func relative(from: String, to: String) -> String {
        var from = from, to = to
        return from.withUTF8 { a in
            to.withUTF8 { b in
                // The longest common prefix that ends at a folder boundary.
                var common = 0, i = 0
                while i < a.count, i < b.count, a[i] == b[i] {
                    i += 1
                    if a[i - 1] == UInt8(ascii: "/") { common = i }
                }
                var ups = 0
                for index in common..<a.count where a[index] == UInt8(ascii: "/") { ups += 1 }
                guard ups > 0 || common < b.count else { return "./" }
                return String(unsafeUninitializedCapacity: 3 * ups + b.count - common) { buffer in
                    var at = 0
                    for _ in 0..<ups {
                        buffer[at] = UInt8(ascii: "."); buffer[at + 1] = UInt8(ascii: "."); buffer[at + 2] = UInt8(ascii: "/")
                        at += 3
                    }
                    for index in common..<b.count {
                        buffer[at] = b[index]
                        at += 1
                    }
                    return at
                }
            }
        }
    }
}
