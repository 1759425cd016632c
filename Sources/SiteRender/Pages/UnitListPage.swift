import SiteModel

/// `/units/`: every unit, grouped by area, with how many tasks it takes part in.
enum UnitListPage {
    static func view(_ context: RenderContext, _ language: Language) -> [String: Any] {
        var page = PageBuilder(context, PageAddress(.units, language))
        let site = context.site
        // Areas in order of first appearance in the sorted plan list, then by name.
        var areaOrder: [String] = []
        var byArea: [String: [Unit]] = [:]
        var areaTitle: [String: BilingualText] = [:]
        for unit in site.units {
            let key = unit.area?.zh ?? unit.area?.en ?? ""
            if byArea[key] == nil { areaOrder.append(key) }
            byArea[key, default: []].append(unit)
            if let area = unit.area { areaTitle[key] = area }
        }
        areaOrder.sort { a, b in a.isEmpty != b.isEmpty ? !a.isEmpty : a < b }
        var areas: [[String: Any]] = []
        for key in areaOrder {
            let units = (byArea[key] ?? []).sorted { a, b in
                let ak = sortKey(a, language), bk = sortKey(b, language)
                return ak != bk ? ak < bk : a.id < b.id
            }
            areas.append([
                "title_html": areaTitle[key].map { page.inline($0) } ?? TrustedHTML(text: page.t("units_other_area")),
                "anchor": "area-\(areas.count + 1)",
                "units": units.map { unit -> [String: Any] in
                    let assignments = site.assignments(of: unit.id)
                    return ["href": page.href(.unit(unit.id)),
                            "name_html": page.inline(unit.name),
                            "kind": page.t("kind_\(unit.kind.rawValue)"),
                            "lead": assignments.count { $0.role == .lead },
                            "responsible": assignments.count { $0.role == .responsible },
                            "cooperating": assignments.count { $0.role == .cooperating }]
                },
            ])
        }
        var view: [String: Any] = [:]
        view["areas"] = areas
        view["unit_count"] = site.units.count
        return page.layout(title: page.t("units_title"),
                           breadcrumbs: [(page.t("nav_home"), .home), (page.t("units_title"), nil)],
                           page: view)
    }

    /// Chinese names sort by their UTF-8 text (stable, locale-free); English by lowercase name.
    static func sortKey(_ unit: Unit, _ language: Language) -> String {
        let text = unit.name.localized(language).text
        return language == .en ? text.lowercased() : text
    }
}
