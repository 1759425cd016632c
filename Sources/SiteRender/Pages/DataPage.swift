import SiteModel

/// `/data/`: the open-data files with their schema, field by field, in the
/// page's language. The descriptions come from the string table (`schema_…`).
enum DataPage {
    /// File → its fields, in the order they appear in the JSON.
    static let schema: [(file: String, fields: [String])] = [
        ("tasks.json", ["version", "build_date", "sample", "plans[].id", "plans[].title", "plans[].doc_number", "plans[].issuer",
                        "plans[].issued", "plans[].period", "plans[].status", "plans[].url", "plans[].groups[]",
                        "plans[].tasks[].no", "plans[].tasks[].group", "plans[].tasks[].title", "plans[].tasks[].leaders",
                        "plans[].tasks[].lead", "plans[].tasks[].responsible", "plans[].tasks[].cooperating",
                        "plans[].tasks[].requirements", "plans[].tasks[].due", "plans[].tasks[].milestones",
                        "plans[].tasks[].remarks", "plans[].tasks[].tags", "plans[].tasks[].url",
                        "units[].id", "units[].name", "units[].short", "units[].kind", "units[].area", "units[].url"]),
        ("progress.json", ["version", "build_date", "sample", "in_force", "plans[].id", "plans[].status", "plans[].url",
                           "plans[].counts", "plans[].reports[]", "plans[].tasks[].no", "plans[].tasks[].status",
                           "plans[].tasks[].percent", "plans[].tasks[].as_of", "plans[].tasks[].overdue",
                           "plans[].tasks[].overdue_since", "plans[].tasks[].note", "plans[].tasks[].history[]",
                           "plans[].indicators[].id", "plans[].indicators[].title", "plans[].indicators[].unit",
                           "plans[].indicators[].baseline", "plans[].indicators[].target", "plans[].indicators[].direction",
                           "plans[].indicators[].current", "plans[].indicators[].as_of", "plans[].indicators[].values[]"]),
        ("hazards.json", ["version", "build_date", "sample", "url", "hazards[].id", "hazards[].name", "hazards[].location",
                          "hazards[].lead", "hazards[].cooperating", "hazards[].listed", "hazards[].due", "hazards[].status",
                          "hazards[].closed", "hazards[].days_open", "hazards[].overdue", "hazards[].description"]),
    ]

    static let accidentsSchema: [(file: String, fields: [String])] = [
        ("accidents.csv", ["period", "region", "category", "accidents", "deaths", "injuries", "loss", "severity", "sample"]),
        ("accidents.json", ["version", "build_date", "sample", "url", "categories[]", "regions[]", "totals_cover", "records[]",
                            "years[].year", "years[].complete", "years[].last_month", "years[].totals",
                            "years[].accidents_change", "years[].deaths_change", "year_to_date",
                            "by_category[]", "by_region[]"]),
    ]

    static func view(_ context: RenderContext, _ language: Language) -> PageView {
        let page = PageBuilder(context, PageAddress(.data, language))
        let entries = schema + (context.site.statistics != nil ? accidentsSchema : [])
        let view: TemplateObject = [
            .as_of: .text(page.asOfText),
            .files: .objects(entries.map { entry in
                let stem = entry.file.replacingOccurrences(of: ".", with: "_")
                return [
                    .file: .text(entry.file),
                    .anchor: .text("file-\(stem)"),
                    .href: .text(page.link(to: "data/\(entry.file)")),
                    .about: .text(page.t("schema_\(stem)")),
                    .fields: .objects(entry.fields.map { field in
                        [.name: .text(field), .about: .text(page.t("schema_\(stem).\(field)"))]
                    }),
                ]
            }),
        ]
        return page.layout("data", title: page.t("data_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("data_title"), nil)],
                           page: view)
    }
}
