import Foundation
import SiteModel

/// Atom feeds `/feed.xml` (Chinese) and `/en/feed.xml`: notices, plans and
/// progress reports, newest first, with absolute URLs from `base_url` and
/// ids that never change (the entry's page address).
enum Feeds {
    static let maximumEntries = 50

    struct Entry {
        var id: String
        var title: String
        var date: Day
        var link: String
        var summary: String
        /// Ties on the same day: a stable order.
        var key: String
    }

    static func files(_ context: RenderContext) -> [OutputFile] {
        context.languages.map { language in
            OutputFile(path: PageAddress.prefix(language) + "feed.xml", contents: .made { Data(atom(context, language).utf8) })
        }
    }

    static func entries(_ context: RenderContext, _ language: Language) -> [Entry] {
        let site = context.site
        let strings = context.theme.strings
        func url(_ route: PageRoute) -> String { context.baseURL + PageAddress(route, language).path }
        func text(_ value: BilingualText?) -> String { value?.localized(language).text ?? "" }
        var entries: [Entry] = []
        for notice in site.notices {
            guard let date = notice.date, date <= site.buildDate else { continue }
            entries.append(Entry(id: url(.notice(notice.slug)), title: text(notice.title), date: date,
                                 link: url(.notice(notice.slug)), summary: text(notice.summary), key: "n-" + notice.slug))
        }
        for plan in site.plans {
            let date = plan.published ?? plan.issued
            entries.append(Entry(id: url(.plan(plan.id)), title: text(plan.title), date: date, link: url(.plan(plan.id)),
                                 summary: [plan.docNumber, plan.summary.map(text)].compactMap { $0 }.joined(separator: " · "),
                                 key: "p-" + plan.id.rawValue))
            // Each revision of the plan (修订记录) is news of its own: what changed, on which day.
            // Ids by date (a second revision on one day gets -2), so an entry keeps its id when earlier ones are added.
            var perDay: [Day: Int] = [:]
            for revision in plan.revisions where revision.date <= site.buildDate {
                perDay[revision.date, default: 0] += 1
                let suffix = "\(revision.date)" + (perDay[revision.date] == 1 ? "" : "-\(perDay[revision.date] ?? 0)")
                let title = "\(strings["feed_revision", language])\(strings["colon", language])\(text(plan.title))"
                entries.append(Entry(id: url(.plan(plan.id)) + "#revision-" + suffix, title: title, date: revision.date,
                                     link: url(.plan(plan.id)) + "#revisions", summary: text(revision.what),
                                     key: "v-\(plan.id.rawValue)-" + suffix))
            }
            let doneByDate = ProgressTracker.doneCounts(of: plan)
            for report in plan.reports where report.asOf <= site.buildDate {
                let title = "\(strings["feed_report", language])\(strings["colon", language])\(text(plan.title)) \(report.period)"
                let done = doneByDate[report.asOf] ?? 0
                let separator = language == .zh ? "，" : ", "
                let summary = "\(strings["progress_col_reported", language]) \(report.updates.count)\(separator)\(strings["progress_col_done_by_then", language]) \(done)"
                entries.append(Entry(id: url(.progress(plan.id)) + "#report-" + report.period, title: title, date: report.asOf,
                                     link: url(.progress(plan.id)), summary: summary, key: "r-\(plan.id.rawValue)-\(report.period)"))
            }
        }
        entries.sort { a, b in a.date != b.date ? a.date > b.date : a.key < b.key }
        return Array(entries.prefix(maximumEntries))
    }

    static func atom(_ context: RenderContext, _ language: Language) -> String {
        let site = context.site.site
        let entries = entries(context, language)
        let home = context.baseURL + PageAddress(.home, language).path
        let title = site.title.localized(language).text
        var xml = XMLWriter()
        xml.start("feed", [("xmlns", "http://www.w3.org/2005/Atom"), ("xml:lang", language.tag)])
        xml.element("id", home)
        xml.element("title", title)
        if let description = site.description?.localized(language).text { xml.element("subtitle", description) }
        xml.element("updated", timestamp(entries.first?.date ?? context.site.buildDate))
        xml.start("author")
        xml.element("name", (site.publisher ?? site.title).localized(language).text)
        xml.element("uri", home)
        xml.end()
        xml.empty("link", [("rel", "self"), ("type", "application/atom+xml"), ("href", home + "feed.xml")])
        xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", home)])
        xml.element("generator", "gen-site")
        for entry in entries {
            xml.start("entry")
            xml.element("id", entry.id)
            xml.element("title", entry.title)
            xml.element("updated", timestamp(entry.date))
            xml.empty("link", [("rel", "alternate"), ("type", "text/html"), ("href", entry.link)])
            if !entry.summary.isEmpty { xml.element("summary", entry.summary) }
            xml.end()
        }
        xml.end()
        return xml.text
    }

    /// RFC 3339, midnight UTC of the day: no clock time is invented.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}
